// Node side of the browser-test environment: a @web/test-runner (dev-server) plugin that starts the
// local SFU and the backend kit in front of it for the run, and tells the test pages where they are.
//
// Both start on the first request for TEST_ENV_MODULE (i.e. when a test first calls
// `callsTestEnv()`), so a run whose tests need neither never starts them, and they are stopped when
// the test runner stops. Test code reads the result with `callsTestEnv()` from ./test-env.ts.

import { randomUUID } from 'node:crypto';
import type { Logger, TestRunnerPlugin } from '@web/test-runner';
import type { RunningNodeServer } from '../../../src/server/adapters/node.js';
import type { CallsHandler } from '../../../src/server/index.js';
import type { RunningSfu, SfuOptions } from '../../../src/sfu/index.js';
import { type CallsTestEnv, TEST_ENV_MODULE } from './test-env.js';

type StartSfu = (options?: SfuOptions) => Promise<RunningSfu>;

export interface CallsTestEnvPluginOptions {
  /**
   * How to get `startSfu`. Default: import it from src/sfu/index.ts. Loaded only when a test first
   * asks for the environment, so the config loads even where the SFU is not needed.
   */
  loadStartSfu?: () => Promise<StartSfu>;
  /** Options passed to `startSfu`; the defaults bind 127.0.0.1 on a free port with a fresh secret. */
  sfu?: SfuOptions;
}

async function importStartSfu(): Promise<StartSfu> {
  const { startSfu } = await import('../../../src/sfu/index.js');
  if (typeof startSfu !== 'function') throw new Error('src/sfu/index.ts does not export a startSfu function');
  return startSfu;
}

interface RunningBackend {
  handler: CallsHandler;
  server: RunningNodeServer;
}

/**
 * The backend kit (src/server) on the SFU, as a host app would run it: anonymous rooms, no ICE
 * servers (loopback only) and any origin, because the test page is served from another port.
 * Short heartbeats and reconnect grace keep tests of leaving and dropping fast.
 */
async function startBackend(sfu: RunningSfu): Promise<RunningBackend> {
  const { createCallsHandler } = await import('../../../src/server/index.js');
  const { serveNode } = await import('../../../src/server/adapters/node.js');
  const handler = createCallsHandler({
    appId: sfu.appId,
    appSecret: sfu.appSecret,
    realtimeApiBaseUrl: sfu.apiBaseUrl,
    anonymous: true,
    iceServers: [],
    cors: { allowedOrigins: '*' },
    reconnectGraceMs: 3000,
  });
  const server = await serveNode(handler, { port: 0, host: '127.0.0.1' });
  return { handler, server };
}

export function callsTestEnvPlugin(options: CallsTestEnvPluginOptions = {}): TestRunnerPlugin {
  const loadStartSfu = options.loadStartSfu ?? importStartSfu;
  let sfu: Promise<RunningSfu> | undefined;
  let backend: Promise<RunningBackend> | undefined;
  let logger: Logger | undefined;

  const ensureSfu = (): Promise<RunningSfu> => {
    sfu ??= loadStartSfu().then((startSfu) =>
      startSfu({
        port: 0,
        host: '127.0.0.1',
        appId: 'wtr-app',
        appSecret: `wtr-${randomUUID()}`,
        logLevel: 'silent',
        // Short enough that a test can watch the SFU forget a client that vanished, still well
        // above Chromium's 2.5 s consent interval on a healthy connection.
        consentTimeoutMs: 6000,
        resumeWindowMs: 2000,
        ...options.sfu,
      }),
    );
    sfu.catch((error: unknown) => {
      logger?.error(
        `calls-test-env: the local SFU did not start: ${error instanceof Error ? error.stack : error}`,
      );
    });
    return sfu;
  };

  const ensureBackend = (): Promise<RunningBackend> => {
    backend ??= ensureSfu().then(startBackend);
    return backend;
  };

  return {
    name: 'calls-test-env',

    serverStart(args) {
      logger = args.logger;
    },

    async serve(context) {
      if (context.path !== TEST_ENV_MODULE) return undefined;
      let body: string;
      try {
        const running = await ensureSfu();
        const { handler, server } = await ensureBackend();
        const env: CallsTestEnv = {
          backend: { url: server.url, endpoint: `${server.url}${handler.endpoint}` },
          sfu: {
            url: running.url,
            apiBaseUrl: running.apiBaseUrl,
            appId: running.appId,
            appSecret: running.appSecret,
          },
        };
        body = `export default ${JSON.stringify(env, null, 2)};\n`;
      } catch (error) {
        // Fail the importing test with the reason (the Node stack goes to the runner's log: the
        // browser would try to source-map its frames as if they were its own).
        const reason = error instanceof Error ? error.message : String(error);
        body = `throw new Error(${JSON.stringify(`calls-test-env: the local SFU or backend did not start: ${reason}`)});\n`;
      }
      return { body, type: 'js', headers: { 'cache-control': 'no-store' } };
    },

    async serverStop() {
      if (backend) {
        const running = await backend.catch(() => undefined);
        backend = undefined;
        await running?.server.stop();
        await running?.handler.close();
      }
      if (!sfu) return;
      const pending = sfu;
      sfu = undefined;
      // A start that failed has nothing to stop; its error was already reported to the tests.
      const running = await pending.catch(() => undefined);
      await running?.stop();
    },
  };
}
