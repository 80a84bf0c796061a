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
