// Turns two readings of pages/lib/rtp-stats.ts counters into rates: received frame rate per
// remote video stream, sent frame rate per published video, and packet loss over the window.
import type { StreamCounters } from '../pages/lib/rtp-stats.js';

export interface Rates {
  /** Decoded frames per second of each remote video stream present in both readings. */
  receivedFps: number[];
  /** Encoded frames per second of each outgoing video stream. */
  sentFps: number[];
  /** Lost / (lost + received) over every inbound stream, audio and video, in percent. */
  lossPercent: number | null;
  inboundVideoStreams: number;
}

export function ratesBetween(first: StreamCounters[], second: StreamCounters[]): Rates {
  const earlier = new Map(first.map((stream) => [stream.key, stream]));
  const receivedFps: number[] = [];
  const sentFps: number[] = [];
  let lost = 0;
  let received = 0;
  for (const now of second) {
    const then = earlier.get(now.key);
    if (!then) continue;
    const seconds = (now.timestampMs - then.timestampMs) / 1000;
    if (seconds <= 0) continue;
    if (now.direction === 'inbound') {
      lost += Math.max(0, now.packetsLost - then.packetsLost);
      received += now.packetsReceived - then.packetsReceived;
      if (now.kind === 'video') receivedFps.push((now.frames - then.frames) / seconds);
    } else if (now.kind === 'video') {
      sentFps.push((now.frames - then.frames) / seconds);
    }
  }
  return {
    receivedFps,
    sentFps,
    lossPercent: lost + received > 0 ? (100 * lost) / (lost + received) : null,
    inboundVideoStreams: receivedFps.length,
  };
}
