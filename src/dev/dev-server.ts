/**
 * `calls-elements dev`: one process with the media backend (the local SFU, or Cloudflare when
 * credentials are given), the backend kit at `/calls`, and the demo page at `/`.
 */
import { fileURLToPath } from 'node:url';
import { serveNode } from '../server/adapters/node.js';
import { createCallsHandler } from '../server/index.js';
import { type RunningSfu, startSfu } from '../sfu/index.js';
import { serveStaticFiles } from './static-files.js';

export interface DevServerOptions {
  port?: number;
  host?: string;
  /** With both set, media goes through Cloudflare Realtime instead of the local SFU. */
  cloudflare?: { appId: string; appSecret: string };
  logLevel?: 'silent' | 'info' | 'verbose';
}

export interface RunningDevServer {
  readonly url: string;
  /** `local SFU at …` or `Cloudflare Realtime`. */
  readonly media: string;
  stop(): Promise<void>;
}

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function startDevServer(options: DevServerOptions = {}): Promise<RunningDevServer> {
  const host = options.host ?? '127.0.0.1';
  let sfu: RunningSfu | undefined;
  let calls: { appId: string; appSecret: string; realtimeApiBaseUrl?: string; iceServers?: [] };
  if (options.cloudflare) {
    calls = options.cloudflare;
  } else {
    sfu = await startSfu({ host, logLevel: options.logLevel === 'verbose' ? 'verbose' : 'silent' });
    calls = {
      appId: sfu.appId,
      appSecret: sfu.appSecret,
      realtimeApiBaseUrl: sfu.apiBaseUrl,
      iceServers: [],
    };
  }
  const handler = createCallsHandler({ ...calls, anonymous: true });
  const server = await serveNode(handler, {
    port: options.port ?? 8787,
    host,
    fallback: serveStaticFiles([
      { prefix: '/', root: `${packageRoot}demo` },
      { prefix: '/dist/', root: `${packageRoot}dist` },
    ]),
  });
  return {
    url: server.url,
    media: sfu ? `local SFU at ${sfu.url}` : 'Cloudflare Realtime',
    async stop() {
      await server.stop();
      await handler.close();
      await sfu?.stop();
    },
  };
}
