// What the speaker layout shows large: the active speaker held for a while (no flip at every
// blip), a pin over everything, a shared screen over the speaker.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holdSpeaker, SPEAKER_HOLD_MS, spotlightTile } from '../../src/core/spotlight.js';
import type { VideoTile } from '../../src/core/tiles.js';

const present = new Set(['a', 'b', 'c']);

describe('holdSpeaker', () => {
  it('shows the first speaker at once', () => {
    assert.deepEqual(holdSpeaker({ shown: null, since: 0 }, 'a', present, 100).hold, {
      shown: 'a',
      since: 100,
    });
  });

  it('keeps the one shown through a blip, and lets the next in once the hold is over', () => {
    const start = { shown: 'a', since: 1000 };
    const blip = holdSpeaker(start, 'b', present, 1400);
    assert.equal(blip.hold.shown, 'a');
    assert.equal(blip.recheckIn, SPEAKER_HOLD_MS - 400);
    const later = holdSpeaker(blip.hold, 'b', present, 1000 + SPEAKER_HOLD_MS);
    assert.deepEqual(later.hold, { shown: 'b', since: 1000 + SPEAKER_HOLD_MS });
    assert.equal(later.recheckIn, undefined);
  });

  it('keeps the one shown through silence', () => {
    assert.deepEqual(holdSpeaker({ shown: 'a', since: 0 }, null, present, 9000).hold, {
      shown: 'a',
      since: 0,
    });
  });

  it('replaces someone who left at once', () => {
    const gone = new Set(['b']);
    assert.equal(holdSpeaker({ shown: 'a', since: 1000 }, 'b', gone, 1100).hold.shown, 'b');
    assert.equal(holdSpeaker({ shown: 'a', since: 1000 }, null, gone, 1100).hold.shown, null);
  });
});

describe('spotlightTile', () => {
  const tiles: VideoTile[] = [
    { participantId: 'me', source: 'camera' },
    { participantId: 'a', source: 'camera' },
    { participantId: 'a', source: 'screen' },
    { participantId: 'b', source: 'camera' },
    { participantId: 'b', source: 'screen' },
    { participantId: 'c', source: 'camera' },
  ];
  const base = { pinned: null, sharers: [], chosenSharer: null, speaker: null, selfId: 'me' };

  it('shows the speaker, never yourself while someone else is there', () => {
    assert.deepEqual(spotlightTile(tiles, { ...base, speaker: 'c' }), {
      participantId: 'c',
      source: 'camera',
    });
    assert.deepEqual(spotlightTile(tiles, { ...base, speaker: 'me' }), {
      participantId: 'a',
      source: 'camera',
    });
    const alone = [{ participantId: 'me', source: 'camera' }] as VideoTile[];
    assert.deepEqual(spotlightTile(alone, { ...base, speaker: 'me' }), alone[0]);
    assert.equal(spotlightTile([], base), undefined);
  });

  it('puts the newest share over the speaker, or the one chosen', () => {
    const sharing = { ...base, speaker: 'c', sharers: ['b', 'a'] };
    assert.deepEqual(spotlightTile(tiles, sharing), { participantId: 'a', source: 'screen' });
    assert.deepEqual(spotlightTile(tiles, { ...sharing, chosenSharer: 'b' }), {
      participantId: 'b',
      source: 'screen',
    });
    // A sharer listed whose screen tile is gone (stopped) is skipped.
    assert.deepEqual(spotlightTile(tiles, { ...sharing, sharers: ['b', 'c'] }), {
      participantId: 'b',
      source: 'screen',
    });
  });

  it('puts a pin over everything', () => {
    const pinned = { ...base, pinned: 'c', sharers: ['a'], speaker: 'b' };
    assert.deepEqual(spotlightTile(tiles, pinned), { participantId: 'c', source: 'camera' });
    // A pin on someone who left falls back to the rest.
    assert.deepEqual(spotlightTile(tiles, { ...pinned, pinned: 'gone' }), {
      participantId: 'a',
      source: 'screen',
    });
  });
});
