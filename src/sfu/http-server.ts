/**
 * The SFU's HTTP front: CORS as the real service sends it, `/v1` optional, app id and Bearer
 * secret checks, a body size limit, Calls-style JSON on every answer, one log line per call.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { discardUnreadBody } from '../server/adapters/unread-body.js';
import { appNotFound, payloadTooLarge, routeNotFound, toCallsError, unauthorized } from './errors.js';
import type { SfuLogger } from './logger.js';
import { parseJsonBody } from './request-validation.js';
import { dispatch } from './routes.js';
import type { SessionRegistry } from './session-registry.js';

export interface HttpApiConfig {
  appId: string;
  appSecret: string;
  maxBodyBytes: number;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '86400',
};

const APP_PATH = /^\/(?:v1\/)?apps\/([^/]+)\/(.+?)\/?$/;

export function createRequestListener(registry: SessionRegistry, config: HttpApiConfig, log: SfuLogger) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // A failed answer must never become an unhandled rejection (that would end the process).
    response.on('error', () => request.socket.destroy());
    const started = performance.now();
    const method = request.method ?? 'GET';
    const url = urlOf(request.url);
    const path = url?.pathname ?? '(unreadable request target)';
    let status = 500;
    try {
      if (method === 'OPTIONS') {
        status = 204;
        response.writeHead(204, CORS_HEADERS).end();
        return;
      }
      const reply = await handle(request, method, path, url?.searchParams ?? new URLSearchParams());
      status = reply.status;
      send(response, reply.status, reply.body);
    } catch (error) {
      const failure = toCallsError(error);
      status = failure.status;
      if (failure.status >= 500)
        log.info(`internal error on ${method} ${path}: ${(error as Error).stack ?? error}`);
      // A refused body is read to its end first (bounded), so the client reads this answer and the
      // connection stays usable; past the bound the answer says the connection closes.
      const reusable = await discardUnreadBody(request);
      send(response, failure.status, failure.toJSON(), reusable);
      if (!reusable) response.once('finish', () => request.socket.destroy());
    } finally {
      log.info(`${method} ${path} ${status} ${(performance.now() - started).toFixed(1)}ms`);
    }
  };

  async function handle(request: IncomingMessage, method: string, path: string, query: URLSearchParams) {
    const match = APP_PATH.exec(path);
    if (!match) throw routeNotFound(path);
    const [, appId, appPath] = match;
    if (appId !== config.appId) throw appNotFound(appId);
    if (!hasSecret(request.headers.authorization, config.appSecret)) throw unauthorized();
    const raw = await readBody(request, config.maxBodyBytes);
    log.verbose(`${method} ${path} request ${raw || '(empty)'}`);
    const body = method === 'GET' ? {} : parseJsonBody(raw);
    const reply = await dispatch(registry, method, appPath, body, query);
    log.verbose(`${method} ${path} reply ${JSON.stringify(reply.body)}`);
    return reply;
  }
}

function hasSecret(header: string | undefined, secret: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A request target as a URL, or null when it is not one (`//[`, `//a:99999/x`, `//%00/x` make
 * `new URL` throw). Only origin-form targets (`/…`) name an API route.
 */
function urlOf(target: string | undefined): URL | null {
  if (!target?.startsWith('/')) return null;
  try {
    return new URL(target, 'http://sfu.invalid');
  } catch {
    return null;
  }
}

/**
 * Reads the body up to `limit` bytes. Past the limit it stops keeping bytes but leaves the stream
 * alone: destroying it mid-upload would reset the connection before the 413 is read.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(payloadTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      reject(payloadTooLarge(limit));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const stop = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

function send(response: ServerResponse, status: number, body: unknown, keepAlive = true): void {
  if (response.headersSent || response.destroyed) return;
  const json = JSON.stringify(body ?? {});
  response.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    ...(keepAlive ? {} : { connection: 'close' }),
  });
  response.end(json);
}
