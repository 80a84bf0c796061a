/**
 * One pulled track: forwards a publisher's RTP to a subscriber's sender, starting and switching
 * simulcast layers only on keyframes, and relaying the subscriber's keyframe requests upstream.
 */
import type { RTCRtpTransceiver, RtpPacket } from 'werift';
import type { SimulcastPreference } from './api-types.js';
import { onKeyframeRequest } from './keyframe-requests.js';
import { chooseLayer } from './layer-choice.js';
import type { LayerId, PublishedTrack } from './published-track.js';

/** RTP timestamp step (90 kHz clock, ~30 fps) inserted where the forwarded stream changes source. */
const SOURCE_SWITCH_TIMESTAMP_STEP = 3000;

export class Subscription {
  /** Layer being forwarded now; undefined until the first keyframe of the target arrives. */
  private currentLayer?: LayerId;
  /** Layer we want to forward; undefined when none is available under the preference. */
  private targetLayer?: LayerId;
  private readonly disposers: (() => void)[] = [];
  private closed = false;
  forwardedPackets = 0;

  constructor(
    readonly transceiver: RTCRtpTransceiver,
    readonly source: PublishedTrack,
    private preference: SimulcastPreference,
  ) {
    this.disposers.push(source.onPacket((layer, packet, keyframe) => this.handle(layer, packet, keyframe)));
    this.disposers.push(
      onKeyframeRequest(transceiver.dtlsTransport, transceiver.sender.ssrc, () => this.requestKeyframe()),
    );
  }

  get mid(): string {
    return this.transceiver.mid ?? '';
  }

  get simulcast(): SimulcastPreference | undefined {
    return this.source.isSimulcast ? this.preference : undefined;
  }

  /** The rid currently reaching the subscriber (for GET session and tests). */
  get forwardedLayer(): LayerId | undefined {
    return this.currentLayer;
  }

  updatePreference(preference: SimulcastPreference): void {
    this.preference = { ...this.preference, ...preference };
    this.reevaluate();
  }

  /** Re-picks the target layer; called when preferences change and periodically as layers come and go. */
  reevaluate(): void {
    if (this.closed) return;
    const target = this.chooseLayer();
    if (target === this.targetLayer) return;
    this.targetLayer = target;
    if (target === undefined) this.currentLayer = undefined;
    else if (target !== this.currentLayer) this.source.requestKeyframe(target);
  }

  close(): void {
    this.closed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  requestKeyframe(): void {
    const layer = this.targetLayer ?? this.currentLayer;
    if (layer !== undefined) this.source.requestKeyframe(layer);
  }

  private handle(layer: LayerId, packet: RtpPacket, keyframeStart: boolean): void {
    // Until the subscriber has answered and DTLS is up, werift would drop what we send; a keyframe
    // dropped there would leave the decoder waiting for the next one. Start only once it can arrive.
    if (this.closed || !this.senderReady) return;
    if (this.targetLayer === undefined) this.reevaluate();
    if (layer === this.targetLayer && layer !== this.currentLayer) {
      if (this.source.kind === 'video' && !keyframeStart) {
        this.source.requestKeyframe(layer);
        // Keep the old layer flowing until the new one can start cleanly.
        return;
      }
      this.switchTo(layer, packet);
    }
    if (layer === this.currentLayer) this.forward(packet);
  }

  private get senderReady(): boolean {
    const { sender } = this.transceiver;
    return sender.codec !== undefined && sender.dtlsTransport?.state === 'connected';
  }

  private switchTo(layer: LayerId, firstPacket: RtpPacket): void {
    const { sequenceNumber, timestamp } = firstPacket.header;
    // Make the new source continue the sequence the subscriber has seen (werift adds the offset).
    if (this.currentLayer !== undefined || this.forwardedPackets > 0) {
      this.transceiver.sender.replaceRTP({
        sequenceNumber: (sequenceNumber - 1) & 0xffff,
        timestamp: (timestamp - SOURCE_SWITCH_TIMESTAMP_STEP) >>> 0,
      });
    }
    this.currentLayer = layer;
  }

  private forward(packet: RtpPacket): void {
    const copy = packet.clone();
    // The publisher's extension ids mean nothing on the subscriber's connection.
    copy.header.extensions = [];
    copy.header.extension = false;
    this.forwardedPackets++;
    void this.transceiver.sender.sendRtp(copy);
  }

  private chooseLayer(): LayerId | undefined {
    if (!this.source.isSimulcast) return this.source.availableLayers().length > 0 ? '' : undefined;
    return chooseLayer(
      this.preference,
      this.source.declaredRids,
      this.source.availableLayers(),
      (rid) => this.source.layers.get(rid)?.bitrate ?? 0,
    );
  }
}
