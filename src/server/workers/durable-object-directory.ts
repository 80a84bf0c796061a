import type { Admission } from '../rooms/admission.js';
import type { RoomDirectory } from '../rooms/directory.js';
import type { SessionAccess } from '../rooms/room-state.js';
import type { RoomQuery, RoomQueryAnswers } from './room-object-protocol.js';
import { admissionRequest, queryRequest, RoomObjectError } from './room-object-protocol.js';
import type { RoomObjectNamespace } from './runtime-types.js';

/**
 * Rooms as Durable Objects: one object per room name, so every participant of a room, on whatever
 * Cloudflare machine their request lands, meets the same RoomState. Each method is one request to
 * that room's object; the rules run there.
 */
export class DurableObjectRoomDirectory implements RoomDirectory {
  constructor(private readonly namespace: RoomObjectNamespace) {}

  /** The object answers the upgrade itself (101 with its end of the WebSocket, or a refusal). */
  async admit(request: Request, admission: Admission): Promise<Response> {
    return this.#stub(admission.room).fetch(admissionRequest(request, admission));
  }

  hasParticipant(room: string, participantId: string): Promise<boolean> {
    return this.#ask(room, { op: 'has-participant', participantId });
  }

  claimSession(room: string, participantId: string, sessionId: string): Promise<boolean> {
    return this.#ask(room, { op: 'claim-session', participantId, sessionId });
  }

  reserveSession(room: string, participantId: string): Promise<boolean> {
    return this.#ask(room, { op: 'reserve-session', participantId });
  }

  sessionAccess(room: string, participantId: string, sessionId: string): Promise<SessionAccess> {
    return this.#ask(room, { op: 'session-access', participantId, sessionId });
  }

  async sessionsOutsideRoom(room: string, sessionIds: readonly string[]): Promise<string[]> {
    if (sessionIds.length === 0) return [];
    return this.#ask(room, { op: 'sessions-outside-room', sessionIds: [...sessionIds] });
  }

  /** Room objects live as long as the runtime keeps them; a Worker has nothing to close. */
  async close(): Promise<void> {}

  async #ask<Q extends RoomQuery>(room: string, query: Q): Promise<RoomQueryAnswers[Q['op']]> {
    const response = await this.#stub(room).fetch(queryRequest(query));
    if (!response.ok) throw new RoomObjectError(room, response.status, await response.text());
    return ((await response.json()) as { result: RoomQueryAnswers[Q['op']] }).result;
  }

  #stub(room: string) {
    return this.namespace.get(this.namespace.idFromName(room));
  }
}
