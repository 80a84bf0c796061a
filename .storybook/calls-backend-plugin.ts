import type { Plugin } from 'vite';

/**
 * Makes the stories live: under `storybook dev`, starts the local SFU and the backend kit (any
 * origin allowed, anonymous rooms) next to Storybook's server and tells the stories where it is
 * through `__CALLS_ENDPOINT__`. A static `storybook build` has no server of its own, so its stories
 * point at `npm start` (http://127.0.0.1:8787/calls).
 */
export function callsBackendPlugin(): Plugin {
  let stop: (() => Promise<void>) | undefined;
  return {
    name: 'calls-elements-backend',
    async config(_config, { command }) {
      let endpoint = process.env.CALLS_STORYBOOK_ENDPOINT ?? 'http://127.0.0.1:8787/calls';
      if (command === 'serve' && !process.env.CALLS_STORYBOOK_ENDPOINT) {
        const { startSfu } = await import('../src/sfu/index.js');
        const { createCallsHandler } = await import('../src/server/index.js');
        const { serveNode } = await import('../src/server/adapters/node.js');
        const sfu = await startSfu({ host: '127.0.0.1', port: 0, logLevel: 'silent' });
        const handler = createCallsHandler({
          appId: sfu.appId,
          appSecret: sfu.appSecret,
          realtimeApiBaseUrl: sfu.apiBaseUrl,
          anonymous: true,
          iceServers: [],
          cors: { allowedOrigins: '*' },
        });
        const server = await serveNode(handler, { port: 0, host: '127.0.0.1' });
        endpoint = `${server.url}${handler.endpoint}`;
        stop = async () => {
          await server.stop();
          await handler.close();
          await sfu.stop();
        };
        console.log(`calls-elements stories: live backend at ${endpoint} (local SFU at ${sfu.url})`);
      }
      return { define: { __CALLS_ENDPOINT__: JSON.stringify(endpoint) } };
    },
    configureServer(server) {
      server.httpServer?.once('close', () => void stop?.());
    },
  };
}
