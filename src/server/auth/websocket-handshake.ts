import { decodeBase64Url } from './base64url.js';

/** The subprotocol that names this protocol's version; the server echoes only this one. */
export const PRESENCE_SUBPROTOCOL = 'calls-presence.v1';
const BEARER_PREFIX = 'bearer.';
const RESUME_PREFIX = 'resume.';

/**
 * What a browser put in `Sec-WebSocket-Protocol`. Browsers cannot set headers on a WebSocket, but they
 * can offer subprotocols, so the widget offers `calls-presence.v1`, `bearer.<base64url(token)>` and,
 * when resuming, `resume.<participant credential>`. Header and log plumbing rarely records this
 * header, unlike a query string.
 */
export interface OfferedSubprotocols {
  speaksPresenceV1: boolean;
  bearerToken: string | null;
  resumeCredential: string | null;
  /** Set when an offered item is malformed; the join is then refused rather than half-understood. */
  problem: string | null;
}

export function parseOfferedSubprotocols(header: string | null): OfferedSubprotocols {
  const offered = (header ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const result: OfferedSubprotocols = {
    speaksPresenceV1: false,
    bearerToken: null,
    resumeCredential: null,
    problem: null,
  };
  for (const item of offered) {
    if (item === PRESENCE_SUBPROTOCOL) {
      result.speaksPresenceV1 = true;
    } else if (item.startsWith(BEARER_PREFIX)) {
      const bytes = decodeBase64Url(item.slice(BEARER_PREFIX.length));
      const token = bytes ? decodeUtf8(bytes) : null;
      // It becomes the hook's Authorization header, so it must be what a header can carry.
      if (token === null || !/^[\x20-\x7e]+$/.test(token)) {
        result.problem = 'The bearer.… subprotocol must be base64url of a printable ASCII token.';
      } else result.bearerToken = token;
    } else if (item.startsWith(RESUME_PREFIX)) {
      result.resumeCredential = item.slice(RESUME_PREFIX.length);
    }
  }
  return result;
}

/**
 * The request the `authorize` hook sees: the original, with the subprotocol token moved into
 * `Authorization` so the hook reads the token one way whatever the transport.
 */
export function requestForAuthorize(request: Request, bearerToken: string | null): Request {
  if (bearerToken === null || request.headers.has('authorization')) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${bearerToken}`);
  return new Request(request.url, { method: request.method, headers });
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
