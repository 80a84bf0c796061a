import { ParticipantCredentials } from './auth/participant-credential.js';
import type { CallsHandlerOptions } from './options.js';
import { DEFAULT_ICE_SERVERS, positive, resolveHeartbeat, resolveLimits } from './options.js';
import { resolvePeopleOptions } from './rooms/people-options.js';
import type { RoomConfig } from './rooms/room-state.js';

/**
 * The rules a room runs by, resolved from the handler's options. The handler and every place a room
 * lives (in memory, or a Durable Object built from the same options) resolve them here, so both
 * sides of a Workers deployment agree on limits, timeouts and the credential key.
 */
export function resolveRoomConfig(options: CallsHandlerOptions): RoomConfig {
  return {
    limits: resolveLimits(options.limits),
    heartbeat: resolveHeartbeat(options.heartbeat),
    reconnectGraceMs: positive(options.reconnectGraceMs, 30000, 'reconnectGraceMs'),
    credentialTtlMs: positive(options.credentialTtlSeconds, 3600, 'credentialTtlSeconds') * 1000,
    credentials: new ParticipantCredentials(
      options.credentialSecret ?? options.appSecret,
      options.credentialSecret === undefined,
    ),
    people: resolvePeopleOptions(options.chat, options.reactions),
    iceServers: options.turn ? undefined : (options.iceServers ?? DEFAULT_ICE_SERVERS),
    now: options.now ?? Date.now,
    onError:
      options.onError ?? ((error, context) => console.error(`[calls-elements/server] ${context}:`, error)),
  };
}
