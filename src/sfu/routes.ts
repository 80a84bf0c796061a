/**
 * The Calls API operations, one function per endpoint, over a session registry. Paths here are
 * relative to `/apps/{appId}/`.
 */
import { CallsError, methodNotAllowed, routeNotFound } from './errors.js';
import {
  isSessionId,
  parseCloseTracks,
  parseDataChannelIds,
  parseDataChannels,
  parseEstablishedChannelName,
  parseNewTracks,
  parseRenegotiate,
  parseSessionDescription,
  parseUpdateTracks,
} from './request-validation.js';
import type { SessionRegistry } from './session-registry.js';

export interface ApiReply {
  status: number;
  body: unknown;
}

type Json = Record<string, unknown>;
type Operation = (registry: SessionRegistry, body: Json, sessionId: string) => Promise<ApiReply>;

const ok = (body: unknown, status = 200): ApiReply => ({ status, body });

const sessionOperations: Record<string, Partial<Record<string, Operation>>> = {
  'tracks/new': {
    POST: async (registry, body, sessionId) => {
      const request = parseNewTracks(body);
      const session = registry.use(sessionId);
      return ok(await session.exclusive(() => session.newTracks(request)));
    },
  },
  renegotiate: {
    PUT: async (registry, body, sessionId) => {
      const description = parseRenegotiate(body);
      const session = registry.use(sessionId);
      // An answer completes the SFU's offer ({}); an ICE-restart offer gets the SFU's answer.
      const answer = await session.exclusive(() => session.renegotiate(description));
      return ok(answer ? { sessionDescription: answer } : {});
    },
  },
  'tracks/close': {
    PUT: async (registry, body, sessionId) => {
      const request = parseCloseTracks(body);
      const session = registry.use(sessionId);
      return ok(await session.exclusive(() => session.closeTracks(request)));
    },
  },
  'tracks/update': {
    PUT: async (registry, body, sessionId) => {
      const request = parseUpdateTracks(body);
      const session = registry.use(sessionId);
      return ok(await session.exclusive(() => session.updateTracks(request)));
    },
  },
  'datachannels/establish': {
    POST: async (registry, body, sessionId) => {
      const name = parseEstablishedChannelName(body);
      const offer = parseSessionDescription(body.sessionDescription, 'offer');
      const session = registry.use(sessionId);
      return ok(await session.exclusive(() => session.establishDataChannel(name, offer)));
    },
  },
  'datachannels/new': {
    POST: async (registry, body, sessionId) => {
      const requests = parseDataChannels(body);
      const session = registry.use(sessionId);
      return ok({ dataChannels: await session.exclusive(() => session.newDataChannels(requests)) });
    },
  },
  'datachannels/close': {
    PUT: async (registry, body, sessionId) => {
      const ids = parseDataChannelIds(body);
      const session = registry.use(sessionId);
      return ok({ dataChannels: await session.exclusive(async () => session.closeDataChannels(ids)) });
    },
  },
  '': {
    GET: async (registry, _body, sessionId) => {
      const session = registry.use(sessionId);
      return ok(session.describe());
    },
  },
};

async function newSession(registry: SessionRegistry, body: Json, query: URLSearchParams): Promise<ApiReply> {
  const offer = parseSessionDescription(body.sessionDescription, 'offer');
  // `thirdparty=true`: the session connects to another server (often ICE lite), so it runs full ICE.
  const session = registry.create({ fullIce: query.get('thirdparty') === 'true' });
  if (!offer) return ok({ sessionId: session.id }, 201);
  try {
    const { sessionDescription } = await session.exclusive(() => session.start(offer));
    return ok({ sessionId: session.id, sessionDescription }, 201);
  } catch (error) {
    registry.close(session.id, 'failed to start');
    throw error;
  }
}

/** Runs the operation for `method` on `path` (relative to the app), or throws a CallsError. */
export async function dispatch(
  registry: SessionRegistry,
  method: string,
  path: string,
  body: Json,
  query: URLSearchParams = new URLSearchParams(),
): Promise<ApiReply> {
  if (path === 'sessions/new') {
    if (method !== 'POST') throw methodNotAllowed(method, path);
    return newSession(registry, body, query);
  }
  const match = /^sessions\/([^/]+)(?:\/(.*))?$/.exec(path);
  if (!match) throw routeNotFound(path);
  const [, sessionId, rest = ''] = match;
  const operations = sessionOperations[rest];
  if (!operations) throw routeNotFound(path);
  const operation = operations[method];
  if (!operation) throw methodNotAllowed(method, path);
  if (!isSessionId(sessionId)) throw new CallsError(404, 'not_found', `${sessionId} is not a session id`);
  return operation(registry, body, sessionId);
}
