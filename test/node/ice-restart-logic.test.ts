// Pure logic of ICE restart: which client offers the SFU takes as an ICE restart on
// `PUT renegotiate`, and when the room's media watch restarts ICE instead of replacing the session.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstValueFrom, of, take, timeout, toArray } from 'rxjs';
import { mediaFailure$ } from '../../src/core/media-health.js';
import { CallsError } from '../../src/sfu/errors.js';
import { assertIceRestartOffer } from '../../src/sfu/ice-restart.js';

function description(ufrag: string, sections: string[]): string {
  return [
    'v=0',
    'o=- 1 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    ...sections.flatMap((section, index) => [
      `m=${section} 9 UDP/TLS/RTP/SAVPF 96`,
      `a=ice-ufrag:${ufrag}`,
      `a=ice-pwd:${ufrag}-password-long-enough`,
      `a=mid:${index}`,
      'a=sendonly',
    ]),
    '',
  ].join('\r\n');
}

const refusal = (run: () => void, pattern: RegExp) =>
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof CallsError);
    assert.equal(error.errorCode, 'invalid_params');
    assert.equal(error.status, 406);
    assert.match(error.message, pattern);
    return true;
  });

describe('SFU: an offer on PUT renegotiate', () => {
  const current = description('old1', ['audio', 'video']);

  it('is taken when it keeps the m-sections and changes the ICE credentials', () => {
    assert.doesNotThrow(() => assertIceRestartOffer(current, description('new1', ['audio', 'video'])));
  });

  it('is refused with the same credentials (not an ICE restart)', () => {
    refusal(() => assertIceRestartOffer(current, current), /must restart ICE/);
  });

  it('is refused when it adds or reorders m-sections', () => {
    refusal(
      () => assertIceRestartOffer(current, description('new1', ['audio', 'video', 'video'])),
      /only restart ICE/,
    );
    refusal(
      () => assertIceRestartOffer(current, description('new1', ['video', 'audio'])),
      /only restart ICE/,
    );
  });

  it('is refused on a session that never negotiated', () => {
    refusal(() => assertIceRestartOffer(undefined, current), /not negotiated yet/);
  });
});

/**
 * A peer connection that receives no media: its transport byte count never grows. With
 * `answered`, the SFU still answers its ICE checks (the STUN response count grows).
 */
function silentConnection(connectionState: RTCPeerConnectionState, answered = false) {
  let responses = 0;
  return {
    connectionState,
    getStats: async () =>
      new Map<string, object>([
        ['t', { type: 'transport', bytesReceived: 1000 }],
        ['p', { type: 'candidate-pair', responsesReceived: answered ? ++responses : 0 }],
      ]),
  } as unknown as RTCPeerConnection;
}

const SESSION = '0123456789abcdef0123456789abcdef';
const fast = { intervalMs: 5, silenceMs: 10, pathSilenceMs: 10, iceRestartIntervalMs: 40 };

describe('room: a silent Calls session', () => {
  it('the SFU still holds gets ICE restarts, spaced out, and is not replaced', async () => {
    for (const state of ['connected', 'disconnected'] as const) {
      const restarts: number[] = [];
      const failure$ = mediaFailure$(of({ peerConnection: silentConnection(state), sessionId: SESSION }), {
        ...fast,
        // Only a session that was connected once is asked about; the connect timeout stays away.
        connectTimeoutMs: 60_000,
        probe: async () => 'alive',
        restartIce: async () => {
          restarts.push(performance.now());
          return 'restarted';
        },
      });
      const failures = await firstValueFrom(
        failure$.pipe(take(1), timeout({ first: 300, with: () => of('none') }), toArray()),
      );
      if (state === 'connected') {
        assert.deepEqual(failures, ['none'], 'no new session while the SFU holds this one');
        assert.ok(restarts.length >= 2, `restarted ICE (${restarts.length} times)`);
        for (let i = 1; i < restarts.length; i++) assert.ok(restarts[i]! - restarts[i - 1]! >= 40);
      } else {
        // Never connected: nothing to restart yet, only the connect timeout applies.
        assert.deepEqual(restarts, []);
      }
    }
  });

  it('whose ICE checks the SFU still answers keeps its ICE (no restart)', async () => {
    let restarts = 0;
    const failures = await firstValueFrom(
      mediaFailure$(of({ peerConnection: silentConnection('connected', true), sessionId: SESSION }), {
        ...fast,
        probe: async () => 'alive',
        restartIce: async () => {
          restarts += 1;
          return 'restarted';
        },
      }).pipe(timeout({ first: 200, with: () => of('none') }), toArray()),
    );
    assert.deepEqual(failures, ['none']);
    assert.equal(restarts, 0);
  });

  it('the SFU forgot is replaced without an ICE restart', async () => {
    let restarts = 0;
    const failure = await firstValueFrom(
      mediaFailure$(of({ peerConnection: silentConnection('connected'), sessionId: SESSION }), {
        ...fast,
        probe: async () => 'gone',
        restartIce: async () => {
          restarts += 1;
          return 'restarted';
        },
      }),
    );
    assert.equal(failure, 'session_gone');
    assert.equal(restarts, 0);
  });

  it('closed while its stats are read (the room leaving) is not asked about: the backend would answer 401', async () => {
    let reads = 0;
    const pc = {
      connectionState: 'connected',
      // Connected for a few checks, silent from the start; then closed in the middle of a read.
      getStats: async () => {
        reads += 1;
        if (reads === 4) (pc as { connectionState: string }).connectionState = 'closed';
        return new Map<string, object>([['t', { type: 'transport', bytesReceived: 1000 }]]);
      },
    } as unknown as RTCPeerConnection;
    const probes: string[] = [];
    const failures = await firstValueFrom(
      mediaFailure$(of({ peerConnection: pc, sessionId: SESSION }), {
        ...fast,
        silenceMs: 60_000,
        probe: async (id) => {
          probes.push(id);
          return 'alive';
        },
      }).pipe(timeout({ first: 200, with: () => of('none') }), toArray()),
    );
    assert.ok(reads >= 4, `read the stats ${reads} times`);
    assert.deepEqual(failures, ['none']);
    assert.deepEqual(probes, []);
  });

  it('is asked about again when partytracks was negotiating (busy) rather than waiting the interval', async () => {
    const outcomes: Array<'busy' | 'restarted'> = ['busy', 'restarted'];
    const calls: string[] = [];
    await firstValueFrom(
      mediaFailure$(of({ peerConnection: silentConnection('connected'), sessionId: SESSION }), {
        ...fast,
        iceRestartIntervalMs: 60_000,
        probe: async () => 'alive',
        restartIce: async () => {
          const outcome = outcomes.shift() ?? 'restarted';
          calls.push(outcome);
          return outcome;
        },
      }).pipe(timeout({ first: 200, with: () => of('none') })),
    );
    assert.deepEqual(
      calls,
      ['busy', 'restarted'],
      'a busy connection is tried again; then the interval holds',
    );
  });
});
