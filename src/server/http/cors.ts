import type { CorsOptions } from '../options.js';
import { callsErrorResponse } from './errors.js';

/** The header that carries the participant credential to the proxy. */
export const PARTICIPANT_HEADER = 'X-Calls-Participant';
const ALLOWED_METHODS = 'GET, POST, PUT, OPTIONS';
const ALLOWED_HEADERS = `Authorization, Content-Type, ${PARTICIPANT_HEADER}`;

/**
 * Which pages may use this backend. Same-origin requests and requests without an `Origin` (servers,
 * CLI tools) are always allowed; other origins only when listed. The check also guards WebSocket
 * upgrades, which browsers send cross-origin without asking anyone.
 */
export class CorsPolicy {
  readonly #allowed: CorsOptions['allowedOrigins'];
  readonly #maxAgeSeconds: number;

  constructor(options: CorsOptions = {}) {
    this.#allowed = options.allowedOrigins ?? [];
    this.#maxAgeSeconds = options.maxAgeSeconds ?? 600;
  }

  /** True when the request may proceed. */
  allows(request: Request): boolean {
    const origin = request.headers.get('origin');
    if (origin === null || origin === new URL(request.url).origin) return true;
    const allowed = this.#allowed;
    if (allowed === '*') return true;
    if (typeof allowed === 'function') {
      try {
        return allowed(origin) === true;
      } catch {
        return false;
      }
    }
    return (allowed ?? []).includes(origin);
  }

  refusal(request: Request): Response {
    const { httpStatus, code, message } = this.refusalDetails(request);
    return callsErrorResponse(httpStatus, code, message);
  }

  /** Why a request from this origin is refused, and what the backend's owner can do about it. */
  refusalDetails(request: Request): { httpStatus: 403; code: 'origin_not_allowed'; message: string } {
    const origin = request.headers.get('origin');
    return {
      httpStatus: 403,
      code: 'origin_not_allowed',
      message: `Origin ${origin} may not use this backend. Add it to the backend's cors.allowedOrigins (calls-elements dev: --allow-origin ${origin}).`,
    };
  }

  /** Answer to an `OPTIONS` preflight from an allowed origin. */
  preflight(request: Request): Response {
    const headers = new Headers({
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': String(this.#maxAgeSeconds),
    });
    this.#addOriginHeaders(request, headers);
    return new Response(null, { status: 204, headers });
  }

  /** Adds the CORS headers a cross-origin caller needs to read this response. */
  decorate(request: Request, response: Response): Response {
    const origin = request.headers.get('origin');
    // A refused origin learns nothing it could read.
    if (origin === null || response.status === 101 || !this.allows(request)) return response;
    const headers = new Headers(response.headers);
    this.#addOriginHeaders(request, headers);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }

  #addOriginHeaders(request: Request, headers: Headers): void {
    const origin = request.headers.get('origin');
    if (origin !== null) headers.set('Access-Control-Allow-Origin', origin);
    // The answer depends on Origin, so caches must key on it.
    headers.append('Vary', 'Origin');
  }
}
