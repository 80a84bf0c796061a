// A call survives its network path going away for good while the SFU keeps the session: Ada's
// media runs through a UDP relay that rebinds like a NAT (the old ports lead nowhere). The room
// asks the SFU whether it still holds her session (it does) and restarts ICE on it: new
// credentials and candidates through `PUT renegotiate`. Both play each other's video again, and
// Ada is still on the SAME Calls session — the one the SFU itself reports with active tracks —
// and the same peer connection, on a new ICE generation.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openCallPage, sessionIdOf, waitForMutualVideo } from './helpers/call-pages.js';
import { useCallServer } from './helpers/call-server.js';
import { RECOVERY_DEADLINE_MS } from './helpers/faults.js';
import { LossyRelay } from './helpers/lossy-relay.js';

/** Keeps every peer connection the page makes, so the test can read its ICE credentials. */
const recordPeerConnections = `(() => {
  const Original = RTCPeerConnection;
  window.__peerConnections = [];
  window.RTCPeerConnection = function (...args) {
    const pc = new Original(...args);
    window.__peerConnections.push(pc);
    return pc;
  };
  window.RTCPeerConnection.prototype = Original.prototype;
})()`;

/** The live peer connection's count and local ICE ufrag. */
const readPeerConnections = `(() => {
  const all = window.__peerConnections;
  const live = all.filter((pc) => pc.connectionState !== 'closed');
  const ufrag = /^a=ice-ufrag:(\\S+)/m.exec(live[0]?.localDescription?.sdp ?? '')?.[1];
  return { made: all.length, live: live.length, ufrag };
})()`;

interface PeerConnections {
  made: number;
  live: number;
  ufrag: string | undefined;
}

describe('ICE restart when the path goes away and the SFU keeps the session', { timeout: 180_000 }, () => {
  const server = useCallServer();
  const relay = new LossyRelay();
  after(() => relay.close());

  it('Ada restarts ICE on the same Calls session and both see each other again', async () => {
    const room = `ice-${Date.now().toString(36)}`;
    const ada = await openCallPage(server.browser, server.dev.url, room, 'Ada', {
      beforeJoin: async (page) => {
        await page.addInitScript(recordPeerConnections);
        await relay.attach(page);
      },
    });
    const bob = await openCallPage(server.browser, server.dev.url, room, 'Bob');
    const first = await waitForMutualVideo([ada, bob], Date.now(), 60_000);
    const sessionBefore = await sessionIdOf(ada);
    const before = (await ada.page.evaluate(readPeerConnections)) as PeerConnections;
    const mappingsBefore = relay.mappings;
    assert.ok(sessionBefore, 'Ada has a Calls session');
    assert.equal(before.live, 1);

    relay.rebind();
    const recovery = await waitForMutualVideo([ada, bob], Date.now(), RECOVERY_DEADLINE_MS);
    console.log(`path rebound: both play each other's video ${recovery.ms} ms later`);

    const after = (await ada.page.evaluate(readPeerConnections)) as PeerConnections;
    assert.equal(await sessionIdOf(ada), sessionBefore, 'Ada is on the same Calls session');
    assert.equal(after.made, before.made, 'no new peer connection was made');
    assert.ok(
      after.ufrag && after.ufrag !== before.ufrag,
      `a new ICE generation (${before.ufrag} → ${after.ufrag})`,
    );
    assert.ok(relay.mappings > mappingsBefore, 'the page reached the SFU on a new path');
    assert.deepEqual(recovery.ids, first.ids, 'the same participants');
    assert.equal(recovery.duplicateTiles, false);

    // The SFU's own view: the session is the one it always was, its tracks active.
    const response = await fetch(
      `${server.dev.sfu!.apiBaseUrl}/apps/${server.dev.sfu!.appId}/sessions/${sessionBefore}`,
      {
        headers: { authorization: `Bearer ${server.dev.sfu!.appSecret}` },
      },
    );
    assert.equal(response.status, 200);
    const session = (await response.json()) as { tracks: Array<{ location: string; status: string }> };
    const published = session.tracks.filter((track) => track.location === 'local');
    assert.ok(published.length >= 2, 'her microphone and camera are still published');
    assert.ok(
      published.every((track) => track.status === 'active'),
      JSON.stringify(session.tracks),
    );
  });
});
