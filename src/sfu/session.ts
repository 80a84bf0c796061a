/**
 * One Calls session: a werift peer connection with the tracks it publishes, the tracks it pulls
 * and its data channels. Every API call on a session runs through `exclusive`, one at a time.
 */
import { randomUUID } from 'node:crypto';
import type { RTCPeerConnection, RTCRtpTransceiver } from 'werift';
import type {
  CloseTracksRequest,
  DataChannelRequest,
  DataChannelResult,
  NewTracksRequest,
  SessionDescriptionBody,
  TrackRequest,
  TrackResult,
  UpdateTracksRequest,
} from './api-types.js';
import { BundleTransportFollower } from './bundle-transport.js';
import { openNegotiatedChannel, SessionDataChannel } from './data-channels.js';
import { DtlsRecordNumbering } from './dtls-record-numbers.js';
import {
  CallsError,
  type CallsErrorBody,
  invalidDescription,
  invalidParams,
  itemError,
  negotiationInProgress,
  sessionNotConnected,
} from './errors.js';
import { assertIceRestartOffer, beforeIceRestart } from './ice-restart.js';
import {
  alignExtensionIds,
  createPeerConnection,
  gatheringComplete,
  outgoingSdp,
  type PeerSettings,
  restrictToCodec,
} from './peer.js';
import { PublishedTrack, type TrackKind } from './published-track.js';
import {
  type MediaSectionSummary,
  movesBundleTag,
  rejectWhatTheOfferRejected,
  summarizeMediaSections,
} from './sdp-fixups.js';
import { Subscription } from './subscription.js';

/** Finds other sessions, so a pull can reach the track it names. */
export interface SessionDirectory {
  get(sessionId: string): Session | undefined;
}

export interface NegotiationResult {
  requiresImmediateRenegotiation: boolean;
  sessionDescription?: SessionDescriptionBody;
}

/** A track whose publisher never sent media within this time cannot be pulled. */
const EMPTY_TRACK_MS = 5000;
/** How long operations that need a connected peer connection wait for it. */
const CONNECT_WAIT_MS = 5000;
/** A local track counts as active while media arrived this recently. */
const ACTIVE_MEDIA_MS = 3000;

