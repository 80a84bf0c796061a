// Node side of the browser-test environment: a @web/test-runner (dev-server) plugin that starts the
// local SFU and the backend kit in front of it for the run (the same `startDevServer` behind
// `npm start`), and tells the test pages where they are.
//
// They start on the first request for TEST_ENV_MODULE (i.e. when a test first calls
// `callsTestEnv()`), so a run whose tests need neither never starts them, and they are stopped when
// the test runner stops. Test code reads the result with `callsTestEnv()` from ./test-env.ts.

import { randomUUID } from 'node:crypto';
import type { Logger, TestRunnerPlugin } from '@web/test-runner';
import type { RunningDevServer } from '../../../src/dev/dev-server.js';
import { authorizeHooks } from '../../node/helpers/authorize-hooks.js';
import { type CallsTestEnv, TEST_ENV_MODULE, TEST_ROOM_TOKEN, TOKEN_ROOM_PREFIX } from './test-env.js';

/**
 * The SFU and backend kit as a host app would run them, with timings a test can wait out: the SFU
 * forgets a vanished client after 6 s of silence plus a 2 s resume window (still well above
 * Chromium's 2.5 s consent interval on a healthy connection), and a participant who dropped is
 * gone after 3 s. Any origin may call the backend, because the test page is served from another port.
 * Anyone may join under the name they typed; the token `moderator` also makes them a moderator.
 */
async function startTestBackend(): Promise<RunningDevServer> {
  const { startDevServer } = await import('../../../src/dev/dev-server.js');
  return startDevServer({
    port: 0,
    logLevel: 'silent',
    sfu: {
      port: 0,
      appId: 'wtr-app',
      appSecret: `wtr-${randomUUID()}`,
      consentTimeoutMs: 6000,
      resumeWindowMs: 2000,
    },
    backend: {
      cors: { allowedOrigins: '*' },
      reconnectGraceMs: 3000,
      // Anyone joins under the name they typed, and the token `moderator` grants moderation (people
      // tests) — except in rooms named `token-…`: those want TEST_ROOM_TOKEN, so a test can tell
      // whether the widget sent the token it was given.
      authorize: (request, room) =>
        !room.startsWith(TOKEN_ROOM_PREFIX) ||
        request.headers.get('authorization') === `Bearer ${TEST_ROOM_TOKEN}`
          ? authorizeHooks.moderatorToken(request, room)
          : { allow: false, status: 401, reason: 'This test room wants the test token.' },
    },
  });
}

function describe(running: RunningDevServer): CallsTestEnv {
  const { sfu } = running;
  if (!sfu) throw new Error('the test backend runs without a local SFU');
  return {
    backend: { url: running.url, endpoint: running.endpoint },
    sfu: { url: sfu.url, apiBaseUrl: sfu.apiBaseUrl, appId: sfu.appId, appSecret: sfu.appSecret },
  };
}

export function callsTestEnvPlugin(): TestRunnerPlugin {
  let running: Promise<RunningDevServer> | undefined;
  let logger: Logger | undefined;

  return {
    name: 'calls-test-env',

    serverStart(args) {
      logger = args.logger;
    },

    async serve(context) {
      if (context.path !== TEST_ENV_MODULE) return undefined;
      running ??= startTestBackend();
      let body: string;
      try {
        body = `export default ${JSON.stringify(describe(await running), null, 2)};\n`;
      } catch (error) {
        // Fail the importing test with the reason (the Node stack goes to the runner's log: the
        // browser would try to source-map its frames as if they were its own).
        logger?.error(`calls-test-env: ${error instanceof Error ? error.stack : error}`);
        const reason = error instanceof Error ? error.message : String(error);
        body = `throw new Error(${JSON.stringify(`calls-test-env: the local SFU or backend did not start: ${reason}`)});\n`;
      }
      return { body, type: 'js', headers: { 'cache-control': 'no-store' } };
    },

    async serverStop() {
      const pending = running;
      running = undefined;
      // A start that failed has nothing to stop; its error was already reported to the tests.
      await (await pending?.catch(() => undefined))?.stop();
    },
  };
}
