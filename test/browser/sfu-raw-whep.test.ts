// WHEP-style pull with a raw client: the client offers receive-only m-sections and names the
// remote tracks without any `mid`, as Cloudflare's WHIP/WHEP gateway does; the SFU matches each
// track to the next free receiving m-section of its kind and answers.
import { expect } from '@open-wc/testing';
import { waitForVideoFrames } from './helpers/media.js';
import { sfuSession, videoElementFor } from './helpers/sfu-client.js';
import { useSfuSuite } from './helpers/sfu-suite.js';

describe('local SFU with raw clients: WHEP-style pull', () => {
  const suite = useSfuSuite();

  it('answers a recvonly offer whose tracks name no mid, and the video decodes', async () => {
    const stream = await suite.userMedia({
      audio: true,
      video: { width: 640, height: 360 },
    });
    const publisher = await suite.client();
    const [audio, video] = await publisher.push([stream.getAudioTracks()[0], stream.getVideoTracks()[0]]);

    const viewer = await suite.client();
    const audioSlot = viewer.pc.addTransceiver('audio', { direction: 'recvonly' });
    const videoSlot = viewer.pc.addTransceiver('video', { direction: 'recvonly' });
    await viewer.pc.setLocalDescription(await viewer.pc.createOffer());
    // Video named first: matching goes by kind, not by position.
    const response = await viewer.api('POST', '/tracks/new', {
      sessionDescription: viewer.pc.localDescription?.toJSON(),
      tracks: [video, audio].map(({ sessionId, trackName }) => ({
        location: 'remote',
        sessionId,
        trackName,
      })),
    });
    expect(response.requiresImmediateRenegotiation).to.equal(false);
    expect(response.tracks.map((track: { mid: string }) => track.mid)).to.deep.equal([
      videoSlot.mid,
      audioSlot.mid,
    ]);
    await viewer.pc.setRemoteDescription(response.sessionDescription);

    const element = videoElementFor(videoSlot.receiver.track);
    const frame = await waitForVideoFrames(element, 5, 20_000);
    expect(frame.width).to.equal(640);
    const { tracks } = await sfuSession(suite.sfu, viewer.sessionId);
    expect(
      tracks.map((track: { kind: string; mid: string }) => [track.kind, track.mid]),
    ).to.have.deep.members([
      ['video', videoSlot.mid],
      ['audio', audioSlot.mid],
    ]);
  });
});