export class Session {
  readonly pc: RTCPeerConnection;
  readonly createdAt = Date.now();
  connectedAt?: number;
  /** Set while the connection is down; the session may still resume until the registry expires it. */
  disconnectedAt?: number;
  /** When the client last showed it is there (a STUN binding request). */
  lastConsentAt = 0;
  private readonly published = new Map<string, PublishedTrack>();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly channels = new Map<number, SessionDataChannel>();
  private readonly usedChannelIds = new Set<number>();
  private readonly bundleTransport: BundleTransportFollower;
  private readonly recordNumbering: DtlsRecordNumbering;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly id: string,
    private readonly peer: PeerSettings,
    private readonly directory: SessionDirectory,
  ) {
    this.pc = createPeerConnection(peer, (request, from) => {
      this.lastConsentAt = Date.now();
      if (this.isConnected) this.disconnectedAt = undefined;
      this.bundleTransport.onBindingRequest(request, from);
    });
    this.bundleTransport = new BundleTransportFollower(this.pc, () => this.restartPulledVideo());
    this.recordNumbering = new DtlsRecordNumbering(this.pc);
    this.pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') {
        this.connectedAt ??= Date.now();
        this.disconnectedAt = undefined;
      } else if ((state === 'disconnected' || state === 'failed') && this.disconnectedAt === undefined) {
        this.disconnectedAt = Date.now();
      }
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get isConnected(): boolean {
    return this.pc.connectionState === 'connected';
  }

  /** Runs API operations on this session strictly one after another (FIFO). */
  exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  publishedTrack(trackName: string): PublishedTrack | undefined {
    return this.published.get(trackName);
  }

  publishedTracks(): PublishedTrack[] {
    return [...this.published.values()];
  }

  localChannel(name: string): SessionDataChannel | undefined {
    return [...this.channels.values()].find(
      (channel) => channel.location === 'local' && channel.name === name,
    );
  }

  /** `POST sessions/new` with an offer: the first negotiation, before any track exists. */
  async start(offer: SessionDescriptionBody): Promise<NegotiationResult> {
    await this.applyRemote(offer);
    return { requiresImmediateRenegotiation: false, sessionDescription: await this.answer() };
  }

  async newTracks(request: NewTracksRequest): Promise<NegotiationResult & { tracks: TrackResult[] }> {
    if (request.sessionDescription) this.assertStable();
    const remote = request.tracks.length > 0 && request.tracks[0].location === 'remote';
    if (remote) return this.pullTracks(request.tracks, request.sessionDescription);
    return this.publishTracks(request);
  }

  /**
   * `PUT renegotiate`: the client's answer to the offer we made last, or, on a stable session, a
   * client offer that restarts ICE (ice-restart.ts), which gets an answer.
   */
  async renegotiate(description: SessionDescriptionBody): Promise<SessionDescriptionBody | undefined> {
    if (description.type === 'offer') return this.restartIce(description);
    if (this.pc.signalingState !== 'have-local-offer') {
      throw invalidDescription('No server offer is waiting for an answer on this session');
    }
    await this.applyRemote(description);
    return undefined;
  }

  /** Every video this session pulls restarts on a keyframe: what was forwarded meanwhile is lost. */
  private restartPulledVideo(): void {
    for (const subscription of this.subscriptions.values()) subscription.requestKeyframe();
  }

  private async restartIce(offer: SessionDescriptionBody): Promise<SessionDescriptionBody> {
    this.assertStable();
    assertIceRestartOffer(this.pc.remoteDescription?.sdp, offer.sdp);
    const restart = beforeIceRestart(this.pc);
    await this.applyRemote(offer);
    const answer = await this.answer();
    // Nothing flowed while the path was down: decoders on both sides wait for a keyframe.
    restart.resume(() => {
      this.restartPulledVideo();
      for (const track of this.published.values()) {
        for (const rid of track.layers.keys()) track.requestKeyframe(rid);
      }
    });
    return answer;
  }

  async closeTracks(request: CloseTracksRequest): Promise<NegotiationResult & { tracks: TrackResult[] }> {
    if (request.sessionDescription) this.assertStable();
    const tracks: TrackResult[] = [];
    const found: string[] = [];
    for (const { mid: named } of request.tracks) {
      const mid = this.resolveMid(named);
      if (mid === undefined || (!this.localTrackByMid(mid) && !this.subscriptions.has(mid))) {
        tracks.push({
          mid: named,
          ...itemError('close_track_error', "Track doesn't exist or was already closed"),
        });
        continue;
      }
      found.push(mid);
      tracks.push({ mid });
    }
    let sessionDescription: SessionDescriptionBody | undefined;
    if (request.sessionDescription && !request.force) {
      await this.applyRemote(request.sessionDescription);
      sessionDescription = await this.answer();
    }
    for (const mid of found) this.closeMid(mid, request.force);
    return { requiresImmediateRenegotiation: false, sessionDescription, tracks };
  }

  async updateTracks(request: UpdateTracksRequest): Promise<NegotiationResult & { tracks: TrackResult[] }> {
    const tracks: TrackResult[] = request.tracks.map(({ mid: named, simulcast }) => {
      const mid = this.resolveMid(named) ?? named;
      const subscription = this.subscriptions.get(mid);
      if (!subscription)
        return { mid: named, ...itemError('update_track_error', `No pulled track with mid ${named}`) };
      if (!subscription.source.isSimulcast) {
        return { mid: named, ...itemError('update_track_error', 'Track is not sent with simulcast') };
      }
      subscription.updatePreference(simulcast);
      return {
        mid,
        location: 'remote',
        trackName: subscription.source.trackName,
        sessionId: subscription.source.sessionId,
        simulcast: subscription.simulcast,
      };
    });
    if (!request.sessionDescription) return { requiresImmediateRenegotiation: false, tracks };
    this.assertStable();
    await this.applyRemote(request.sessionDescription);
    return { requiresImmediateRenegotiation: false, sessionDescription: await this.answer(), tracks };
  }

  /** `datachannels/establish`: makes sure the session has an SCTP association and a named channel. */
  async establishDataChannel(
    name: string,
    offer?: SessionDescriptionBody,
  ): Promise<NegotiationResult & { dataChannel: { dataChannelName: string; id: number } }> {
    if (offer) {
      this.assertStable();
      await this.applyRemote(offer);
    }
    const existing = [...this.channels.values()].find((channel) => channel.name === name);
    const channel = existing ?? this.addChannel('local', { dataChannelName: name }, undefined);
    const dataChannel = { dataChannelName: name, id: channel.id };
    if (offer)
      return { requiresImmediateRenegotiation: false, sessionDescription: await this.answer(), dataChannel };
    if (this.pc.remoteDescription && this.hasNegotiatedSctp()) {
      return { requiresImmediateRenegotiation: false, dataChannel };
    }
    this.assertStable();
    return { requiresImmediateRenegotiation: true, sessionDescription: await this.offer(), dataChannel };
  }

  /** `datachannels/new`: local channels to publish, remote channels to subscribe to. */
  async newDataChannels(requests: DataChannelRequest[]): Promise<DataChannelResult[]> {
    if (!this.hasNegotiatedSctp()) {
      throw invalidParams(
        'This session has no data channel transport; call datachannels/establish or offer an application m-section first',
      );
    }
    await this.waitConnected();
    return requests.map((request) => {
      if (request.location === 'local') {
        if (this.localChannel(request.dataChannelName)) {
          return failedChannel(
            request,
            itemError('invalid_params', `Data channel ${request.dataChannelName} already exists`),
          );
        }
        return this.addChannel('local', request, undefined).result();
      }
      const source = this.directory.get(request.sessionId ?? '')?.localChannel(request.dataChannelName);
      if (!source) {
        return failedChannel(
          request,
          itemError(
            'not_found_track_error',
            `Data channel ${request.dataChannelName} not found in session ${request.sessionId}`,
          ),
        );
      }
      if (!source.accepts(request)) {
        return failedChannel(
          request,
          itemError(
            'invalid_params',
            `Data channel ${request.dataChannelName} of session ${request.sessionId} already has a subscriber that can reply`,
          ),
        );
      }
      const subscriber = this.addChannel('remote', request, request.sessionId);
      source.subscribe(subscriber);
      return subscriber.result();
    });
  }

  closeDataChannels(ids: number[]): DataChannelResult[] {
    return ids.map((id) => {
      const channel = this.channels.get(id);
      if (!channel) {
        return {
          location: 'local',
          dataChannelName: '',
          id,
          ...itemError('close_track_error', `Data channel ${id} doesn't exist or was already closed`),
        };
      }
      channel.close();
      this.channels.delete(id);
      return { location: channel.location, dataChannelName: channel.name, id };
    });
  }

  /** `GET sessions/{id}`. */
  describe() {
    const now = Date.now();
    const local = [...this.published.values()].map((track) => ({
      location: 'local' as const,
      mid: track.mid,
      trackName: track.trackName,
      kind: track.kind,
      status: !track.isClosed && now - track.lastMediaAt < ACTIVE_MEDIA_MS ? 'active' : 'inactive',
      ...(track.isSimulcast
        ? { simulcast: { rids: track.declaredRids, available: track.availableLayers(now) } }
        : {}),
    }));
    const pulled = [...this.subscriptions.values()].map((subscription) => ({
      location: 'remote' as const,
      mid: subscription.mid,
      trackName: subscription.source.trackName,
      sessionId: subscription.source.sessionId,
      kind: subscription.source.kind,
      status:
        !subscription.source.isClosed && now - subscription.source.lastMediaAt < ACTIVE_MEDIA_MS
          ? 'active'
          : 'inactive',
      ...(subscription.simulcast
        ? { simulcast: { ...subscription.simulcast, forwardedRid: subscription.forwardedLayer ?? null } }
        : {}),
    }));
    return {
      sessionId: this.id,
      connectionState: this.pc.connectionState,
      tracks: [...local, ...pulled],
      dataChannels: [...this.channels.values()].map((channel) => channel.describe()),
    };
  }

  /** Periodic housekeeping from the registry: layer bitrates, layer choice, dead tracks. */
  tick(now: number, idleTrackMs: number): void {
    for (const track of this.published.values()) {
      track.sampleBitrates();
      const lastSeen = track.lastMediaAt || track.createdAt;
      if (now - lastSeen > idleTrackMs) this.closeMid(track.mid, true);
    }
    for (const subscription of this.subscriptions.values()) subscription.reevaluate();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const subscription of this.subscriptions.values()) subscription.close();
    for (const track of this.published.values()) track.close();
    for (const channel of this.channels.values()) channel.close();
    this.subscriptions.clear();
    this.published.clear();
    this.channels.clear();
    void this.pc.close().catch(() => undefined);
  }

  private async publishTracks(
    request: NewTracksRequest,
  ): Promise<NegotiationResult & { tracks: TrackResult[] }> {
    const offer = request.sessionDescription;
    if (!offer) return this.publishWithoutOffer(request.tracks);
    const sections = summarizeMediaSections(offer.sdp);
    const wanted = request.autoDiscover ? this.discoverTracks(sections, request.tracks) : request.tracks;
    const plan = wanted.map((track, index) => this.planLocalTrack(track, index, sections));
    await this.applyRemote(offer);
    const tracks = plan.map(({ trackName, section, bidirectional }) => {
      const transceiver = this.transceiverByMid(section.mid);
      if (!transceiver) throw invalidDescription(`The offer has no usable m-section with mid ${section.mid}`);
      // A bidirectional local track on a sendrecv m-section is answered sendrecv, so the SFU can
      // later send a pulled track back on the same m-section.
      if (bidirectional && section.direction === 'sendrecv') transceiver.setDirection('sendrecv');
      const kind = section.kind as TrackKind;
      this.published.set(
        trackName,
        new PublishedTrack(this.id, trackName, section.mid, kind, transceiver, section.rids),
      );
      return { location: 'local' as const, mid: section.mid, trackName, kind };
    });
    return { requiresImmediateRenegotiation: false, sessionDescription: await this.answer(), tracks };
  }

  /** A local track given only a kind: we offer a receiving m-section for the client to fill. */
  private async publishWithoutOffer(
    requests: TrackRequest[],
  ): Promise<NegotiationResult & { tracks: TrackResult[] }> {
    this.assertStable();
    const added = requests.map((track) => {
      const trackName = track.trackName ?? randomUUID();
      if (this.published.has(trackName))
        throw invalidParams(`Track ${trackName} is already published in this session`);
      const kind = track.kind as TrackKind;
      const direction = track.bidirectionalMediaStream ? 'sendrecv' : 'recvonly';
      return { trackName, kind, transceiver: this.pc.addTransceiver(kind, { direction }) };
    });
    const sessionDescription = await this.offer();
    const tracks = added.map(({ trackName, kind, transceiver }) => {
      const mid = transceiver.mid ?? '';
      this.published.set(trackName, new PublishedTrack(this.id, trackName, mid, kind, transceiver, []));
      return { location: 'local' as const, mid, trackName, kind };
    });
    return { requiresImmediateRenegotiation: true, sessionDescription, tracks };
  }

  private discoverTracks(sections: MediaSectionSummary[], named: TrackRequest[]): TrackRequest[] {
    const namedMids = new Set(named.map((track) => track.mid));
    const known = new Set([...this.published.values()].map((track) => track.mid));
    const discovered = sections
      .filter((section) => isSending(section) && !known.has(section.mid) && !namedMids.has(section.mid))
      .map((section): TrackRequest => ({ location: 'local', mid: section.mid, trackName: randomUUID() }));
    return [...named, ...discovered];
  }

  private planLocalTrack(track: TrackRequest, index: number, sections: MediaSectionSummary[]) {
    const section = sections.find((candidate) => candidate.mid === track.mid);
    if (!section || !isSending(section)) {
      throw invalidParams(
        `tracks[${index}].mid ${track.mid ?? '(none)'} is not a sending media section of the offer`,
      );
    }
    const trackName = track.trackName ?? randomUUID();
    if (this.published.has(trackName))
      throw invalidParams(`Track ${trackName} is already published in this session`);
    return { trackName, section, bidirectional: track.bidirectionalMediaStream === true };
  }

  private async pullTracks(
    wanted: TrackRequest[],
    offer: SessionDescriptionBody | undefined,
  ): Promise<NegotiationResult & { tracks: TrackResult[] }> {
    if (!offer) this.assertStable();
    let requests = wanted;
    if (offer) {
      requests = this.placeInOffer(requests, summarizeMediaSections(offer.sdp));
      await this.applyRemote(offer);
    }
    const pending: { request: TrackRequest; source: PublishedTrack; transceiver: RTCRtpTransceiver }[] = [];
    const results: (TrackResult | (() => TrackResult))[] = requests.map((request) => {
      const source = this.findSource(request);
      if ('errorCode' in source) {
        return { location: 'remote', trackName: request.trackName, sessionId: request.sessionId, ...source };
      }
      const transceiver = this.pullTransceiver(request, source);
      if (!restrictToCodec(this.pc, transceiver, source.codecParameters)) {
        return {
          location: 'remote',
          trackName: request.trackName,
          sessionId: request.sessionId,
          ...itemError('invalid_params', `The offer cannot receive ${source.codecParameters?.mimeType}`),
        };
      }
      const entry = { request, source, transceiver };
      pending.push(entry);
      return () => this.subscribe(entry.request, entry.source, entry.transceiver);
    });
    if (pending.length === 0)
      return { requiresImmediateRenegotiation: false, tracks: results as TrackResult[] };
    const sessionDescription = offer ? await this.answer() : await this.offer();
    const tracks = results.map((result) => (typeof result === 'function' ? result() : result));
    return { requiresImmediateRenegotiation: !offer, sessionDescription, tracks };
  }

  /**
   * Gives every pulled track of a client offer its m-section. A track that names none (WHEP style,
   * as Cloudflare's WHIP/WHEP gateway sends) takes the offer's next free receiving m-section of
   * its kind, in order.
   */
  private placeInOffer(requests: TrackRequest[], sections: MediaSectionSummary[]): TrackRequest[] {
    const taken = new Set(requests.map((track) => track.mid).filter((mid) => mid !== undefined));
    for (const transceiver of this.pc.getTransceivers()) if (transceiver.mid) taken.add(transceiver.mid);
    return requests.map((track, index) => {
      if (track.mid !== undefined) {
        const section = sections.find((candidate) => candidate.mid === track.mid);
        if (!section || section.rejected)
          throw invalidParams(`tracks[${index}].mid must name a receiving m-section of the offer`);
        return track;
      }
      const source = this.findSource(track);
      // An unknown track fails on its own later; it takes no m-section.
      if ('errorCode' in source) return track;
      const section = sections.find(
        (candidate) => isReceiving(candidate) && candidate.kind === source.kind && !taken.has(candidate.mid),
      );
      if (!section)
        throw invalidParams(`tracks[${index}] has no free receiving ${source.kind} m-section in the offer`);
      taken.add(section.mid);
      return { ...track, mid: section.mid };
    });
  }

  private findSource(request: TrackRequest): PublishedTrack | CallsErrorBody {
    const source = this.directory.get(request.sessionId ?? '')?.publishedTrack(request.trackName ?? '');
    if (!source || source.isClosed) {
      return itemError(
        'not_found_track_error',
        `Track ${request.trackName} not found in session ${request.sessionId}`,
      );
    }
    if (source.lastMediaAt === 0 && Date.now() - source.createdAt > EMPTY_TRACK_MS) {
      return itemError('empty_track_error', `Track ${request.trackName} has not received any media`);
    }
    return source;
  }

  /** The transceiver a pulled track is sent on: the client's own m-section, a bidirectional one, or a new one. */
  private pullTransceiver(request: TrackRequest, source: PublishedTrack): RTCRtpTransceiver {
    const mid = request.mid ? this.resolveMid(request.mid) : undefined;
    const existing = mid !== undefined ? this.transceiverByMid(mid) : undefined;
    if (existing) {
      // werift made it receive-only from the client's offer; we send on it (and receive too when
      // the client asked for a bidirectional stream).
      existing.setDirection(request.bidirectionalMediaStream ? 'sendrecv' : 'sendonly');
      return existing;
    }
    return this.pc.addTransceiver(source.kind, { direction: 'sendonly' });
  }

  private subscribe(
    request: TrackRequest,
    source: PublishedTrack,
    transceiver: RTCRtpTransceiver,
  ): TrackResult {
    const subscription = new Subscription(transceiver, source, request.simulcast ?? {});
    this.subscriptions.set(subscription.mid, subscription);
    return {
      location: 'remote',
      mid: subscription.mid,
      trackName: source.trackName,
      sessionId: source.sessionId,
      kind: source.kind,
      ...(subscription.simulcast ? { simulcast: subscription.simulcast } : {}),
    };
  }

  private closeMid(mid: string, force: boolean): void {
    const local = this.localTrackByMid(mid);
    const subscription = this.subscriptions.get(mid);
    local?.close();
    if (local) this.published.delete(local.trackName);
    subscription?.close();
    this.subscriptions.delete(mid);
    const transceiver = this.transceiverByMid(mid);
    // After a forced close no SDP is exchanged, so the m-section stays negotiated but silent.
    if (transceiver && force && !transceiver.stopped) transceiver.setDirection('inactive');
  }

  private addChannel(
    location: 'local' | 'remote',
    request: Omit<DataChannelRequest, 'location' | 'sessionId'>,
    remoteSessionId: string | undefined,
  ): SessionDataChannel {
    const raw = openNegotiatedChannel(this.pc, request, this.usedChannelIds);
    const channel = new SessionDataChannel(location, request.dataChannelName, raw, remoteSessionId, {
      waitForAck: request.waitForAck,
      canReply: request.canReply,
      // A subscriber that never acknowledged is torn down, as on Cloudflare.
      onAckTimeout: () => this.channels.delete(raw.id),
    });
    this.channels.set(channel.id, channel);
    return channel;
  }

  private hasNegotiatedSctp(): boolean {
    return (
      /^m=application /m.test(this.pc.remoteDescription?.sdp ?? '') && this.pc.sctpTransport !== undefined
    );
  }

  private async waitConnected(): Promise<void> {
    if (this.isConnected) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        unSubscribe();
        reject(sessionNotConnected(this.id));
      }, CONNECT_WAIT_MS);
      const { unSubscribe } = this.pc.connectionStateChange.subscribe((state) => {
        if (state !== 'connected') return;
        clearTimeout(timer);
        unSubscribe();
        resolve();
      });
    });
  }

  private assertStable(): void {
    if (this.pc.signalingState !== 'stable') throw negotiationInProgress(this.id);
  }

  private async applyRemote(description: SessionDescriptionBody): Promise<void> {
    const previous = this.pc.remoteDescription?.sdp;
    if (previous && movesBundleTag(previous, description.sdp)) {
      this.bundleTransport.expectMove();
    }
    try {
      await this.pc.setRemoteDescription(description);
      this.recordNumbering.watch();
    } catch (error) {
      if (error instanceof CallsError) throw error;
      throw invalidDescription(`The ${description.type} could not be applied: ${(error as Error).message}`);
    }
  }

  private async answer(): Promise<SessionDescriptionBody> {
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    await gatheringComplete(this.pc);
    const sdp = rejectWhatTheOfferRejected(
      this.pc.localDescription?.sdp ?? answer.sdp,
      this.pc.remoteDescription?.sdp ?? '',
    );
    return { type: 'answer', sdp: outgoingSdp(sdp, this.peer) };
  }

  private async offer(): Promise<SessionDescriptionBody> {
    alignExtensionIds(this.pc);
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    await gatheringComplete(this.pc);
    return { type: 'offer', sdp: outgoingSdp(this.pc.localDescription?.sdp ?? offer.sdp, this.peer) };
  }

  private transceiverByMid(mid: string): RTCRtpTransceiver | undefined {
    return this.pc.getTransceivers().find((transceiver) => transceiver.mid === mid);
  }

  private localTrackByMid(mid: string): PublishedTrack | undefined {
    return [...this.published.values()].find((track) => track.mid === mid);
  }

  /** `"#name"` names the transceiver of this session's local track `name`. */
  private resolveMid(mid: string): string | undefined {
    if (!mid.startsWith('#')) return mid;
    return this.published.get(mid.slice(1))?.mid;
  }
}

function isSending(section: MediaSectionSummary): boolean {
  return (
    !section.rejected &&
    (section.direction === 'sendonly' || section.direction === 'sendrecv') &&
    (section.kind === 'audio' || section.kind === 'video')
  );
}

function isReceiving(section: MediaSectionSummary): boolean {
  return !section.rejected && (section.direction === 'recvonly' || section.direction === 'sendrecv');
}

function failedChannel(request: DataChannelRequest, error: CallsErrorBody): DataChannelResult {
  return {
    location: request.location,
    dataChannelName: request.dataChannelName,
    ...(request.sessionId ? { sessionId: request.sessionId } : {}),
    ...error,
  };
}
