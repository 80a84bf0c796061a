/**
 * Finds a subscriber's keyframe requests (PLI and FIR) for one of our senders on its transport.
 *
 * werift hands payload-specific feedback to whatever its SSRC table holds for the packet's *sender*
 * SSRC before the media SSRC. A subscriber that also publishes signs its feedback with its own
 * media SSRC, so its keyframe requests land on the receiver of its own publication and the sender
 * they are about never hears them: the pulled video then waits for the publisher's next periodic
 * keyframe (in practice, never decodes). Reading the transport's RTCP ourselves sidesteps that.
 */
import { type RTCDtlsTransport, type RtcpPacket, RtcpPayloadSpecificFeedback } from 'werift';

/** Payload-specific feedback formats (RFC 4585, RFC 5104). */
const PLI_FORMAT = 1;
const FIR_FORMAT = 4;

/** True when `packet` asks for a keyframe of the stream we send as `ssrc`. */
export function isKeyframeRequestFor(packet: RtcpPacket, ssrc: number): boolean {
  if (!(packet instanceof RtcpPayloadSpecificFeedback)) return false;
  const feedback = packet.feedback as { count: number; mediaSsrc?: number; fir?: { ssrc: number }[] };
  if (feedback.count === PLI_FORMAT) return feedback.mediaSsrc === ssrc;
  if (feedback.count === FIR_FORMAT) return feedback.fir?.some((entry) => entry.ssrc === ssrc) ?? false;
  return false;
}

/** Calls `onRequest` for every keyframe request for `ssrc` that arrives on `transport`. */
export function onKeyframeRequest(
  transport: RTCDtlsTransport | undefined,
  ssrc: number,
  onRequest: () => void,
): () => void {
  if (!transport) return () => undefined;
  const { unSubscribe } = transport.onRtcp.subscribe((packet) => {
    if (isKeyframeRequestFor(packet, ssrc)) onRequest();
  });
  return unSubscribe;
}
