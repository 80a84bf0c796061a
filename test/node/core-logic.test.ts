// Pure logic of the room model: grid and simulcast layer math, speaking detection, the active
// speaker rule, roster bookkeeping, reconnect backoff, quality thresholds and protocol helpers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, resolveBackoff } from '../../src/core/backoff.js';
import { chooseLayer, gridLayout } from '../../src/core/layout.js';
import { initialsOf } from '../../src/core/participant.js';
import {
  base64url,
  isIceServerList,
  partyTracksPrefix,
  presenceUrl,
  type WireParticipant,
} from '../../src/core/protocol.js';
import { qualityOf, worseQuality } from '../../src/core/quality.js';
import { applyToRoster, rosterChanges, rosterOf } from '../../src/core/roster.js';
import { nextActiveSpeaker, SpeakingDetector } from '../../src/core/speaking.js';

function person(id: string, joinedAt: number, extra: Partial<WireParticipant> = {}): WireParticipant {
  return {
    id,
    userId: null,
    name: id,
    moderator: false,
    joinedAt,
    connection: 'connected',
    sessionId: null,
    tracks: { audio: null, video: null, screenshare: null, screenshareAudio: null },
    audioEnabled: true,
    videoEnabled: true,
    screenshareEnabled: false,
    speaking: false,
    handRaised: false,
    ...extra,
  };
}

describe('gridLayout', () => {
  it('puts one tile alone and four in a 2×2 grid in a 16:9 box', () => {
    assert.deepEqual(gridLayout(1, 1600, 900), { columns: 1, rows: 1, tileWidth: 1600, tileHeight: 900 });
    const four = gridLayout(4, 1600, 900);
    assert.equal(four.columns, 2);
    assert.equal(four.rows, 2);
    assert.equal(four.tileWidth, 800);
  });

  it('prefers a column in a tall box and keeps the gaps', () => {
    const tall = gridLayout(3, 400, 1200, 16 / 9, 10);
    assert.equal(tall.columns, 1);
    assert.ok(tall.tileHeight * 3 + 20 <= 1200);
  });

  it('returns an empty grid for nothing to show or no room', () => {
    assert.equal(gridLayout(0, 100, 100).columns, 0);
    assert.equal(gridLayout(3, 0, 100).columns, 0);
  });
});

describe('chooseLayer', () => {
  it('takes the smallest layer that still looks sharp', () => {
    assert.equal(chooseLayer(200, 1280), 'c');
    assert.equal(chooseLayer(600, 1280), 'b');
    assert.equal(chooseLayer(1000, 1280), 'a');
    assert.equal(chooseLayer(4000, 1280), 'a');
  });
});

describe('SpeakingDetector', () => {
  it('needs sustained sound to start and sustained quiet to stop', () => {
    const detector = new SpeakingDetector({
      startLevel: 0.05,
      stopLevel: 0.02,
      attackMs: 100,
      releaseMs: 500,
    });
    assert.equal(detector.sample(0.2, 0), false);
    assert.equal(detector.sample(0.2, 50), false);
    assert.equal(detector.sample(0.2, 100), true);
    // A dip between words does not end speech.
    assert.equal(detector.sample(0.0, 200), true);
    assert.equal(detector.sample(0.03, 400), true);
    assert.equal(detector.sample(0.0, 450), true);
    assert.equal(detector.sample(0.0, 900), true);
    assert.equal(detector.sample(0.0, 1000), false);
  });

  it('ignores a single loud sample', () => {
    const detector = new SpeakingDetector({ attackMs: 100 });
    detector.sample(0.5, 0);
    assert.equal(detector.sample(0.0, 60), false);
    assert.equal(detector.sample(0.5, 120), false);
  });
});

describe('nextActiveSpeaker', () => {
  const present = new Set(['a', 'b', 'c']);
  it('picks whoever started speaking last and keeps them through silence', () => {
    assert.equal(nextActiveSpeaker(null, ['a'], ['a'], present), 'a');
    assert.equal(nextActiveSpeaker('a', ['a', 'b'], ['b'], present), 'b');
    assert.equal(nextActiveSpeaker('b', [], [], present), 'b');
    assert.equal(nextActiveSpeaker('b', ['a'], [], present), 'a');
  });

  it('forgets someone who left', () => {
    assert.equal(nextActiveSpeaker('z', [], [], present), null);
  });
});

