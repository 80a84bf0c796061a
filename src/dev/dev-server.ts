/**
 * `calls-elements dev`: one process with the media backend (the local SFU, or Cloudflare when
 * credentials are given), the backend kit at `/calls`, and the demo page at `/`. Storybook and the
 * browser tests start the same thing for their live stories and tests.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveNode } from '../server/adapters/node.js';
import { type CallsHandlerOptions, createCallsHandler } from '../server/index.js';
import { type RunningSfu, type SfuOptions, startSfu } from '../sfu/index.js';
import { devCredentialSecret } from './credential-secret.js';
import { serveStaticFiles } from './static-files.js';

export interface DevServerOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  host?: string;
  /** With both set, media goes through Cloudflare Realtime instead of the local SFU. */
  cloudflare?: { appId: string; appSecret: string };
  logLevel?: 'silent' | 'info' | 'verbose';
  /**
   * Origins of other pages that may use this backend (`https://app.example:5173`). Their host names
   * are also accepted in `Host`, for a dev server reached by a name other than `localhost`.
   * Default: none, so only pages on this server's own loopback origin may join.
   */
  allowOrigins?: readonly string[];
  /**
   * Options for the local SFU (ignored with `cloudflare`). Its app secret defaults to a random one
   * per run: the SFU listens on its own port, and any page the developer visits could otherwise
   * drive it with a well-known secret.
   */
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
/**
 * What /dist/ serves: the script-tag bundle and the language chunks it loads from next to itself
 * (`calls-elements.<lang>.min.js`), with their maps — nothing else of the package.
 */
const BROWSER_FILE = /^calls-elements(\.[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)?\.min\.js(\.map)?$/;

function browserFiles(): string[] {
  try {
    return readdirSync(`${packageRoot}dist`).filter((name) => BROWSER_FILE.test(name));
  } catch {
    return [];
  }
}

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
      appSecret: randomBytes(24).toString('base64url'),
      ...options.sfu,
    });
    calls = {
      appId: sfu.appId,
      appSecret: sfu.appSecret,
      realtimeApiBaseUrl: sfu.apiBaseUrl,
      iceServers: [],
    };
  }
  const allowOrigins = [...(options.allowOrigins ?? [])];
  const handler = createCallsHandler({
    ...calls,
    anonymous: true,
    credentialSecret: devCredentialSecret(),
    ...(allowOrigins.length > 0 ? { cors: { allowedOrigins: allowOrigins } } : {}),
    ...options.backend,
  });
  const server = await serveNode(handler, {
    port: options.port ?? 8787,
    host,
    allowedHosts: allowOrigins,
    fallback: serveStaticFiles([
      { prefix: '/', root: options.site ?? `${packageRoot}demo` },
      // The script-tag bundle and its source map, and nothing else: dist/ also holds server code.
      { prefix: '/dist/', root: `${packageRoot}dist`, only: browserFiles() },
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
