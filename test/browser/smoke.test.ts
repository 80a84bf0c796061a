// Proves the browser harness itself: the package entry loads through the dev server, Chromium's
// fake camera and microphone produce real media, and WebRTC connects over loopback (which the SFU
// tests depend on). Every assertion rests on decoded frames, pixels, sound or RTP stats.

import { expect } from '@open-wc/testing';
import { VERSION } from '../../src/index.js';
import {
  frameLumaSpread,
  inboundVideoStats,
  peakAudioRms,
  waitFor,
  waitForVideoFrames,
} from './helpers/media.js';

function attachVideo(stream: MediaStream): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.srcObject = stream;
  document.body.append(video);
  return video;
}

function stopAll(...streams: MediaStream[]): void {
  for (const stream of streams) for (const track of stream.getTracks()) track.stop();
}

describe('browser harness', () => {
  afterEach(() => {
    for (const video of document.querySelectorAll('video')) video.remove();
  });

  it('loads the package entry from source', () => {
    expect(VERSION).to.match(/^\d+\.\d+\.\d+/);
  });

  it('decodes frames from the fake camera in a <video> element', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    try {
      const [track] = stream.getVideoTracks();
      expect(track?.readyState).to.equal('live');
      const video = attachVideo(stream);
      await video.play();
      const metadata = await waitForVideoFrames(video, 10);

      expect(metadata.width).to.equal(640);
      expect(metadata.height).to.equal(480);
      expect(video.videoWidth).to.equal(640);
      expect(video.videoHeight).to.equal(480);
      // The fake camera draws a moving pattern, not a flat fill: a decoded frame has contrast.
      expect(frameLumaSpread(video)).to.be.greaterThan(5);
    } finally {
      stopAll(stream);
    }
  });

  it('hears the fake microphone', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    try {
      expect(await peakAudioRms(stream)).to.be.greaterThan(0.01);
    } finally {
      stopAll(stream);
    }
  });

  it('sends camera video through a loopback RTCPeerConnection and decodes it', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    const sender = new RTCPeerConnection();
    const receiver = new RTCPeerConnection();
    try {
      sender.onicecandidate = ({ candidate }) => candidate && void receiver.addIceCandidate(candidate);
      receiver.onicecandidate = ({ candidate }) => candidate && void sender.addIceCandidate(candidate);
      const received = new Promise<MediaStream>((resolve) => {
        receiver.ontrack = ({ track }) => resolve(new MediaStream([track]));
      });
      for (const track of stream.getTracks()) sender.addTrack(track, stream);

      await sender.setLocalDescription();
      await receiver.setRemoteDescription(sender.localDescription as RTCSessionDescriptionInit);
      await receiver.setLocalDescription();
      await sender.setRemoteDescription(receiver.localDescription as RTCSessionDescriptionInit);

      const video = attachVideo(await received);
      await video.play();
      await waitForVideoFrames(video, 5);
      const stats = await waitFor(
        async () => {
          const inbound = await inboundVideoStats(receiver);
          return inbound && (inbound.framesDecoded ?? 0) >= 5 ? inbound : undefined;
        },
        { what: 'framesDecoded >= 5 on the receiver' },
      );

      expect(receiver.connectionState).to.equal('connected');
      expect(stats.frameWidth).to.be.greaterThan(0);
      expect(video.videoWidth).to.be.greaterThan(0);
      expect(frameLumaSpread(video)).to.be.greaterThan(5);
    } finally {
      sender.close();
      receiver.close();
      stopAll(stream);
    }
  });
});
