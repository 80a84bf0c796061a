// `simulcast.priorityOrdering` with raw Calls clients (RTCPeerConnection + fetch, no partytracks):
// pulled with no `preferredRid`, the ordering alone decides which layer a subscriber gets (see
// src/sfu/layer-choice.ts). The publisher declares its rids against ASCII order — "c" (full size)
// first, then "b" (half), then "a" (quarter) — so the two orderings pick different layers:
// "none" keeps the publisher's order and takes "c", "asciibetical" takes "a".
import { expect } from '@open-wc/testing';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import type { RawCallsClient, RemoteTrackRef } from './helpers/raw-calls-client.js';
import { sfuSession, videoElementFor } from './helpers/sfu-client.js';
import { useSfuSuite } from './helpers/sfu-suite.js';

const CAPTURE_WIDTH = 1280;
const LAYERS: RTCRtpEncodingParameters[] = [
  { rid: 'c', maxBitrate: 1_500_000 },
  { rid: 'b', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'a', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
];

describe('local SFU with raw clients: simulcast priorityOrdering', () => {
  const suite = useSfuSuite();

  /** Pushes a camera with the three layers, and waits until the SFU sees all three arrive. */
  async function publishSimulcastCamera(publisher: RawCallsClient): Promise<RemoteTrackRef> {
    const stream = await suite.userMedia({
      video: { width: CAPTURE_WIDTH, height: 720 },
    });
    const transceiver = publisher.pc.addTransceiver(stream.getVideoTracks()[0], {
      direction: 'sendonly',
      sendEncodings: LAYERS,
    });
    await publisher.pc.setLocalDescription(await publisher.pc.createOffer());
    const trackName = `camera-${crypto.randomUUID()}`;
    const response = await publisher.api('POST', '/tracks/new', {
      sessionDescription: publisher.pc.localDescription?.toJSON(),
      tracks: [{ location: 'local', mid: transceiver.mid, trackName }],
    });
    await publisher.pc.setRemoteDescription(response.sessionDescription);
    await waitFor(
      async () => {
        const { tracks } = await sfuSession(suite.sfu, publisher.sessionId);
        return ['a', 'b', 'c'].every((rid) => tracks[0]?.simulcast?.available?.includes(rid));
      },
      { timeout: 30_000, what: 'the SFU to receive all three layers' },
    );
    return { sessionId: publisher.sessionId, trackName };
  }

  it('"none" forwards the publisher’s first layer, "asciibetical" the first rid in ASCII order', async () => {
    const publisher = await suite.client();
    const camera = await publishSimulcastCamera(publisher);
    const inPublisherOrder = await suite.client();
    const inAsciiOrder = await suite.client();
    const [none] = await inPublisherOrder.pull([camera], { simulcast: { priorityOrdering: 'none' } });
    const [ascii] = await inAsciiOrder.pull([camera], { simulcast: { priorityOrdering: 'asciibetical' } });

    const noneFrame = await waitForWidth(videoElementFor(none.track), CAPTURE_WIDTH);
    const asciiFrame = await waitForWidth(videoElementFor(ascii.track), CAPTURE_WIDTH / 4);
    expect(noneFrame.width).to.equal(CAPTURE_WIDTH);
    expect(asciiFrame.width).to.equal(CAPTURE_WIDTH / 4);
    expect((await sfuSession(suite.sfu, inPublisherOrder.sessionId)).tracks[0].simulcast).to.include({
      priorityOrdering: 'none',
      forwardedRid: 'c',
    });
    expect((await sfuSession(suite.sfu, inAsciiOrder.sessionId)).tracks[0].simulcast).to.include({
      priorityOrdering: 'asciibetical',
      forwardedRid: 'a',
    });
  });
});

/** Waits until `video` plays at `width`, then returns a frame decoded after that. */
async function waitForWidth(video: HTMLVideoElement, width: number) {
  await waitFor(() => video.videoWidth === width, { timeout: 30_000, what: `the ${width} px layer` });
  return waitForVideoFrames(video, 5, 20_000);
}
