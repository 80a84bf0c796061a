import { runAuthorize } from './auth/authorize.js';
import { parseOfferedSubprotocols, requestForAuthorize } from './auth/websocket-handshake.js';
import { CorsPolicy } from './http/cors.js';
import { callsErrorResponse } from './http/errors.js';
import type { CallsHandlerOptions } from './options.js';
import { DEFAULT_REALTIME_API_BASE_URL, normaliseEndpoint } from './options.js';
import { CallsProxy } from './proxy/calls-proxy.js';
import { resolveRoomConfig } from './room-config.js';
import type { Admission } from './rooms/admission.js';
import type { RoomDirectory } from './rooms/directory.js';
import { MemoryRoomDirectory } from './rooms/memory-directory.js';
import { CloseCode } from './rooms/protocol.js';
import { refuseUpgrade } from './rooms/refuse-upgrade.js';
import type { RuntimeContext } from './rooms/runtime-context.js';
import { sanitiseClientName, sanitiseDisplayName } from './rooms/sanitize-name.js';

/**
 * A Web-standard request handler for one Calls backend. The optional second argument is how a
 * runtime adapter lends it the ability to accept WebSockets (see `serveNode`).
 */
export interface CallsHandler {
  (request: Request, runtime?: RuntimeContext): Promise<Response>;
  /** The path prefix it serves, e.g. `/calls`; adapters route only these paths to it. */
  readonly endpoint: string;
  readonly rooms: RoomDirectory;
  /** Closes every room's sockets and forgets all rooms. */
  close(): Promise<void>;
}

export const ROOM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function createCallsHandler(options: CallsHandlerOptions): CallsHandler {
  if (!options.appId || !options.appSecret) {
    throw new TypeError('calls-elements/server: appId and appSecret are required');
  }
  if (!options.authorize && !options.anonymous) {
    throw new TypeError(
      'calls-elements/server: pass an authorize hook, or anonymous: true to let anyone join',
    );
  }
  const endpoint = normaliseEndpoint(options.endpoint);
  const roomConfig = resolveRoomConfig(options);
  const { limits, credentials, now, onError } = roomConfig;
  const rooms = options.rooms ?? new MemoryRoomDirectory(roomConfig);
  const cors = new CorsPolicy(options.cors);
  const proxy = new CallsProxy({
    appId: options.appId,
    appSecret: options.appSecret,
    realtimeApiBaseUrl: (options.realtimeApiBaseUrl ?? DEFAULT_REALTIME_API_BASE_URL).replace(/\/+$/, ''),
    maxHttpBodyBytes: limits.maxHttpBodyBytes,
    maxNewSessionsPerMinute: limits.maxNewSessionsPerMinute,
    upstreamTimeoutMs: limits.upstreamTimeoutMs,
    iceServers: options.iceServers,
    turn: options.turn,
    rooms,
    credentials,
    now,
    onError,
  });

  async function joinRoom(request: Request, roomSegment: string, runtime: RuntimeContext | undefined) {
    if (request.method !== 'GET' || request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      const response = callsErrorResponse(
        426,
        'upgrade_required',
        'Room presence is a WebSocket; upgrade to join.',
      );
      response.headers.set('Upgrade', 'websocket');
      return response;
    }
    const offered = parseOfferedSubprotocols(request.headers.get('sec-websocket-protocol'));
    if (!offered.speaksPresenceV1) {
      return callsErrorResponse(400, 'unsupported_protocol', 'Offer the calls-presence.v1 subprotocol.');
    }
    let room: string;
    try {
      room = decodeURIComponent(roomSegment);
    } catch {
      room = '';
    }
    if (!ROOM_NAME.test(room)) {
      return refuseUpgrade(runtime, {
        httpStatus: 400,
        code: 'invalid_room',
        message: 'A room name is 1–64 of A–Z a–z 0–9 . _ - and starts with a letter or digit.',
        closeCode: CloseCode.badRequest,
      });
    }
    if (offered.problem) {
      return refuseUpgrade(runtime, {
        httpStatus: 401,
        code: 'unauthorized',
        message: offered.problem,
        closeCode: CloseCode.unauthorized,
      });
    }
    const authRequest = requestForAuthorize(request, offered.bearerToken);
    const outcome = await runAuthorize(
      options.authorize,
      options.anonymous === true,
      authRequest,
      room,
      onError,
    );
    if (!outcome.ok) {
      return refuseUpgrade(runtime, {
        httpStatus: outcome.status,
        code: outcome.code,
        message: outcome.reason,
        closeCode: outcome.status === 403 ? CloseCode.forbidden : CloseCode.unauthorized,
      });
    }
    const claims = offered.resumeCredential
      ? await credentials.verify(offered.resumeCredential, now())
      : null;
    const admission: Admission = {
      room,
      identity: {
        ...outcome.identity,
        name: outcome.identity.name === null ? null : (sanitiseDisplayName(outcome.identity.name) ?? 'Guest'),
      },
      clientName: sanitiseClientName(new URL(request.url).searchParams.get('name')),
      resume: claims && claims.room === room ? claims : null,
    };
    return rooms.admit(request, admission, runtime);
  }

  async function route(request: Request, runtime: RuntimeContext | undefined): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path !== endpoint && !path.startsWith(`${endpoint}/`)) {
      return callsErrorResponse(404, 'not_found', `Not under ${endpoint || '/'}.`);
    }
    if (!cors.allows(request)) {
      // A browser cannot read a refused handshake's status (it sees close code 1006 and nothing
      // else), so a socket is accepted only to be told why and closed.
      const isPresenceUpgrade =
        request.headers.get('upgrade')?.toLowerCase() === 'websocket' &&
        parseOfferedSubprotocols(request.headers.get('sec-websocket-protocol')).speaksPresenceV1;
      if (isPresenceUpgrade) {
        return refuseUpgrade(runtime, { ...cors.refusalDetails(request), closeCode: CloseCode.forbidden });
      }
      return cors.refusal(request);
    }
    if (request.method === 'OPTIONS') return cors.preflight(request);
    const rest = path.slice(endpoint.length);
    if (rest.startsWith('/partytracks/')) return proxy.handle(request, rest.slice('/partytracks'.length));
    const roomMatch = /^\/rooms\/([^/]+)$/.exec(rest);
    if (roomMatch) return joinRoom(request, roomMatch[1] ?? '', runtime);
    return callsErrorResponse(404, 'not_found', `No route ${path}.`);
  }

  const handler = async (request: Request, runtime?: RuntimeContext): Promise<Response> => {
    try {
      return cors.decorate(request, await route(request, runtime));
    } catch (error) {
      onError(error, `handling ${request.method} ${request.url}`);
      return cors.decorate(request, callsErrorResponse(500, 'internal_error', 'The backend failed.'));
    }
  };
  return Object.assign(handler, { endpoint, rooms, close: () => rooms.close() });
}
