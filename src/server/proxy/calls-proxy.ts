import type { ParticipantClaims, ParticipantCredentials } from '../auth/participant-credential.js';
import { readJsonBody } from '../http/body.js';
import { PARTICIPANT_HEADER } from '../http/cors.js';
import { callsErrorResponse } from '../http/errors.js';
import type { IceServer, TurnKeyOptions } from '../options.js';
import type { RoomDirectory } from '../rooms/directory.js';
import { matchCallsRoute, sessionIdsNamedInBody } from './calls-routes.js';
import { staticIceServersResponse, turnIceServersResponse } from './ice-servers.js';

export interface CallsProxyConfig {
  appId: string;
  appSecret: string;
  realtimeApiBaseUrl: string;
  maxHttpBodyBytes: number;
  maxNewSessionsPerMinute: number;
  upstreamTimeoutMs: number;
  iceServers: IceServer[] | undefined;
  turn: TurnKeyOptions | undefined;
  rooms: RoomDirectory;
  credentials: ParticipantCredentials;
  now: () => number;
  onError: (error: unknown, context: string) => void;
}

/**
 * The Calls API, as partytracks/client expects it under `{endpoint}/partytracks`, with the rules
 * partytracks' own proxy lacks for a cross-origin widget: every call names a participant (by its
 * credential, not a cookie), a session answers only to the participant that created it, and a pull
 * may only name sessions of the caller's own room. The app secret is added here and never leaves.
 */
export class CallsProxy {
  constructor(private readonly config: CallsProxyConfig) {}

  async handle(request: Request, path: string): Promise<Response> {
    if (path === '/generate-ice-servers') return this.#iceServers(request);

    const match = matchCallsRoute(request.method, path);
    if (!match.ok) {
      if (match.status === 405) {
        const response = callsErrorResponse(405, 'method_not_allowed', `Use ${match.allow} for this path.`);
        response.headers.set('Allow', match.allow ?? '');
        return response;
      }
      return callsErrorResponse(404, 'not_found', `No Calls API route ${path}.`);
    }

    const participant = await this.#participant(request);
    if (!participant.ok) return participant.response;
    const { room, participantId } = participant.claims;
    const { rooms } = this.config;

    const { route } = match;
    if (route.kind === 'session') {
      const access = await rooms.sessionAccess(room, participantId, route.sessionId);
      if (access === 'participant_gone') return participantGone();
      if (access === 'not_owned') {
        return callsErrorResponse(
          403,
          'session_not_owned',
          `Session ${route.sessionId} was not created by this participant.`,
        );
      }
    }

    if (route.kind === 'new-session' && !(await rooms.reserveSession(room, participantId))) {
      return callsErrorResponse(
        429,
        'too_many_sessions',
        `A participant may create at most ${this.config.maxNewSessionsPerMinute} sessions a minute.`,
      );
    }

    let bodyText: string | undefined;
    if (request.method !== 'GET') {
      const body = await readJsonBody(request, this.config.maxHttpBodyBytes);
      if (!body.ok) return body.response;
      bodyText = body.text === '' ? undefined : body.text;
      if (route.kind === 'session' && route.namesOtherSessions) {
        const named = sessionIdsNamedInBody(body.value);
        if (named.invalid) return callsErrorResponse(400, 'invalid_params', named.invalid);
        const outside = await rooms.sessionsOutsideRoom(room, named.sessionIds);
        if (outside.length > 0) {
          return callsErrorResponse(
            403,
            'pull_outside_room',
            `Session ${outside[0]} is not a session of a participant in room "${room}".`,
          );
        }
      }
    }

    const upstream = await this.#forward(request, path, bodyText);
    if (!upstream.ok) return upstream.response;
    const { status, text } = upstream;

    if (route.kind === 'new-session' && status >= 200 && status < 300) {
      const sessionId = parseSessionId(text);
      if (sessionId === null) {
        return callsErrorResponse(
          502,
          'upstream_unreachable',
          'The Calls API answered sessions/new without a sessionId.',
        );
      }
      // The participant may have left while the session was being created; then nobody owns it.
      if (!(await rooms.claimSession(room, participantId, sessionId))) return participantGone();
    }
    return new Response(text === '' ? '{}' : text, {
      status,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    });
  }

  async #iceServers(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return callsErrorResponse(405, 'method_not_allowed', 'Use GET for generate-ice-servers.');
    }
    const { turn } = this.config;
    if (!turn) return staticIceServersResponse(this.config.iceServers);
    // TURN relays cost bandwidth: only participants get credentials.
    const participant = await this.#participant(request);
    if (!participant.ok) return participant.response;
    return turnIceServersResponse(turn, this.config.onError);
  }

  async #participant(
    request: Request,
  ): Promise<{ ok: true; claims: ParticipantClaims } | { ok: false; response: Response }> {
    const credential = request.headers.get(PARTICIPANT_HEADER);
    if (credential === null || credential === '') {
      return {
        ok: false,
        response: callsErrorResponse(
          401,
          'participant_required',
          `Join the room first and send the participant credential in ${PARTICIPANT_HEADER}.`,
        ),
      };
    }
    const claims = await this.config.credentials.verify(credential, this.config.now());
    if (!claims) {
      return {
        ok: false,
        response: callsErrorResponse(
          401,
          'participant_invalid',
          'The participant credential is invalid or expired.',
        ),
      };
    }
    if (!(await this.config.rooms.hasParticipant(claims.room, claims.participantId))) {
      return { ok: false, response: participantGone() };
    }
    return { ok: true, claims };
  }

  async #forward(
    request: Request,
    path: string,
    body: string | undefined,
  ): Promise<{ ok: true; status: number; text: string } | { ok: false; response: Response }> {
    const { realtimeApiBaseUrl, appId, appSecret } = this.config;
    const search = new URL(request.url).search;
    const url = `${realtimeApiBaseUrl}/apps/${encodeURIComponent(appId)}${path}${search}`;
    // Only what the Calls API needs goes upstream: never the browser's cookies, host token or
    // participant credential.
    const headers: Record<string, string> = { Authorization: `Bearer ${appSecret}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      // A Calls API that never answers must not hold the caller's request (and its socket) forever.
      const signal = AbortSignal.timeout(this.config.upstreamTimeoutMs);
      const response = await fetch(url, { method: request.method, headers, body, signal });
      return { ok: true, status: response.status, text: await response.text() };
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') {
        this.config.onError(error, `forwarding ${request.method} ${path}: no answer in time`);
        return {
          ok: false,
          response: callsErrorResponse(
            504,
            'upstream_timeout',
            `The Calls API did not answer within ${this.config.upstreamTimeoutMs} ms.`,
          ),
        };
      }
      this.config.onError(error, `forwarding ${request.method} ${path}`);
      return {
        ok: false,
        response: callsErrorResponse(502, 'upstream_unreachable', 'The Calls API could not be reached.'),
      };
    }
  }
}

function participantGone(): Response {
  return callsErrorResponse(
    401,
    'participant_gone',
    'This participant is no longer in the room; join again.',
  );
}

function parseSessionId(text: string): string | null {
  try {
    const sessionId = (JSON.parse(text) as { sessionId?: unknown }).sessionId;
    return typeof sessionId === 'string' && sessionId !== '' ? sessionId : null;
  } catch {
    return null;
  }
}
