// Node side of the browser-test environment: a @web/test-runner (dev-server) plugin that starts the
// local SFU for the run and tells the test pages where it is.
//
// The SFU starts on the first request for TEST_ENV_MODULE (i.e. when a test first calls
// `callsTestEnv()`), so a run whose tests need no SFU never starts one, and it is stopped when the
// test runner stops. Test code reads the result with `callsTestEnv()` from ./test-env.ts.

import { randomUUID } from 'node:crypto';
import type { Logger, TestRunnerPlugin } from '@web/test-runner';
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

export function callsTestEnvPlugin(options: CallsTestEnvPluginOptions = {}): TestRunnerPlugin {
  const loadStartSfu = options.loadStartSfu ?? importStartSfu;
  let sfu: Promise<RunningSfu> | undefined;
  let logger: Logger | undefined;

  const ensureSfu = (): Promise<RunningSfu> => {
    sfu ??= loadStartSfu().then((startSfu) =>
      startSfu({
        port: 0,
        host: '127.0.0.1',
        appId: 'wtr-app',
        appSecret: `wtr-${randomUUID()}`,
        logLevel: 'silent',
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
        const env: CallsTestEnv = {
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
        body = `throw new Error(${JSON.stringify(`calls-test-env: the local SFU did not start: ${reason}`)});\n`;
      }
      return { body, type: 'js', headers: { 'cache-control': 'no-store' } };
    },

    async serverStop() {
      if (!sfu) return;
      const pending = sfu;
      sfu = undefined;
      // A start that failed has nothing to stop; its error was already reported to the tests.
      const running = await pending.catch(() => undefined);
      await running?.stop();
    },
  };
}
