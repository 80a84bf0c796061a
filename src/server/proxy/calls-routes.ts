/** The Calls API calls the proxy forwards, and nothing else. */
export type CallsRoute =
  | { kind: 'new-session' }
  | { kind: 'session'; sessionId: string; action: SessionAction; namesOtherSessions: boolean };

type SessionAction =
  | 'get'
  | 'tracks/new'
  | 'renegotiate'
  | 'tracks/close'
  | 'tracks/update'
  | 'datachannels/establish'
  | 'datachannels/new'
  | 'datachannels/close';

const SESSION_ACTIONS: Record<
  string,
  { method: string; action: SessionAction; namesOtherSessions: boolean }
> = {
  '': { method: 'GET', action: 'get', namesOtherSessions: false },
  'tracks/new': { method: 'POST', action: 'tracks/new', namesOtherSessions: true },
  renegotiate: { method: 'PUT', action: 'renegotiate', namesOtherSessions: false },
  'tracks/close': { method: 'PUT', action: 'tracks/close', namesOtherSessions: false },
  'tracks/update': { method: 'PUT', action: 'tracks/update', namesOtherSessions: true },
  'datachannels/establish': { method: 'POST', action: 'datachannels/establish', namesOtherSessions: false },
  'datachannels/new': { method: 'POST', action: 'datachannels/new', namesOtherSessions: true },
  'datachannels/close': { method: 'PUT', action: 'datachannels/close', namesOtherSessions: false },
};

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type RouteMatch = { ok: true; route: CallsRoute } | { ok: false; status: 404 | 405; allow?: string };

/** Matches the path after `{endpoint}/partytracks` (e.g. `/sessions/abc/tracks/new`). */
export function matchCallsRoute(method: string, path: string): RouteMatch {
  if (path === '/sessions/new') {
    return method === 'POST'
      ? { ok: true, route: { kind: 'new-session' } }
      : { ok: false, status: 405, allow: 'POST' };
  }
  const match = /^\/sessions\/([^/]+)(?:\/(.*))?$/.exec(path);
  if (!match) return { ok: false, status: 404 };
  const [, sessionId = '', rest = ''] = match;
  const entry = SESSION_ACTIONS[rest];
  if (!SESSION_ID.test(sessionId) || !entry || !Object.hasOwn(SESSION_ACTIONS, rest))
    return { ok: false, status: 404 };
  if (method !== entry.method) return { ok: false, status: 405, allow: entry.method };
  return {
    ok: true,
    route: { kind: 'session', sessionId, action: entry.action, namesOtherSessions: entry.namesOtherSessions },
  };
}

/**
 * Every session id a request body names in `tracks[]` or `dataChannels[]`. Any `sessionId` counts,
 * whatever `location` says, so no combination of fields slips a foreign session past the room check.
 * `invalid` is set when a `sessionId` is present but not a string.
 */
export function sessionIdsNamedInBody(body: unknown): { sessionIds: string[]; invalid: string | null } {
  const sessionIds = new Set<string>();
  if (typeof body !== 'object' || body === null) return { sessionIds: [], invalid: null };
  for (const listName of ['tracks', 'dataChannels'] as const) {
    const list = (body as Record<string, unknown>)[listName];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return { sessionIds: [], invalid: `${listName} must be an array.` };
    for (const [index, item] of list.entries()) {
      if (typeof item !== 'object' || item === null || !('sessionId' in item)) continue;
      const sessionId = (item as { sessionId: unknown }).sessionId;
      if (sessionId === undefined) continue;
      if (typeof sessionId !== 'string') {
        return { sessionIds: [], invalid: `${listName}[${index}].sessionId must be a string.` };
      }
      sessionIds.add(sessionId);
    }
  }
  return { sessionIds: [...sessionIds], invalid: null };
}
