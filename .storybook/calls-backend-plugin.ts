import type { Plugin } from 'vite';

/**
 * Makes the stories live: under `storybook dev`, starts the local SFU and the backend kit (any
 * origin allowed, anyone joins; the token `moderator` moderates) next to Storybook's server and tells the stories where it is
 * through `__CALLS_ENDPOINT__`. A static `storybook build` has no server of its own: its stories use
 * `/calls` on whatever serves them, and `npm run storybook:static` serves the build next to a live
 * backend (scripts/serve-storybook.ts). CALLS_STORYBOOK_ENDPOINT overrides both.
 */
export function callsBackendPlugin(): Plugin {
  let stop: (() => Promise<void>) | undefined;
  return {
    name: 'calls-elements-backend',
    async config(_config, { command }) {
      let endpoint = process.env.CALLS_STORYBOOK_ENDPOINT ?? '/calls';
      if (command === 'serve' && !process.env.CALLS_STORYBOOK_ENDPOINT) {
        const { startDevServer } = await import('../src/dev/dev-server.js');
        const dev = await startDevServer({
          port: 0,
          logLevel: 'silent',
          backend: {
            cors: { allowedOrigins: '*' },
            // Anyone joins under the name they typed; the token `moderator` grants moderation, so the
            // participant-list stories can show it. Development only: anybody can present that token.
            authorize: (request) => ({
              allow: true,
              moderator: request.headers.get('authorization') === 'Bearer moderator',
            }),
          },
        });
        endpoint = dev.endpoint;
        stop = () => dev.stop();
        console.log(`calls-elements stories: live backend at ${endpoint} (${dev.media})`);
      }
      return { define: { __CALLS_ENDPOINT__: JSON.stringify(endpoint) } };
    },
    configureServer(server) {
      server.httpServer?.once('close', () => void stop?.());
    },
  };
}
