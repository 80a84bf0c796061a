// One participant of the baseline: raw partytracks for media and the smallest presence exchange
// that works (the bench relay: every message goes to everyone else in the room). It publishes camera
// and mic, tells the room, answers newcomers with its tracks, and pulls whatever others announce.
import type { PartyTracks, TrackMetadata } from 'partytracks/client';
import { of } from 'rxjs';
import { chooseLayer, DEFAULT_SIMULCAST_LAYERS, encodingsOf } from '../../../src/core/layout.js';
import { DEFAULT_CAMERA_CONSTRAINTS } from '../../../src/core/local-media.js';
import { ATTACHED_VIDEO_WIDTH, attachVideo, camera, firstFrameTime } from './first-frame.js';
import { hold, partyTracksFor, type SfuAddress } from './partytracks.js';

export interface BaselineConfig {
  sfu: SfuAddress;
  relayUrl: string;
  room: string;
  /** Pull as soon as presence names a track, even while our own push is negotiating (see pull()). */
  pullDuringPublish?: boolean;
  /**
   * What it sends and receives. `light` (the default): a 640×360 camera in one layer, pulled as
   * sent. `widget`: what `<calls-room>` sends by default, a 1280×720 camera in the same three
   * simulcast layers, pulling the layer its 160 px video asks for (the widget's own layer choice),
   * so both sides encode and decode the same media and the comparison is the layers above it.
   */
  media?: BaselineMedia;
}

export type BaselineMedia = 'light' | 'widget';

/** A pushed track as announced: partytracks' metadata and the kind, which it does not carry. */
type AnnouncedTrack = TrackMetadata & { kind: string };

type Announcement =
  | { type: 'hello'; from: string }
  | { type: 'tracks'; from: string; tracks: AnnouncedTrack[] }
  | { type: 'bye'; from: string };

export class BaselineParticipant {
  readonly id = crypto.randomUUID();
  readonly joinedAt = performance.now();
  /** Resolves with performance.now() of the first decoded frame of any remote video. */
  readonly firstRemoteFrame: Promise<number>;
  private readonly releases: (() => void)[] = [];
  /** Per remote participant: what ends our pulls of its tracks. */
  private readonly pulledFrom = new Map<string, (() => void)[]>();
  private readonly socket: WebSocket;
  private ownTracks: AnnouncedTrack[] | undefined;
  private stream: MediaStream | undefined;
  private remoteFrame!: (time: number) => void;
  private remoteFrameFailed!: (error: unknown) => void;
  private left = false;
  private readonly client: PartyTracks;
  private readonly config: BaselineConfig;
  private publishedPromise: Promise<void> = Promise.resolve();

  constructor(config: BaselineConfig) {
    this.client = partyTracksFor(config.sfu);
    this.firstRemoteFrame = new Promise((resolve, reject) => {
      this.remoteFrame = resolve;
      this.remoteFrameFailed = reject;
    });
    // Leaving before a remote frame rejects it; that is not an error when nobody waits for it.
    this.firstRemoteFrame.catch(() => undefined);
    this.config = config;
    this.socket = new WebSocket(`${config.relayUrl}/relay/${encodeURIComponent(config.room)}`);
    this.socket.onopen = () => this.send({ type: 'hello', from: this.id });
    this.socket.onmessage = (event) => this.onAnnouncement(JSON.parse(event.data as string) as Announcement);
  }

  /** Publishes camera and mic; resolves once both are pushed and announced. */
  async publish(): Promise<void> {
    this.publishedPromise = this.doPublish();
    return this.publishedPromise;
  }

  private async doPublish(): Promise<void> {
    const widgetMedia = this.config.media === 'widget';
    this.stream = await camera(widgetMedia ? DEFAULT_CAMERA_CONSTRAINTS : undefined);
    const encodings = encodingsOf(DEFAULT_SIMULCAST_LAYERS);
    const pushed = await Promise.all(
      this.stream
        .getTracks()
        .map((track) =>
          hold(
            this.client.push(
              of(track),
              widgetMedia && track.kind === 'video' ? { sendEncodings$: of(encodings) } : {},
            ),
          ),
        ),
    );
    for (const { release } of pushed) this.releases.push(release);
    const kinds = this.stream.getTracks().map((track) => track.kind);
    this.ownTracks = pushed.map(({ value }, index) => ({ ...value, kind: kinds[index]! }));
    this.send({ type: 'tracks', from: this.id, tracks: this.ownTracks });
  }

  leave(): void {
    this.left = true;
    this.send({ type: 'bye', from: this.id });
    for (const releases of this.pulledFrom.values()) for (const release of releases.splice(0)) release();
    for (const release of this.releases.splice(0).reverse()) release();
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.socket.close();
    this.remoteFrameFailed(new Error('left'));
  }

  private send(message: Announcement): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private onAnnouncement(message: Announcement): void {
    if (this.left) return;
    if (message.type === 'hello') {
      if (this.ownTracks) this.send({ type: 'tracks', from: this.id, tracks: this.ownTracks });
      return;
    }
    if (message.type === 'bye') {
      for (const release of this.pulledFrom.get(message.from)?.splice(0) ?? []) release();
      this.pulledFrom.delete(message.from);
      return;
    }
    if (this.pulledFrom.has(message.from)) return;
    const releases: (() => void)[] = [];
    this.pulledFrom.set(message.from, releases);
    for (const metadata of message.tracks) void this.pull(metadata, message.from, releases);
  }

  /** The pull's track, with the layer a small video asks for when publishers send simulcast. */
  private wanted({ kind, ...metadata }: AnnouncedTrack): TrackMetadata {
    if (this.config.media !== 'widget' || kind !== 'video') return metadata;
    const captureWidth = DEFAULT_CAMERA_CONSTRAINTS.width.ideal;
    const rid = chooseLayer(ATTACHED_VIDEO_WIDTH * devicePixelRatio, captureWidth);
    return rid ? { ...metadata, simulcast: { preferredRid: rid } } : metadata;
  }

  private async pull(metadata: AnnouncedTrack, from: string, releases: (() => void)[]): Promise<void> {
    try {
      // On the local SFU a pull negotiated while this session's own push is still in flight
      // delivers packets that never decode (reported; see bench/README.md), so by default the
      // baseline pulls once its own tracks are up — the workaround an app author would find.
      if (!this.config.pullDuringPublish) await this.publishedPromise.catch(() => undefined);
      const { value: track, release } = await hold(this.client.pull(of(this.wanted(metadata))));
      // The participant may have left (or we did) while the pull was negotiating.
      if (this.left || this.pulledFrom.get(from) !== releases) return release();
      releases.push(release);
      if (track.kind !== 'video') return;
      const video = attachVideo(track);
      releases.push(() => video.remove());
      this.remoteFrame(await firstFrameTime(video));
    } catch (error) {
      this.remoteFrameFailed(error);
    }
  }
}
