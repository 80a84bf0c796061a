/**
 * What a speaker layout shows large: the pinned person, else a shared screen, else the active
 * speaker held on screen long enough not to flip at every cough. Pure functions, unit tested in Node.
 */
import type { VideoTile } from './tiles.js';

/** The shortest time someone stays large once shown, before the next speaker takes over. */
export const SPEAKER_HOLD_MS = 1500;

/** Who the layout shows as the speaker, and since when (ms on any monotonic clock). */
export interface SpeakerHold {
  readonly shown: string | null;
  readonly since: number;
}

/**
 * The speaker to show after the room's active speaker became `candidate` at `now`. Someone shown
 * stays for `holdMs` (a blip from another person does not flip the view); a later candidate takes
 * over once that time is up, and at once if the one shown left. `candidate` null (silence) keeps
 * whoever is shown. `recheckIn` says when to call again to let a waiting candidate in.
 */
export function holdSpeaker(
  hold: SpeakerHold,
  candidate: string | null,
  present: ReadonlySet<string>,
  now: number,
  holdMs = SPEAKER_HOLD_MS,
): { hold: SpeakerHold; recheckIn?: number } {
  const shownGone = hold.shown !== null && !present.has(hold.shown);
  if (candidate === null || !present.has(candidate) || candidate === hold.shown) {
    return { hold: shownGone ? { shown: null, since: now } : hold };
  }
  const elapsed = now - hold.since;
  if (hold.shown === null || shownGone || elapsed >= holdMs)
    return { hold: { shown: candidate, since: now } };
  return { hold, recheckIn: holdMs - elapsed };
}

export interface SpotlightChoice {
  /** The viewer's own pin (never shared with others). */
  readonly pinned: string | null;
  /** Participants sharing a screen, in the order they started. */
  readonly sharers: readonly string[];
  /** The share the viewer picked among several, if it is still shared. */
  readonly chosenSharer: string | null;
  /** The held active speaker (see `holdSpeaker`). */
  readonly speaker: string | null;
  readonly selfId: string | undefined;
}

/**
 * The tile shown large, out of `tiles` (`videoTiles()` of the room): the pinned person's camera;
 * else the chosen (or the newest) shared screen; else the speaker's camera unless it is yourself
 * (you do not need to see yourself large); else the first other person; else you.
 */
export function spotlightTile(tiles: readonly VideoTile[], choice: SpotlightChoice): VideoTile | undefined {
  const camera = (id: string | null) =>
    tiles.find((tile) => tile.participantId === id && tile.source === 'camera');
  const screen = (id: string | null) =>
    tiles.find((tile) => tile.participantId === id && tile.source === 'screen');
  const newestShare = [...choice.sharers].reverse().find((id) => screen(id));
  return (
    camera(choice.pinned) ??
    screen(choice.chosenSharer) ??
    screen(newestShare ?? null) ??
    (choice.speaker !== choice.selfId ? camera(choice.speaker) : undefined) ??
    tiles.find((tile) => tile.source === 'camera' && tile.participantId !== choice.selfId) ??
    tiles[0]
  );
}
