/**
 * `sessions/new?thirdparty=true`: a session meant to connect to another server. Such servers (an AI
 * relay, another SFU) are often ICE lite, and two ICE-lite agents never connect, so the session
 * runs full ICE. The other side here is a real werift peer in ICE-lite mode on loopback.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RTCPeerConnection } from 'werift';
import type { RunningSfu } from '../../src/sfu/index.js';
import { gatheringComplete } from '../../src/sfu/peer.js';
import { call, eventually, startTestSfu } from './helpers/sfu-api.js';

describe('SFU thirdparty sessions', () => {
  let sfu: RunningSfu;
  before(async () => {
    sfu = await startTestSfu();
  });
  after(() => sfu.stop());

  /** Offers a data channel transport from the SFU; returns the session id and the offer. */
  async function serverOffer(query: string) {
    const created = await call(sfu, 'POST', `sessions/new${query}`);
    assert.equal(created.status, 201);
    const { sessionId } = created.body;
    const established = await call(sfu, 'POST', `sessions/${sessionId}/datachannels/establish`, {});
    assert.equal(established.status, 200, JSON.stringify(established.body));
    return { sessionId, offer: established.body.sessionDescription };
  }

  it('runs full ICE and connects to an ICE-lite peer', async () => {
    const ordinary = await serverOffer('');
    assert.match(ordinary.offer.sdp, /a=ice-lite/);

    const { sessionId, offer } = await serverOffer('?thirdparty=true');
    assert.doesNotMatch(offer.sdp, /a=ice-lite/);
    const relay = new RTCPeerConnection({
      iceServers: [],
      iceLite: true,
      iceUseIpv6: false,
      iceAdditionalHostAddresses: ['127.0.0.1'],
      iceInterfaceAddresses: { udp4: '127.0.0.1' },
    });
    try {
      await relay.setRemoteDescription(offer);
      await relay.setLocalDescription(await relay.createAnswer());
      await gatheringComplete(relay);
      const renegotiated = await call(sfu, 'PUT', `sessions/${sessionId}/renegotiate`, {
        sessionDescription: relay.localDescription,
      });
      assert.equal(renegotiated.status, 200, JSON.stringify(renegotiated.body));
      await eventually(
        async () => {
          const { body } = await call(sfu, 'GET', `sessions/${sessionId}`);
          return body.connectionState === 'connected' ? body : undefined;
        },
        15_000,
        'the thirdparty session to connect to the ICE-lite relay',
      );
    } finally {
      await relay.close();
    }
  });
});
