import type { StorybookConfig } from '@storybook/web-components-vite';
import { callsBackendPlugin } from './calls-backend-plugin.js';

// Offline by design: no telemetry, no "what's new" fetches (the dev script also passes
// --no-version-updates). The stories run against the local SFU, never the internet.
const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    options: {},
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  docs: {
    defaultName: 'Docs',
  },
  // Keep `npm test` output readable: Vite's per-chunk table and the size warning about Storybook's
  // own UI bundle say nothing about this package.
  // The stories run live: a local SFU and backend start with `storybook dev` (calls-backend-plugin).
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), callsBackendPlugin()],
    // partytracks ships tiny-invariant, which reads process.env.NODE_ENV.
    define: { ...viteConfig.define, 'process.env.NODE_ENV': JSON.stringify('development') },
    logLevel: 'warn',
    build: { ...viteConfig.build, chunkSizeWarningLimit: 4096 },
  }),
};

export default config;