describe('roster', () => {
  it('orders by join time and applies joins, updates and leaves', () => {
    const roster = rosterOf([person('b', 2), person('a', 1)]);
    assert.deepEqual([...roster.keys()], ['a', 'b']);
    const joined = applyToRoster(roster, { type: 'participant-joined', participant: person('c', 3) });
    const updated = applyToRoster(joined, {
      type: 'participant-updated',
      participant: person('a', 1, { audioEnabled: false }),
    });
    assert.equal(updated.get('a')?.audioEnabled, false);
    const left = applyToRoster(updated, { type: 'participant-left', participantId: 'b', reason: 'left' });
    assert.deepEqual([...left.keys()], ['a', 'c']);
    assert.equal(applyToRoster(left, { type: 'pong' }), left);
    assert.equal(
      applyToRoster(left, { type: 'participant-left', participantId: 'zz', reason: 'left' }),
      left,
    );
  });

  it('reports who came and went, with the reason the backend gave', () => {
    const before = rosterOf([person('a', 1), person('b', 2)]);
    const after = rosterOf([person('a', 1), person('c', 3)]);
    const changes = rosterChanges(before, after, new Map([['b', 'timeout']]));
    assert.deepEqual(
      changes.map((change) => [change.kind, change.participant.id, 'reason' in change ? change.reason : '']),
      [
        ['joined', 'c', ''],
        ['left', 'b', 'timeout'],
      ],
    );
  });
});

describe('backoff', () => {
  it('doubles up to the cap and stops after the last attempt', () => {
    const options = resolveBackoff({ initialDelayMs: 100, maxDelayMs: 1000, maxAttempts: 6, jitter: 0 });
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, options)),
      [100, 200, 400, 800, 1000, 1000],
    );
    assert.equal(backoffDelay(7, options), undefined);
  });

  it('spreads retries within the jitter', () => {
    const options = resolveBackoff({ initialDelayMs: 1000, jitter: 0.5 });
    assert.equal(
      backoffDelay(1, options, () => 0),
      1000,
    );
    assert.equal(
      backoffDelay(1, options, () => 1),
      500,
    );
  });
});

describe('quality', () => {
  it('grades loss, delay and jitter', () => {
    assert.equal(qualityOf(undefined), 'unknown');
    assert.equal(qualityOf({ packets: 0, lost: 0 }), 'lost');
    assert.equal(qualityOf({ packets: 100, lost: 0, rttMs: 20 }), 'excellent');
    // Orange Meets' loss steps: 1 % unnoticed, 3 % tolerable, 5 % unhealthy, beyond that bad.
    assert.equal(qualityOf({ packets: 99, lost: 1 }), 'excellent');
    assert.equal(qualityOf({ packets: 98, lost: 2 }), 'good');
    assert.equal(qualityOf({ packets: 96, lost: 4 }), 'poor');
    assert.equal(qualityOf({ packets: 80, lost: 20 }), 'bad');
    assert.equal(qualityOf({ packets: 100, lost: 0, rttMs: 400 }), 'poor');
    assert.equal(qualityOf({ packets: 100, lost: 0, rttMs: 600 }), 'bad');
    assert.equal(worseQuality('excellent', 'poor'), 'poor');
    assert.equal(worseQuality('bad', 'poor'), 'bad');
    assert.equal(worseQuality('unknown', 'good'), 'good');
  });
});

describe('protocol helpers', () => {
  it('builds the presence and proxy URLs from absolute and relative endpoints', () => {
    assert.equal(
      presenceUrl('https://api.example/calls/', 'stand-up', 'Ada K'),
      'wss://api.example/calls/rooms/stand-up?name=Ada+K',
    );
    assert.equal(
      presenceUrl('/calls', 'r1', undefined, 'http://127.0.0.1:8787/demo/'),
      'ws://127.0.0.1:8787/calls/rooms/r1',
    );
    assert.equal(
      partyTracksPrefix('/calls', 'https://site.example/x'),
      'https://site.example/calls/partytracks',
    );
  });

  it("takes a backend's ICE servers only when each entry names its urls", () => {
    assert.equal(isIceServerList([]), true);
    assert.equal(isIceServerList([{ urls: 'stun:a' }, { urls: ['turn:b', 'turns:c'], username: 'u' }]), true);
    for (const bad of [
      null,
      {},
      'stun:a',
      [null],
      [{}],
      [{ urls: [] }],
      [{ urls: [1] }],
      [{ urls: 'stun:a' }, 7],
    ]) {
      assert.equal(isIceServerList(bad), false, JSON.stringify(bad));
    }
  });

  it('encodes tokens as unpadded base64url of UTF-8', () => {
    assert.equal(base64url('a?b>'), 'YT9iPg');
    assert.equal(Buffer.from(base64url('jeton-été'), 'base64url').toString('utf8'), 'jeton-été');
  });

  it('makes initials from the first and last words', () => {
    assert.equal(initialsOf('Ada Lovelace'), 'AL');
    assert.equal(initialsOf('grace brewster murray hopper'), 'GH');
    assert.equal(initialsOf('  '), '?');
    assert.equal(initialsOf('Émile'), 'É');
  });
});
