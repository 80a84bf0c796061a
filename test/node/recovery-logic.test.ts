// Pure logic of recovery: the never-ending capped backoff, acknowledged self updates, the
// dead-track byte check, the roster kept through a backend restart, and a leave that lets the
// renegotiation in flight finish.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffAtCap, backoffDelay, resolveBackoff } from '../../src/core/backoff.js';
import { ByteProgress } from '../../src/core/dead-track.js';
import { negotiationSettled } from '../../src/core/negotiation-settled.js';
import type { ClientMessage, ServerMessage, WireParticipant } from '../../src/core/protocol.js';
import { carryOver, rosterOf } from '../../src/core/roster.js';
import { type SelfRecord, SelfSync } from '../../src/core/self-sync.js';

function person(id: string, joinedAt: number, extra: Partial<WireParticipant> = {}): WireParticipant {
  return {
    id,
    userId: null,
    name: id,
    moderator: false,
    joinedAt,
    connection: 'connected',
    sessionId: `s-${id}`,
    tracks: {
      audio: { sessionId: `s-${id}`, trackName: 'a' },
      video: { sessionId: `s-${id}`, trackName: 'v' },
      screenshare: null,
      screenshareAudio: null,
    },
    audioEnabled: true,
    videoEnabled: true,
    screenshareEnabled: false,
    speaking: false,
    handRaised: false,
    ...extra,
  };
}

describe('reconnect backoff', () => {
  it('never gives up by default and stays at its 5 s cap', () => {
    const options = resolveBackoff({ jitter: 0 });
    assert.equal(backoffDelay(1, options), 500);
    assert.equal(backoffDelay(5, options), 5000);
    assert.equal(backoffDelay(10_000, options), 5000);
    assert.equal(backoffAtCap(4, options), false);
    assert.equal(backoffAtCap(5, options), true);
  });
});

describe('SelfSync', () => {
  const local: SelfRecord = {
    sessionId: 'new-session',
    audio: { sessionId: 'new-session', trackName: 'mic' },
    video: { sessionId: 'new-session', trackName: 'cam' },
    screenshare: null,
    screenshareAudio: null,
    audioEnabled: true,
    videoEnabled: true,
    screenshareEnabled: false,
    speaking: false,
  };

  function harness() {
    const sent: ClientMessage[] = [];
    let record = { ...local };
    const sync = new SelfSync(
      (message) => {
        sent.push(message);
        return true;
      },
      () => record,
    );
    return { sent, sync, set: (next: Partial<SelfRecord>) => (record = { ...record, ...next }) };
  }

  const idOf = (message: ClientMessage | undefined) => (message as { id: string }).id;

  it('counts an update as delivered only once acknowledged, and resends what a refusal kept', () => {
    const { sent, sync, set } = harness();
    // A fresh participant: the backend holds camera and mic off.
    sync.reset({
      sessionId: null,
      audio: null,
      video: null,
      screenshare: null,
      screenshareAudio: null,
      audioEnabled: false,
      videoEnabled: false,
      screenshareEnabled: false,
      speaking: false,
    });
    sync.flush();
    assert.equal(sent.length, 1);
    assert.deepEqual((sent[0] as { patch: unknown }).patch, {
      sessionId: 'new-session',
      tracks: local.audio && { audio: local.audio, video: local.video },
      audioEnabled: true,
      videoEnabled: true,
    });
    // One in flight at a time.
    sync.flush();
    assert.equal(sent.length, 1);
    // Refused (the root cause of "video never comes back"): nothing counts as delivered.
    const refusal: ServerMessage = {
      type: 'error',
      code: 'session_not_owned',
      message: 'no',
      id: idOf(sent[0]),
    };
    assert.equal(sync.onMessage(refusal), true);
    // The refused patch is not repeated as is, but the next change sends everything still missing.
    assert.equal(sent.length, 1);
    set({ sessionId: 'newer-session' });
    sync.flush();
    assert.equal(sent.length, 2);
    const retried = (sent[1] as unknown as { patch: Record<string, unknown> }).patch;
    assert.equal(retried.videoEnabled, true);
    assert.equal(retried.audioEnabled, true);
    assert.equal(retried.sessionId, 'newer-session');
    assert.equal(sync.onMessage({ type: 'ack', id: idOf(sent[1]) }), true);
    sync.flush();
    assert.equal(sent.length, 2, 'nothing left to send once acknowledged');
  });

  it('sends what changed while an update was in flight once it is acknowledged', () => {
    const { sent, sync, set } = harness();
    sync.reset(undefined);
    sync.flush();
    set({ speaking: true });
    sync.onMessage({ type: 'ack', id: idOf(sent[0]) });
    assert.equal(sent.length, 2);
    assert.deepEqual((sent[1] as { patch: unknown }).patch, { speaking: true });
  });

  it('ignores answers to other messages', () => {
    const { sent, sync } = harness();
    sync.reset(undefined);
    sync.flush();
    assert.equal(sync.onMessage({ type: 'ack', id: 'someone-else' }), false);
    assert.equal(sync.onMessage({ type: 'pong' }), false);
    assert.equal(sent.length, 1);
  });
});

describe('ByteProgress', () => {
  it('calls a track dead after its bytes stood still for the stall time, counting only expected time', () => {
    const progress = new ByteProgress(5000);
    assert.equal(progress.sample(100, 0, true), false);
    assert.equal(progress.sample(200, 1000, true), false);
    assert.equal(progress.sample(200, 5000, true), false);
    // Publisher reconnecting: the clock restarts.
    assert.equal(progress.sample(200, 5500, false), false);
    assert.equal(progress.sample(200, 10_000, true), false);
    assert.equal(progress.sample(200, 10_500, true), true);
    assert.equal(progress.sample(300, 11_000, true), false);
  });
});

describe('carryOver', () => {
  it('keeps participants a restarted backend does not know yet, as reconnecting and without tracks', () => {
    const before = rosterOf([person('a', 1), person('b', 2), person('c', 3)]);
    const after = rosterOf([person('a', 10)]);
    const kept = carryOver(before, after, new Set(['b']));
    assert.deepEqual([...kept.keys()], ['b', 'a']);
    const b = kept.get('b');
    assert.equal(b?.connection, 'reconnecting');
    assert.equal(b?.tracks.video, null);
    assert.equal(b?.sessionId, null);
    assert.equal(carryOver(before, after, new Set()), after);
  });
});

describe('negotiationSettled (a leave waits for the renegotiation in flight)', () => {
  /** A peer connection's signaling state and its change events, without WebRTC. */
  function fakeConnection(state: RTCSignalingState) {
    const pc = Object.assign(new EventTarget(), { signalingState: state });
    const set = (next: RTCSignalingState) => {
      pc.signalingState = next;
      pc.dispatchEvent(new Event('signalingstatechange'));
    };
    return { pc: pc as unknown as RTCPeerConnection, set };
  }

  it('resolves at once with no offer in flight, and when the answer makes it stable', async () => {
    await negotiationSettled(undefined, 60_000);
    await negotiationSettled(fakeConnection('stable').pc, 60_000);
    const { pc, set } = fakeConnection('have-local-offer');
    let settled = false;
    const waiting = negotiationSettled(pc, 60_000).then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(settled, false, 'still waiting while the offer is out');
    set('stable');
    await waiting;
    assert.equal(settled, true);
  });

  it('gives up after its bound when the answer never comes', async () => {
    const started = performance.now();
    await negotiationSettled(fakeConnection('have-local-offer').pc, 30);
    assert.ok(performance.now() - started >= 25);
  });
});
