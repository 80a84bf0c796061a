// Client-initiated ICE restart on the local SFU, with raw Calls clients (RTCPeerConnection + fetch):
// the client offers new ICE credentials with `PUT renegotiate`, the SFU answers with new ones of
// its own, and the same session keeps publishing and pulling — frames keep decoding afterwards,
// on the same session id, with the SFU still reporting its tracks active.
import { expect } from '@open-wc/testing';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import { type RawCallsClient, rtpBytesByMid } from './helpers/raw-calls-client.js';
import { sfuSession, videoElementFor } from './helpers/sfu-client.js';
import { useSfuSuite } from './helpers/sfu-suite.js';

const ufragOf = (sdp: string | undefined) => /^a=ice-ufrag:(\S+)/m.exec(sdp ?? '')?.[1];

/** The ICE credentials the selected candidate pair of `pc` runs on (local ufrag as getStats reports it). */
async function selectedPairUfrag(pc: RTCPeerConnection): Promise<string | undefined> {
  const report = await pc.getStats();
  for (const stats of report.values()) {
    if (stats.type !== 'transport' || !stats.selectedCandidatePairId) continue;
    const pair = report.get(stats.selectedCandidatePairId);
    return report.get(pair?.localCandidateId)?.usernameFragment;
  }
  return undefined;
}

/** `createOffer({iceRestart: true})` sent with `PUT renegotiate`; returns the SFU's answer. */
async function restartIce(client: RawCallsClient): Promise<RTCSessionDescriptionInit> {
  await client.pc.setLocalDescription(await client.pc.createOffer({ iceRestart: true }));
  const response = await client.api('PUT', '/renegotiate', {
    sessionDescription: client.pc.localDescription?.toJSON(),
  });
  await client.pc.setRemoteDescription(response.sessionDescription);
  return response.sessionDescription;
}

async function bytesGrow(pc: RTCPeerConnection, type: 'outbound-rtp' | 'inbound-rtp', mid: string) {
  const start = (await rtpBytesByMid(pc, type)).get(mid) ?? 0;
  await waitFor(async () => ((await rtpBytesByMid(pc, type)).get(mid) ?? 0) > start + 20_000, {
    timeout: 20_000,
    what: `${type} bytes of mid ${mid} to grow`,
  });
}

describe('local SFU with raw clients: ICE restart', () => {
  const suite = useSfuSuite();

  async function camera(): Promise<MediaStreamTrack> {
    const stream = await suite.userMedia({ video: { width: 640, height: 360 } });
    return stream.getVideoTracks()[0];
  }

  it('answers an ICE-restart offer with new credentials, and both sessions keep their media', async () => {
    const publisher = await suite.client();
    const [pushed] = await publisher.push([await camera()]);
    const subscriber = await suite.client();
    const [pulled] = await subscriber.pull([pushed]);
    const video = videoElementFor(pulled.track);
    await waitForVideoFrames(video, 10, 20_000);

    for (const side of [publisher, subscriber]) {
      const sfuUfragBefore = ufragOf(side.pc.remoteDescription?.sdp);
      const pairBefore = await selectedPairUfrag(side.pc);
      const answer = await restartIce(side);
      expect(answer.type).to.equal('answer');
      expect(ufragOf(answer.sdp), 'the SFU answers with new ICE credentials').to.not.equal(sfuUfragBefore);
      // The connection moves to a pair of the new ICE generation, and media keeps flowing on it.
      await waitFor(
        async () => {
          const ufrag = await selectedPairUfrag(side.pc);
          return (
            ufrag !== undefined && ufrag !== pairBefore && ufrag === ufragOf(side.pc.localDescription?.sdp)
          );
        },
        { timeout: 20_000, what: 'a selected candidate pair of the new ICE generation' },
      );
      await bytesGrow(publisher.pc, 'outbound-rtp', pushed.mid);
      await bytesGrow(subscriber.pc, 'inbound-rtp', pulled.mid);
      const frame = await waitForVideoFrames(video, 10, 20_000);
      expect(frame.width).to.equal(640);
    }

    // Still the same two sessions in the SFU's own view, their tracks active.
    const published = await sfuSession(suite.sfu, publisher.sessionId);
    expect(published.tracks.map((t: { status: string }) => t.status)).to.deep.equal(['active']);
    const subscribed = await sfuSession(suite.sfu, subscriber.sessionId);
    expect(
      subscribed.tracks.map((t: { trackName: string; status: string }) => [t.trackName, t.status]),
    ).to.deep.equal([[pushed.trackName, 'active']]);
  });

  it('refuses an offer on renegotiate that does not restart ICE, or that adds a track', async () => {
    const publisher = await suite.client();
    await publisher.push([await camera()]);
    await publisher.pc.setLocalDescription(await publisher.pc.createOffer());
    const same = await fetchRenegotiate(publisher);
    expect(same.status).to.equal(406);
    expect(same.body.errorCode).to.equal('invalid_params');
    await publisher.pc.setLocalDescription({ type: 'rollback' });

    publisher.pc.addTransceiver('audio', { direction: 'sendonly' });
    await publisher.pc.setLocalDescription(await publisher.pc.createOffer({ iceRestart: true }));
    const grown = await fetchRenegotiate(publisher);
    expect(grown.status).to.equal(406);
    expect(grown.body.errorDescription).to.match(/only restart ICE/);
  });

  async function fetchRenegotiate(side: RawCallsClient): Promise<{ status: number; body: any }> {
    const response = await fetch(
      `${suite.sfu.apiBaseUrl}/apps/${suite.sfu.appId}/sessions/${side.sessionId}/renegotiate`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${suite.sfu.appSecret}` },
        body: JSON.stringify({ sessionDescription: side.pc.localDescription?.toJSON() }),
      },
    );
    return { status: response.status, body: await response.json() };
  }
});
