import type { Identity } from '../auth/authorize.js';
import type { ParticipantClaims } from '../auth/participant-credential.js';

/**
 * Everything a room needs to seat someone, decided by the handler before the room is involved. Plain
 * JSON, so a Workers adapter can hand it to a Durable Object with the upgrade request.
 */
export interface Admission {
  room: string;
  identity: Identity;
  /** The client's sanitised `?name=`, used when `authorize` gave no name. */
  clientName: string | null;
  /** Claims of an authentic, unexpired resume credential for this room, or null. */
  resume: ParticipantClaims | null;
}
