/** Lifecycle of sessions and tracks on the local SFU: expiry, collection, cleanup on stop. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningSfu } from '../../src/sfu/index.js';
import { call, eventually, newSession, startTestSfu, TestPeer } from './helpers/sfu-api.js';

describe('SFU lifecycle', () => {
  let sfu: RunningSfu;
  before(async () => {
    sfu = await startTestSfu({ unconnectedSessionMs: 300, idleTrackMs: 300, tickMs: 50 });
  });
  after(() => sfu.stop());

  it('expires a session that never connects, answering 410 afterwards', async () => {
    const sessionId = await newSession(sfu);
    assert.equal((await call(sfu, 'GET', `sessions/${sessionId}`)).status, 200);
    const gone = await eventually(
      async () => {
        const answer = await call(sfu, 'GET', `sessions/${sessionId}`);
        return answer.status === 410 ? answer : undefined;
      },
      5000,
      'the unconnected session to expire',
    );
    assert.equal(gone.body.errorCode, 'session_error');
  });

  it('collects a published track that carries no media', async () => {
    const lifecycleSfu = await startTestSfu({ unconnectedSessionMs: 60_000, idleTrackMs: 300, tickMs: 50 });
    const peer = new TestPeer();
    try {
      const sessionId = await newSession(lifecycleSfu);
      const offer = await peer.offerSending(['audio']);
      await call(lifecycleSfu, 'POST', `sessions/${sessionId}/tracks/new`, {
        sessionDescription: offer,
        tracks: [{ location: 'local', mid: offer.mids[0], trackName: 'silent' }],
      });
      assert.equal((await call(lifecycleSfu, 'GET', `sessions/${sessionId}`)).body.tracks.length, 1);
      await eventually(
        async () => {
          const { body } = await call(lifecycleSfu, 'GET', `sessions/${sessionId}`);
          return body.tracks.length === 0 ? true : undefined;
        },
        5000,
        'the silent track to be collected',
      );
      const pulled = await call(
        lifecycleSfu,
        'POST',
        `sessions/${await newSession(lifecycleSfu)}/tracks/new`,
        {
          tracks: [{ location: 'remote', sessionId, trackName: 'silent' }],
        },
      );
      assert.equal(pulled.body.tracks[0].errorCode, 'not_found_track_error');
    } finally {
      await peer.close();
      await lifecycleSfu.stop();
    }
  });

  it('frees every session when stopped', async () => {
    const stopping = await startTestSfu();
    await newSession(stopping);
    await newSession(stopping);
    assert.equal(stopping.sessionCount, 2);
    await stopping.stop();
    assert.equal(stopping.sessionCount, 0);
    await assert.rejects(
      fetch(`${stopping.apiBaseUrl}/apps/${stopping.appId}/sessions/new`, { method: 'POST' }),
    );
  });
});
