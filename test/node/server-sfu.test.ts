// The whole signalling path through the backend kit to the real local SFU: two participants of one
// room publish and subscribe through the proxy, with werift as the browser, and media arrives.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MediaStreamTrack, type RTCPeerConnection, RtpHeader, RtpPacket } from 'werift';
import type { Participant } from '../../src/server/index.js';
import type { RunningSfu } from '../../src/sfu/index.js';
import { startSfu } from '../../src/sfu/index.js';
import { forEachBackend } from './helpers/backends.js';
import { connected, loopbackPeer } from './helpers/live-call.js';
import type { Backend } from './helpers/server-harness.js';
import { PresenceClient } from './helpers/server-harness.js';

type Description = { type: 'offer' | 'answer'; sdp: string };

/** The parts of Calls API answers this test reads. */
interface CallsAnswer {
  sessionId?: string;
  sessionDescription?: Description;
  requiresImmediateRenegotiation?: boolean;
  tracks?: Array<{ trackName: string; mid?: string }>;
  errorCode?: string;
}

forEachBackend(({ startBackend }) => {
  describe('backend kit + local SFU', { timeout: 30000 }, () => {
    let sfu: RunningSfu;
    let backend: Backend;
    const peers: RTCPeerConnection[] = [];
    before(async () => {
      sfu = await startSfu({
        port: 0,
        host: '127.0.0.1',
        appId: 'kit-app',
        appSecret: 'kit-secret',
        logLevel: 'silent',
      });
      backend = await startBackend({
        apiBaseUrl: sfu.apiBaseUrl,
        appId: sfu.appId,
        appSecret: sfu.appSecret,
        iceServers: [],
      });
    });
    after(async () => {
      await Promise.all(peers.map((pc) => pc.close()));
      await backend.stop();
      await sfu.stop();
    });

    async function proxyCall(client: PresenceClient, method: string, path: string, body?: unknown) {
      const response = await fetch(backend.proxyUrl(path), {
        method,
        // partytracks sends JSON as text/plain; the proxy must not care.
        headers: { 'X-Calls-Participant': client.credential, 'Content-Type': 'text/plain;charset=UTF-8' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as CallsAnswer };
    }

    test('publish, announce, subscribe through the proxy; media flows; a pull from another room is refused', async () => {
      const alice = await PresenceClient.join(backend.roomUrl('standup'), { name: 'Alice' });
      const bob = await PresenceClient.join(backend.roomUrl('standup'), { name: 'Bob' });
      const eve = await PresenceClient.join(backend.roomUrl('other-room'), { name: 'Eve' });

      // Alice publishes a microphone track.
      const created = await proxyCall(alice, 'POST', '/sessions/new');
      assert.equal(created.status, 201);
      const aliceSession = created.body.sessionId as string;
      const publisher = loopbackPeer();
      peers.push(publisher);
      const microphone = new MediaStreamTrack({ kind: 'audio' });
      const transceiver = publisher.addTransceiver(microphone, { direction: 'sendonly' });
      await publisher.setLocalDescription(await publisher.createOffer());
      const pushed = await proxyCall(alice, 'POST', `/sessions/${aliceSession}/tracks/new`, {
        sessionDescription: { type: 'offer', sdp: publisher.localDescription?.sdp },
        tracks: [{ location: 'local', mid: transceiver.mid, trackName: 'mic' }],
      });
      assert.equal(pushed.status, 200, JSON.stringify(pushed.body));
      assert.equal(pushed.body.sessionDescription?.type, 'answer');
      await publisher.setRemoteDescription(pushed.body.sessionDescription as Description);
      await connected(publisher);

      // Opus-shaped packets every 20 ms, as a microphone would send them.
      const payloadType =
        transceiver.codecs.find((codec) => codec.mimeType.toLowerCase() === 'audio/opus')?.payloadType ?? 111;
      let sequenceNumber = 0;
      const sending = setInterval(() => {
        sequenceNumber += 1;
        const header = new RtpHeader({
          payloadType,
          sequenceNumber: sequenceNumber & 0xffff,
          timestamp: sequenceNumber * 960,
          ssrc: 0x1234abcd,
          marker: false,
        });
        microphone.writeRtp(new RtpPacket(header, Buffer.from([0xf8, 0xff, 0xfe])));
      }, 20);

      try {
        // Alice tells the room; the server checks the session is hers.
        const announced = await alice.request({
          type: 'update',
          patch: {
            sessionId: aliceSession,
            audioEnabled: true,
            tracks: { audio: { sessionId: aliceSession, trackName: 'mic' } },
          },
        });
        assert.equal(announced.type, 'ack');
        const seen = await bob.next(
          'participant-updated',
          (m) => (m.participant as Participant).tracks.audio !== null,
        );
        const audio = (seen.participant as Participant).tracks.audio;
        assert.deepEqual(audio, { sessionId: aliceSession, trackName: 'mic' });

        // Eve, in another room, cannot pull it even knowing the ids.
        const eveSession = (await proxyCall(eve, 'POST', '/sessions/new')).body.sessionId as string;
        const refused = await proxyCall(eve, 'POST', `/sessions/${eveSession}/tracks/new`, {
          tracks: [{ location: 'remote', ...audio }],
        });
        assert.equal(refused.status, 403);
        assert.equal(refused.body.errorCode, 'pull_outside_room');

        // Bob subscribes the partytracks way: server offer, his answer, renegotiate.
        const bobSession = (await proxyCall(bob, 'POST', '/sessions/new')).body.sessionId as string;
        const subscriber = loopbackPeer();
        peers.push(subscriber);
        const firstPacket = new Promise<RtpPacket>((resolve) => {
          subscriber.onTrack.subscribe((track) => {
            track.onReceiveRtp.once((packet) => resolve(packet));
          });
        });
        const pulled = await proxyCall(bob, 'POST', `/sessions/${bobSession}/tracks/new`, {
          tracks: [{ location: 'remote', ...audio }],
        });
        assert.equal(pulled.status, 200, JSON.stringify(pulled.body));
        assert.equal(pulled.body.requiresImmediateRenegotiation, true);
        assert.equal(typeof pulled.body.tracks?.[0]?.mid, 'string');
        await subscriber.setRemoteDescription(pulled.body.sessionDescription as Description);
        await subscriber.setLocalDescription(await subscriber.createAnswer());
        const renegotiated = await proxyCall(bob, 'PUT', `/sessions/${bobSession}/renegotiate`, {
          sessionDescription: { type: 'answer', sdp: subscriber.localDescription?.sdp },
        });
        assert.equal(renegotiated.status, 200, JSON.stringify(renegotiated.body));

        const packet = await firstPacket;
        assert.deepEqual(
          [...packet.payload],
          [0xf8, 0xff, 0xfe],
          'Alice’s audio reached Bob through the SFU',
        );

        // The SFU's own view, read through the proxy by the session's owner.
        const described = await proxyCall(alice, 'GET', `/sessions/${aliceSession}`);
        assert.equal(described.status, 200);
        assert.deepEqual(
          described.body.tracks?.map((t: { trackName: string }) => t.trackName),
          ['mic'],
        );
        // …and refused to anyone else.
        assert.equal((await proxyCall(bob, 'GET', `/sessions/${aliceSession}`)).status, 403);
      } finally {
        clearInterval(sending);
        for (const client of [alice, bob, eve]) client.close();
      }
    });
  });
});
