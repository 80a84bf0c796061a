import type { LeaveReason, ServerMessage, WireParticipant } from './protocol.js';

/** The room's participants by id, in join order, as the backend last described them. */
export type Roster = ReadonlyMap<string, WireParticipant>;

export type RosterChange =
  | { kind: 'joined'; participant: WireParticipant }
  | { kind: 'left'; participant: WireParticipant; reason: LeaveReason | 'unknown' };

export function rosterOf(participants: readonly WireParticipant[]): Roster {
  const sorted = [...participants].sort((a, b) => a.joinedAt - b.joinedAt);
  return new Map(sorted.map((participant) => [participant.id, participant]));
}

/**
 * Applies one server message. Returns the same map when nothing changed, so observers can skip
 * work by identity.
 */
export function applyToRoster(roster: Roster, message: ServerMessage): Roster {
  switch (message.type) {
    case 'welcome':
    case 'room-state':
      return rosterOf(message.participants);
    case 'participant-joined':
    case 'participant-updated': {
      const next = new Map(roster);
      next.set(message.participant.id, message.participant);
      return next;
    }
    case 'participant-left': {
      if (!roster.has(message.participantId)) return roster;
      const next = new Map(roster);
      next.delete(message.participantId);
      return next;
    }
    default:
      return roster;
  }
}

/**
 * Who came and went between two rosters. A full refresh (a `welcome` after a reconnect) may hide
 * several joins and leaves, which is why this compares states rather than reading messages.
 */
export function rosterChanges(
  before: Roster,
  after: Roster,
  leaveReasons: ReadonlyMap<string, LeaveReason> = new Map(),
): RosterChange[] {
  const changes: RosterChange[] = [];
  for (const [id, participant] of after) {
    if (!before.has(id)) changes.push({ kind: 'joined', participant });
  }
  for (const [id, participant] of before) {
    if (!after.has(id))
      changes.push({ kind: 'left', participant, reason: leaveReasons.get(id) ?? 'unknown' });
  }
  return changes;
}

/**
 * `after`, plus the participants of `before` named in `ids` that `after` lacks, kept as
 * `reconnecting` and without tracks (their Calls sessions went with the backend that forgot them).
 */
export function carryOver(before: Roster, after: Roster, ids: ReadonlySet<string>): Roster {
  const missing = [...ids].filter((id) => !after.has(id) && before.has(id));
  if (missing.length === 0) return after;
  const kept = missing.map((id): WireParticipant => {
    const participant = before.get(id) as WireParticipant;
    return {
      ...participant,
      connection: 'reconnecting',
      sessionId: null,
      tracks: { audio: null, video: null, screenshare: null, screenshareAudio: null },
    };
  });
  return rosterOf([...after.values(), ...kept]);
}
