/**
 * A track a publisher pushed into its session: its werift receiver, the RTP layers it carries
 * (one per simulcast rid, or a single unnamed layer), and the subscribers it feeds.
 */
import type { MediaStreamTrack, RTCRtpTransceiver, RtpPacket } from 'werift';
import { KeyframePacer } from './keyframe-pacer.js';
import { codecNameFromMimeType, isKeyframeStart, type VideoCodecName } from './keyframes.js';

export type TrackKind = 'audio' | 'video';
/** `''` names the only layer of a track sent without simulcast. */
export type LayerId = string;

export interface LayerState {
  readonly rid: LayerId;
  ssrc?: number;
  lastPacketAt: number;
  /** Bytes received in the current one-second window and the rate of the last full window. */
  windowBytes: number;
  bitrate: number;
}

export type PacketListener = (layer: LayerId, packet: RtpPacket, keyframeStart: boolean) => void;

/** A layer counts as available while packets arrived this recently. */
const LAYER_STALE_MS = 1500;

export class PublishedTrack {
  readonly layers = new Map<LayerId, LayerState>();
  readonly createdAt = Date.now();
  lastMediaAt = 0;
  private readonly listeners = new Set<PacketListener>();
  private readonly keyframes = new KeyframePacer((rid) => {
    const ssrc = this.layers.get(rid)?.ssrc;
    if (ssrc !== undefined) void this.transceiver.receiver.sendRtcpPLI(ssrc);
  });
  private codec: VideoCodecName = 'other';
  private closed = false;

  constructor(
    readonly sessionId: string,
    readonly trackName: string,
    readonly mid: string,
    readonly kind: TrackKind,
    readonly transceiver: RTCRtpTransceiver,
    /** Rids the publisher announced in its offer; empty without simulcast. */
    readonly declaredRids: readonly string[],
  ) {
    // werift writes simulcast attributes into its own offers only from these options. Without
    // them, the next server offer on this session (a pull) drops simulcast, and Chromium answers by
    // sending only its first layer.
    if (declaredRids.length > 0) {
      transceiver.options.simulcast = declaredRids.map((rid) => ({ direction: 'recv' as const, rid }));
    }
    for (const track of transceiver.receiver.tracks) this.attach(track);
    transceiver.onTrack.subscribe((track) => this.attach(track));
  }

  get isSimulcast(): boolean {
    return this.declaredRids.length > 0;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The negotiated codec of this track (e.g. `video/VP8`), used to offer the same to subscribers. */
  get codecParameters() {
    return this.transceiver.codecs[0];
  }

  onPacket(listener: PacketListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Layers that carried media recently, in the order the publisher declared them. */
  availableLayers(now = Date.now()): LayerId[] {
    const order = this.isSimulcast ? this.declaredRids : [''];
    return order.filter((rid) => {
      const layer = this.layers.get(rid);
      return layer !== undefined && now - layer.lastPacketAt < LAYER_STALE_MS;
    });
  }

  /** Asks the publisher for a keyframe on one layer (PLI), paced the way it accepts them (keyframe-pacer.ts). */
  requestKeyframe(rid: LayerId): void {
    if (this.kind !== 'video' || this.closed || this.layers.get(rid)?.ssrc === undefined) return;
    this.keyframes.request(rid);
  }

  /** Rolls the per-layer bitrate window; called once a second by the session. */
  sampleBitrates(): void {
    for (const layer of this.layers.values()) {
      layer.bitrate = layer.windowBytes * 8;
      layer.windowBytes = 0;
    }
  }

  close(): void {
    this.closed = true;
    this.keyframes.close();
    this.listeners.clear();
  }

  private attach(track: MediaStreamTrack): void {
    const rid = track.rid ?? '';
    this.codec = codecNameFromMimeType(this.transceiver.codecs[0]?.mimeType ?? '');
    track.onReceiveRtp.subscribe((packet) => this.receive(rid, packet));
  }

  private receive(rid: LayerId, packet: RtpPacket): void {
    if (this.closed) return;
    const now = Date.now();
    let layer = this.layers.get(rid);
    if (!layer) {
      layer = { rid, lastPacketAt: now, windowBytes: 0, bitrate: 0 };
      this.layers.set(rid, layer);
    }
    layer.ssrc = packet.header.ssrc;
    layer.lastPacketAt = now;
    layer.windowBytes += packet.payload.length;
    this.lastMediaAt = now;
    const keyframeStart = this.kind === 'video' && isKeyframeStart(this.codec, packet.payload);
    if (keyframeStart) this.keyframes.keyframeStarted(rid);
    for (const listener of this.listeners) listener(rid, packet, keyframeStart);
  }
}
