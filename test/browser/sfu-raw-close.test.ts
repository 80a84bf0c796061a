// Closing tracks with raw Calls clients (RTCPeerConnection + fetch, no partytracks), in both
// positions: the first m-section (the BUNDLE tag; closing it makes Chromium move the rest of the
// bundle to a new transport) and a later one. After the close the other track of the same peer
// connection must keep flowing, as on Cloudflare. Kinds are fixed (audio first, video second).
import { expect } from '@open-wc/testing';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import { rtpBytesByMid } from './helpers/raw-calls-client.js';
import { sfuSession, videoElementFor } from './helpers/sfu-client.js';
import { useSfuSuite } from './helpers/sfu-suite.js';
import type { TestSfu } from './helpers/test-env.js';

/** Resolves once the RTP bytes of `mid` have grown by `growth`: proof that media still moves. */
async function bytesKeepGrowing(
  pc: RTCPeerConnection,
  type: 'outbound-rtp' | 'inbound-rtp',
  mid: string,
  growth = 20_000,
): Promise<void> {
  const start = (await rtpBytesByMid(pc, type)).get(mid) ?? 0;
  await waitFor(async () => ((await rtpBytesByMid(pc, type)).get(mid) ?? 0) > start + growth, {
    timeout: 20_000,
    what: `${type} bytes of mid ${mid} to grow by ${growth}`,
  });
}

/** DTLS states of the transports the live transceivers use. */
function dtlsStates(pc: RTCPeerConnection): string[] {
  const states = new Set<string>();
  for (const transceiver of pc.getTransceivers()) {
    const transport = transceiver.sender.transport;
    if (transceiver.currentDirection !== 'stopped' && transport) states.add(transport.state);
  }
  return [...states];
}

/** Waits until the SFU lists exactly one track of `location`, active, on `mid`. */
async function sfuShowsOnlyActive(sfu: TestSfu, sessionId: string, mid: string): Promise<void> {
  await waitFor(
    async () => {
      const { tracks } = await sfuSession(sfu, sessionId);
      return tracks.length === 1 && tracks[0].mid === mid && tracks[0].status === 'active';
    },
    { what: `the SFU to show only mid ${mid}, active` },
  );
}

describe('local SFU with raw clients: closing a track', () => {
  const suite = useSfuSuite();

  async function micAndCamera(): Promise<MediaStreamTrack[]> {
    const stream = await suite.userMedia({
      audio: true,
      video: { width: 640, height: 360 },
    });
    return [stream.getAudioTracks()[0], stream.getVideoTracks()[0]];
  }

  for (const closing of [0, 1]) {
    const position = closing === 0 ? 'first (BUNDLE tag)' : 'second';
    const remaining = 1 - closing;

    it(`closing the ${position} pushed m-section keeps the other one flowing`, async () => {
      const publisher = await suite.client();
      const pushed = await publisher.push(await micAndCamera());
      await bytesKeepGrowing(publisher.pc, 'outbound-rtp', pushed[remaining].mid);

      await publisher.close([pushed[closing].mid]);
      await bytesKeepGrowing(publisher.pc, 'outbound-rtp', pushed[remaining].mid);
      expect(dtlsStates(publisher.pc)).to.deep.equal(['connected']);
      await sfuShowsOnlyActive(suite.sfu, publisher.sessionId, pushed[remaining].mid);
    });

    it(`closing the ${position} pulled m-section keeps the other one flowing`, async () => {
      const publisher = await suite.client();
      const pushed = await publisher.push(await micAndCamera());
      const subscriber = await suite.client();
      const pulled = await subscriber.pull(pushed);
      expect(pulled.map(({ track }) => track.kind)).to.deep.equal(['audio', 'video']);
      await bytesKeepGrowing(subscriber.pc, 'inbound-rtp', pulled[remaining].mid);

      await subscriber.close([pulled[closing].mid]);
      await bytesKeepGrowing(subscriber.pc, 'inbound-rtp', pulled[remaining].mid);
      if (pulled[remaining].track.kind === 'video') {
        const frame = await waitForVideoFrames(videoElementFor(pulled[remaining].track), 10, 20_000);
        expect(frame.width).to.equal(640);
      }
      expect(dtlsStates(subscriber.pc)).to.deep.equal(['connected']);
      await sfuShowsOnlyActive(suite.sfu, subscriber.sessionId, pulled[remaining].mid);
    });
  }
});
