import type { Admission } from './admission.js';
import type { SessionAccess } from './room-state.js';
import type { RuntimeContext } from './runtime-context.js';

/**
 * How the handler reaches rooms. Every method is async and names the room, so an implementation can
 * live anywhere: in this process (MemoryRoomDirectory) or one Durable Object per room, where each call
 * is a request to that room's object. The rules themselves live in RoomState, which both use.
 */
export interface RoomDirectory {
  /**
   * Seats an authorised WebSocket client in its room. The handler has already checked origin,
   * subprotocol and `authorize`. Returns the response for the upgrade request.
   */
  admit(request: Request, admission: Admission, runtime: RuntimeContext | undefined): Promise<Response>;
  /** Whether the participant is (still) in the room. */
  hasParticipant(room: string, participantId: string): Promise<boolean>;
  /** Records that the proxy created `sessionId` for this participant; false if the participant is gone. */
  claimSession(room: string, participantId: string, sessionId: string): Promise<boolean>;
  /**
   * Counts a `sessions/new` about to be forwarded for this participant against its rate
   * (`limits.maxNewSessionsPerMinute`); false when the participant is over it or gone.
   */
  reserveSession(room: string, participantId: string): Promise<boolean>;
  /** Whether this participant created this session through the proxy. */
  sessionAccess(room: string, participantId: string, sessionId: string): Promise<SessionAccess>;
  /** The session ids that belong to no participant of the room. */
  sessionsOutsideRoom(room: string, sessionIds: readonly string[]): Promise<string[]>;
  /** Closes every socket and forgets every room. */
  close(): Promise<void>;
}
