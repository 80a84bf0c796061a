// Runs in its own browser (group "camera-clip" in web-test-runner.config.js) whose fake camera
// plays a camera-like clip, so the encoder uses the bandwidth the SFU's feedback allows.
import { expect } from '@open-wc/testing';
import { of } from 'rxjs';
import { waitForVideoFrames } from './helpers/media.js';
import { holdFirst, partyTracksFor, peerConnectionOf, videoElementFor } from './helpers/sfu-client.js';
import { callsTestEnv } from './helpers/test-env.js';

async function rtpBytes(pc: RTCPeerConnection, type: 'outbound-rtp' | 'inbound-rtp'): Promise<number> {
  let bytes = 0;
  for (const stats of (await pc.getStats()).values()) {
    if (stats.type === type && stats.kind === 'video')
      bytes += type === 'outbound-rtp' ? stats.bytesSent : stats.bytesReceived;
  }
  return bytes;
}

describe('local SFU bandwidth feedback', () => {
  it('lets a 1280x720 publisher send at least 1.5 Mbit/s through the SFU after 10 s', async () => {
    const { sfu } = await callsTestEnv();
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 } });
    const publisher = partyTracksFor(sfu);
    const subscriber = partyTracksFor(sfu);
    const pushed = await holdFirst(publisher.push(of(stream.getVideoTracks()[0])));
    const pulled = await holdFirst(subscriber.pull(of(pushed.value)));
    try {
      await waitForVideoFrames(videoElementFor(pulled.value), 5);
      const [sending, receiving] = [await peerConnectionOf(publisher), await peerConnectionOf(subscriber)];
      // Let the sender's estimate settle for 10 s of publishing, then measure over 2 s.
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const start = {
        sent: await rtpBytes(sending, 'outbound-rtp'),
        received: await rtpBytes(receiving, 'inbound-rtp'),
        at: performance.now(),
      };
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const seconds = (performance.now() - start.at) / 1000;
      const sentBitrate = (((await rtpBytes(sending, 'outbound-rtp')) - start.sent) * 8) / seconds;
      const receivedBitrate = (((await rtpBytes(receiving, 'inbound-rtp')) - start.received) * 8) / seconds;
      console.log(
        `publisher sends ${(sentBitrate / 1e6).toFixed(2)} Mbit/s, subscriber receives ${(receivedBitrate / 1e6).toFixed(2)} Mbit/s`,
      );
      expect(sentBitrate).to.be.at.least(1_500_000);
      expect(receivedBitrate).to.be.at.least(1_500_000);
    } finally {
      pulled.release();
      pushed.release();
      for (const track of stream.getTracks()) track.stop();
    }
  });
});
