import type { Participant } from './participant.js';
import type { VideoSource } from './room.js';
import { isSharingScreen } from './screen-share.js';

export interface VideoTile {
  readonly participantId: string;
  readonly source: VideoSource;
}

/**
 * The tiles a layout shows: one camera tile per participant, in join order, and one more for each
 * screen being shared, right after its sharer's camera (so a share appears where people look for
 * its sharer, yourself included).
 */
export function videoTiles(participants: readonly Participant[]): VideoTile[] {
  const tiles: VideoTile[] = [];
  for (const person of participants) {
    tiles.push({ participantId: person.id, source: 'camera' });
    if (isSharingScreen(person)) {
      tiles.push({ participantId: person.id, source: 'screen' });
    }
  }
  return tiles;
}

/**
 * Whether a layout shows this tile compact: its person's camera is off (or they have none: a camera
 * that fails or is refused turns off), so there is no picture to give room to. Only once their media
 * is connected: a newcomer's record says "camera off" until their first update, and a tile that
 * shrank for that moment would jump back as soon as it came. A shared screen is never compact.
 */
export function showsCompact(tile: VideoTile, people: ReadonlyMap<string, Participant>): boolean {
  if (tile.source !== 'camera') return false;
  const person = people.get(tile.participantId);
  return Boolean(person && !person.videoEnabled && person.sessionId !== null);
}
