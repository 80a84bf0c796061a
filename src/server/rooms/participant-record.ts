import type { MuteKind, Participant, ParticipantPatch, TrackRef } from './protocol.js';
import { TRACK_SLOTS } from './protocol.js';

export function newParticipant(
  id: string,
  userId: string | null,
  name: string,
  moderator: boolean,
  now: number,
): Participant {
  return {
    id,
    userId,
    name,
    moderator,
    joinedAt: now,
    connection: 'connected',
    sessionId: null,
    tracks: { audio: null, video: null, screenshare: null, screenshareAudio: null },
    audioEnabled: false,
    videoEnabled: false,
    screenshareEnabled: false,
    speaking: false,
    handRaised: false,
    handRaisedAt: null,
  };
}

/** Every session id a patch refers to, so ownership can be checked before anything changes. */
export function sessionIdsInPatch(patch: ParticipantPatch): Array<{ sessionId: string; field: string }> {
  const found: Array<{ sessionId: string; field: string }> = [];
  if (typeof patch.sessionId === 'string')
    found.push({ sessionId: patch.sessionId, field: 'patch.sessionId' });
  for (const slot of TRACK_SLOTS) {
    const ref = patch.tracks?.[slot];
    if (ref) found.push({ sessionId: ref.sessionId, field: `patch.tracks.${slot}.sessionId` });
  }
  return found;
}

/** Applies a validated patch; returns whether anything changed (no change, no broadcast). */
export function applyPatch(participant: Participant, patch: ParticipantPatch): boolean {
  let changed = false;
  if (patch.sessionId !== undefined && patch.sessionId !== participant.sessionId) {
    participant.sessionId = patch.sessionId;
    changed = true;
  }
  for (const slot of TRACK_SLOTS) {
    const next = patch.tracks?.[slot];
    if (next === undefined || sameTrack(participant.tracks[slot], next)) continue;
    participant.tracks[slot] = next;
    changed = true;
  }
  for (const key of [
    'audioEnabled',
    'videoEnabled',
    'screenshareEnabled',
    'speaking',
    'handRaised',
  ] as const) {
    const next = patch[key];
    if (next === undefined || next === participant[key]) continue;
    participant[key] = next;
    changed = true;
  }
  return changed;
}

/** What a moderator's mute turns off in the record. */
export function applyMute(participant: Participant, kind: MuteKind): boolean {
  const key = kind === 'audio' ? 'audioEnabled' : kind === 'video' ? 'videoEnabled' : 'screenshareEnabled';
  const changed = participant[key] || (kind === 'audio' && participant.speaking);
  participant[key] = false;
  if (kind === 'audio') participant.speaking = false;
  return changed;
}

/** Session ids the record still points at, which must not be forgotten while referenced. */
export function referencedSessions(participant: Participant): Set<string> {
  const referenced = new Set<string>();
  if (participant.sessionId) referenced.add(participant.sessionId);
  for (const slot of TRACK_SLOTS) {
    const ref = participant.tracks[slot];
    if (ref) referenced.add(ref.sessionId);
  }
  return referenced;
}

function sameTrack(a: TrackRef | null, b: TrackRef | null): boolean {
  if (a === null || b === null) return a === b;
  return a.sessionId === b.sessionId && a.trackName === b.trackName;
}
