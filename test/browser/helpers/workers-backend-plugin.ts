// Node side of the Workers browser tests: a @web/test-runner plugin that runs the backend kit's
// Workers adapter in workerd (Miniflare), in front of a local SFU of its own, and serves the test
// page its endpoint as a virtual module. Both start on the first request for that module and stop
// with the runner; tests that never ask start nothing.
import { randomUUID } from 'node:crypto';
import type { Logger, TestRunnerPlugin } from '@web/test-runner';
import type { RunningSfu } from '../../../src/sfu/index.js';
import type { RunningWorker } from '../../node/helpers/workers-backend.js';

/** URL path of the virtual module; its default export is a {@link WorkersTestEnv}. */
export const WORKERS_ENV_MODULE = '/__calls-workers-env.js';

export interface WorkersTestEnv {
  /** What a `<calls-room endpoint>` takes: the Worker's `/calls`. */
  readonly endpoint: string;
}

interface Running {
  sfu: RunningSfu;
  worker: RunningWorker;
}

/** The Worker on its own SFU, configured like the Node test backend: anonymous, loopback, any origin. */
async function start(): Promise<Running> {
  const { startSfu } = await import('../../../src/sfu/index.js');
  const { startTestWorker } = await import('../../node/helpers/workers-backend.js');
  const sfu = await startSfu({
    port: 0,
    host: '127.0.0.1',
    appId: 'wtr-workers-app',
    appSecret: `wtr-${randomUUID()}`,
    logLevel: 'silent',
  });
  try {
    const worker = await startTestWorker({
      appId: sfu.appId,
      appSecret: sfu.appSecret,
      realtimeApiBaseUrl: sfu.apiBaseUrl,
      anonymous: true,
      iceServers: [],
      cors: { allowedOrigins: '*' },
      reconnectGraceMs: 3000,
    });
    return { sfu, worker };
  } catch (error) {
    await sfu.stop();
    throw error;
  }
}

export function workersBackendPlugin(): TestRunnerPlugin {
  let running: Promise<Running> | undefined;
  let logger: Logger | undefined;

  return {
    name: 'calls-workers-backend',

    serverStart(args) {
      logger = args.logger;
    },

    async serve(context) {
      if (context.path !== WORKERS_ENV_MODULE) return undefined;
      running ??= start();
      let body: string;
      try {
        const { worker } = await running;
        const env: WorkersTestEnv = { endpoint: `${worker.url}/calls` };
        body = `export default ${JSON.stringify(env)};\n`;
      } catch (error) {
        logger?.error(`calls-workers-backend: ${error instanceof Error ? error.stack : error}`);
        const reason = error instanceof Error ? error.message : String(error);
        body = `throw new Error(${JSON.stringify(`calls-workers-backend did not start: ${reason}`)});\n`;
      }
      return { body, type: 'js', headers: { 'cache-control': 'no-store' } };
    },

    async serverStop() {
      const pending = running;
      running = undefined;
      const started = await pending?.catch(() => undefined);
      await started?.worker.stop();
      await started?.sfu.stop();
    },
  };
}
