/**
 * `calls-elements dev`: one process with the media backend (the local SFU, or Cloudflare when
 * credentials are given), the backend kit at `/calls`, and the demo page at `/`. Storybook and the
 * browser tests start the same thing for their live stories and tests.
 */
import { fileURLToPath } from 'node:url';
import { serveNode } from '../server/adapters/node.js';
import { type CallsHandlerOptions, createCallsHandler } from '../server/index.js';
import { type RunningSfu, type SfuOptions, startSfu } from '../sfu/index.js';
import { serveStaticFiles } from './static-files.js';

export interface DevServerOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  host?: string;
  /** With both set, media goes through Cloudflare Realtime instead of the local SFU. */
  cloudflare?: { appId: string; appSecret: string };
  logLevel?: 'silent' | 'info' | 'verbose';
  /** Options for the local SFU (ignored with `cloudflare`). */
  sfu?: SfuOptions;
  /** Options for the backend kit beyond the dev defaults (anonymous rooms, same origin only). */
  backend?: Partial<CallsHandlerOptions>;
  /** Directory served at `/` instead of the demo page (e.g. a static Storybook build). */
  site?: string;
}

export interface RunningDevServer {
  readonly url: string;
  /** Where the widget points: `${url}/calls`. */
  readonly endpoint: string;
  /** `local SFU at …` or `Cloudflare Realtime`. */
  readonly media: string;
  /** The local SFU, unless media goes through Cloudflare. */
  readonly sfu: RunningSfu | undefined;
  stop(): Promise<void>;
}

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function startDevServer(options: DevServerOptions = {}): Promise<RunningDevServer> {
  const host = options.host ?? '127.0.0.1';
  let sfu: RunningSfu | undefined;
  let calls: Pick<CallsHandlerOptions, 'appId' | 'appSecret' | 'realtimeApiBaseUrl' | 'iceServers'>;
  if (options.cloudflare) {
    calls = options.cloudflare;
  } else {
    sfu = await startSfu({
      host,
      logLevel: options.logLevel === 'verbose' ? 'verbose' : 'silent',
      ...options.sfu,
    });
    calls = {
      appId: sfu.appId,
      appSecret: sfu.appSecret,
      realtimeApiBaseUrl: sfu.apiBaseUrl,
      iceServers: [],
    };
  }
  const handler = createCallsHandler({ ...calls, anonymous: true, ...options.backend });
  const server = await serveNode(handler, {
    port: options.port ?? 8787,
    host,
    fallback: serveStaticFiles([
      { prefix: '/', root: options.site ?? `${packageRoot}demo` },
      { prefix: '/dist/', root: `${packageRoot}dist` },
    ]),
  }).catch(async (error: unknown) => {
    await handler.close();
    await sfu?.stop();
    throw error;
  });
  return {
    url: server.url,
    endpoint: `${server.url}${handler.endpoint}`,
    media: sfu ? `local SFU at ${sfu.url}` : 'Cloudflare Realtime',
    sfu,
    async stop() {
      await server.stop();
      await handler.close();
      await sfu?.stop();
    },
  };
}
