import type { WireParticipant, WireTracks } from './protocol.js';
import type { ConnectionQuality } from './quality.js';

/** One person in the room, as the room model presents them. Immutable: a change is a new object. */
export interface Participant {
  readonly id: string;
  readonly name: string;
  /** The host app's user id from its `authorize` hook; null for anonymous participants. */
  readonly userId: string | null;
  /** True for the participant this browser joined as. */
  readonly isSelf: boolean;
  readonly moderator: boolean;
  readonly joinedAt: number;
  /** `reconnecting` while their connection is lost but the backend keeps their place. */
  readonly connection: 'connected' | 'reconnecting';
  readonly audioEnabled: boolean;
  readonly videoEnabled: boolean;
  readonly screenshareEnabled: boolean;
  readonly speaking: boolean;
  readonly handRaised: boolean;
  /** When the backend saw the hand go up (its clock); null while down. */
  readonly handRaisedAt: number | null;
  /** 1 for the first hand raised, 2 for the next…; null while the hand is down. */
  readonly handOrder: number | null;
  /** Their current Calls session, or null before they connected media. */
  readonly sessionId: string | null;
  /** What they publish (pull these through the room, not directly). */
  readonly tracks: Readonly<WireTracks>;
  /** How well their media reaches this browser (for yourself: how well yours leaves it). */
  readonly quality: ConnectionQuality;
}

/** What this browser knows better than the backend's echo: its own mic, camera, screen and speech. */
export interface LocalOverrides {
  audioEnabled: boolean;
  videoEnabled: boolean;
  screenshareEnabled: boolean;
  speaking: boolean;
}

export function toParticipant(
  wire: WireParticipant,
  selfId: string | undefined,
  quality: ConnectionQuality,
  local: LocalOverrides,
): Participant {
  const isSelf = wire.id === selfId;
  return {
    id: wire.id,
    name: wire.name,
    userId: wire.userId,
    isSelf,
    moderator: wire.moderator,
    joinedAt: wire.joinedAt,
    connection: wire.connection,
    audioEnabled: isSelf ? local.audioEnabled : wire.audioEnabled,
    videoEnabled: isSelf ? local.videoEnabled : wire.videoEnabled,
    screenshareEnabled: isSelf ? local.screenshareEnabled : wire.screenshareEnabled,
    speaking: isSelf ? local.speaking && local.audioEnabled : wire.speaking && wire.audioEnabled,
    handRaised: wire.handRaised,
    handRaisedAt: wire.handRaised ? (wire.handRaisedAt ?? null) : null,
    handOrder: null,
    sessionId: wire.sessionId,
    tracks: wire.tracks,
    quality: wire.connection === 'reconnecting' ? 'lost' : quality,
  };
}

/** Initials for a placeholder: first letters of the first and last words ("Ada King" → "AK"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...(words[0] as string)][0] ?? '';
  const last = words.length > 1 ? ([...(words.at(-1) as string)][0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}
