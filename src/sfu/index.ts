/**
 * `calls-elements/sfu`: a local Selective Forwarding Unit that speaks the Cloudflare Calls HTTP API,
 * for development, tests and small self-hosted rooms. Start it, point a Calls client (or the
 * calls-elements backend kit) at `apiBaseUrl`, stop it when done.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hardenHttpServer } from '../server/adapters/harden-http-server.js';
import { DEFAULT_PUBLISHER_BITRATE } from './bandwidth.js';
import { createRequestListener } from './http-server.js';
import { createLogger, type LogLevel } from './logger.js';
import { type LifecycleLimits, SessionRegistry } from './session-registry.js';

export type { CallsErrorBody, CallsErrorCode } from './errors.js';
export type { LogLevel } from './logger.js';

export interface SfuOptions extends Partial<LifecycleLimits> {
  /** TCP port for the HTTP API; 0 picks a free one. Default 0. */
  port?: number;
  /** Address to serve (HTTP and media). Default 127.0.0.1; a LAN address lets other machines join. */
  host?: string;
  /** App id accepted in `/v1/apps/{appId}/…`. Default "local-app". */
  appId?: string;
  /** Bearer secret required on every call. Default "local-secret". */
  appSecret?: string;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** "silent", "info" (one line per call, the default) or "verbose" (with SDP). */
  logLevel?: LogLevel;
  /** Where log lines go. Default console.log. */
  logWriter?: (line: string) => void;
}

export interface RunningSfu {
  /** e.g. http://127.0.0.1:43117 */
  readonly url: string;
  readonly port: number;
  readonly appId: string;
  readonly appSecret: string;
  /** Base for the Calls API, `${url}/v1`: append `/apps/${appId}/sessions/new`. */
  readonly apiBaseUrl: string;
  /** Live sessions (for diagnostics and tests). */
  readonly sessionCount: number;
  /** Ends one session as the service does when it expires one: its client is not told. */
  closeSession(sessionId: string): boolean;
  stop(): Promise<void>;
}

export const SFU_DEFAULTS = {
  host: '127.0.0.1',
  appId: 'local-app',
  appSecret: 'local-secret',
  maxBodyBytes: 1024 * 1024,
  unconnectedSessionMs: 30_000,
  resumeWindowMs: 30_000,
  consentTimeoutMs: 10_000,
  idleTrackMs: 30_000,
  requestsPerSecond: 50,
  publisherBitrate: DEFAULT_PUBLISHER_BITRATE,
  tickMs: 1000,
} as const;

export async function startSfu(options: SfuOptions = {}): Promise<RunningSfu> {
  const settings = { ...SFU_DEFAULTS, ...definedOnly(options) };
  const log = createLogger(options.logLevel ?? 'info', options.logWriter);
  const peer = {
    host: settings.host,
    startBitrateKbps: Math.round(Math.min(settings.publisherBitrate, 2_500_000) / 1000),
  };
  const registry = new SessionRegistry(peer, settings, (session, reason) =>
    log.info(`session ${session.id} closed: ${reason}`),
  );
  const server = createServer(createRequestListener(registry, settings, log));
  server.keepAliveTimeout = 5000;
  hardenHttpServer(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const displayHost = settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host;
  const url = `http://${displayHost}:${port}`;
  return {
    url,
    port,
    appId: settings.appId,
    appSecret: settings.appSecret,
    apiBaseUrl: `${url}/v1`,
    get sessionCount() {
      return registry.size;
    },
    closeSession(sessionId) {
      const before = registry.size;
      registry.close(sessionId, 'closed by the operator');
      return registry.size < before;
    },
    async stop() {
      registry.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
