import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `base: './'` so the built app works from any path (the framework test serves it under /frameworks/react/dist/).
export default defineConfig({
  base: './',
  plugins: [react()],
});
