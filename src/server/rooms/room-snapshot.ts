// The plain-JSON form of a room, for runtimes that lose memory between events: a Durable Object that
// hibernates keeps seats in storage and each connection's state with its socket, then rebuilds the
// RoomState from both when it wakes. The Node adapter never needs these.

import type { Participant } from './protocol.js';
import type { TokenBucketState } from './rate-limiter.js';

/** One participant's seat. `revision` changes whenever anything in it does, so only changed seats are written. */
export interface SeatSnapshot {
  record: Participant;
  /** Sessions created through the proxy by this participant, oldest first. */
  sessions: string[];
  /** When this participant's recent `sessions/new` calls were let through (absent in older saves). */
  sessionStarts?: number[];
  credentialExpiresAt: number;
  /** While `record.connection` is `reconnecting`: when the seat is given up. */
  graceEndsAt: number;
  /** Why the seat is reconnecting: the leave reason if the grace runs out. Default `disconnected`. */
  graceReason?: 'disconnected' | 'timeout';
  /** The connection that holds the seat, or null; a socket whose connection id differs is stale. */
  connectionId: string | null;
  revision: number;
}

/** What one open connection carries across hibernation (kept with the socket, not in storage). */
export interface ConnectionSnapshot {
  connectionId: string;
  participantId: string;
  lastSeenAt: number;
  bucket: TokenBucketState;
  rateLimitedInARow: number;
  /** null until the first rate-limit error was sent. */
  lastRateErrorAt: number | null;
}

export function isConnectionSnapshot(value: unknown): value is ConnectionSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ConnectionSnapshot>;
  return (
    typeof candidate.connectionId === 'string' &&
    typeof candidate.participantId === 'string' &&
    typeof candidate.lastSeenAt === 'number' &&
    typeof candidate.bucket === 'object' &&
    candidate.bucket !== null
  );
}
