import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Vue must leave <calls-*> tags to the browser's custom elements registry instead of resolving them as
// Vue components. `base: './'` so the built app works from any path.
export default defineConfig({
  base: './',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('calls-') } } })],
});
