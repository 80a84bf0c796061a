import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// `base: './'` so the built app works from any path (the framework test serves it under /frameworks/svelte/dist/).
export default defineConfig({
  base: './',
  plugins: [svelte()],
});
