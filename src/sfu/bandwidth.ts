/**
 * Receiver-side bandwidth feedback (REMB). Chromium's sender trusts a REMB that arrives in its first
 * seconds without loss, so a publisher starts near the estimate we give instead of crawling up
 * from ~300 kbit/s; later REMBs keep it as the ceiling while RTCP receiver reports show no loss.
 */
import { ReceiverEstimatedMaxBitrate, RtcpPayloadSpecificFeedback } from 'werift';
import type { PublishedTrack } from './published-track.js';

/** Default estimate given to each publisher: enough for 720p simulcast (three layers). */
export const DEFAULT_PUBLISHER_BITRATE = 4_000_000;

/** REMB carries the bitrate as an 18-bit mantissa and a 6-bit exponent. */
export function rembFields(bitrate: number): { brMantissa: number; brExp: number } {
  let brExp = 0;
  let brMantissa = Math.max(0, Math.floor(bitrate));
  while (brMantissa >= 1 << 18) {
    brMantissa >>= 1;
    brExp++;
  }
  return { brMantissa, brExp };
}

export function sendBandwidthEstimate(track: PublishedTrack, bitrate: number): void {
  if (track.kind !== 'video' || track.isClosed) return;
  const ssrcs = [...track.layers.values()]
    .map((layer) => layer.ssrc)
    .filter((ssrc): ssrc is number => ssrc !== undefined);
  if (ssrcs.length === 0) return;
  const receiver = track.transceiver.receiver;
  if (receiver.dtlsTransport?.state !== 'connected') return;
  const feedback = new ReceiverEstimatedMaxBitrate({
    senderSsrc: receiver.rtcpSsrc,
    mediaSsrc: 0,
    bitrate: BigInt(bitrate),
    ssrcNum: ssrcs.length,
    ssrcFeedbacks: ssrcs,
    ...rembFields(bitrate),
  });
  void receiver.dtlsTransport
    .sendRtcp([new RtcpPayloadSpecificFeedback({ feedback })])
    .catch(() => undefined);
}
