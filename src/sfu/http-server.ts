/**
 * The SFU's HTTP front: CORS as the real service sends it, `/v1` optional, app id and Bearer
 * secret checks, a body size limit, Calls-style JSON on every answer, one log line per call.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
    const started = performance.now();
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://sfu.invalid');
    const path = url.pathname;
    let status = 500;
    try {
      if (method === 'OPTIONS') {
        status = 204;
        response.writeHead(204, CORS_HEADERS).end();
        return;
      }
      const reply = await handle(request, method, path, url.searchParams);
      status = reply.status;
      send(response, reply.status, reply.body);
    } catch (error) {
      const failure = toCallsError(error);
      status = failure.status;
      if (failure.status >= 500)
        log.info(`internal error on ${method} ${path}: ${(error as Error).stack ?? error}`);
      send(response, failure.status, failure.toJSON());
      // Stop reading a body we refused, but only after the answer is on its way.
      if (failure.errorCode === 'payload_too_large') request.destroy();
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

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw payloadTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw payloadTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const json = JSON.stringify(body ?? {});
  response.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}
