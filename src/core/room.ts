import type { PartyTracks, TrackMetadata } from 'partytracks/client';
import {
  BehaviorSubject,
  combineLatest,
  concat,
  distinctUntilChanged,
  map,
  Observable,
  of,
  Subject,
  Subscription,
  shareReplay,
  skip,
  switchMap,
  take,
} from 'rxjs';
import { AudioOutput } from './audio-output.js';
import type { BackoffOptions } from './backoff.js';
import { CallsError } from './errors.js';
import { withHandOrder } from './hands.js';
import { DEFAULT_SIMULCAST_LAYERS, type SimulcastLayer } from './layout.js';
import { LocalMedia, type LocalMediaOptions } from './local-media.js';
import { createPartyTracks } from './media-session.js';
import { type LocalOverrides, type Participant, toParticipant } from './participant.js';
import { PeopleController, type Reaction, type Refusal } from './people.js';
import { type ConnectionState, PresenceClient } from './presence-client.js';
import { PresenceRequests } from './presence-requests.js';
import {
  type ChatMessage,
  type LeaveReason,
  type MuteKind,
  type ParticipantPatch,
  partyTracksPrefix,
  ROOM_NAME,
  type TrackRef,
  type Welcome,
} from './protocol.js';
import { type ConnectionQuality, sampleInboundQuality } from './quality.js';
import { applyToRoster, type Roster, rosterChanges, rosterOf } from './roster.js';
import { nextActiveSpeaker, SpeakingDetector, type SpeakingOptions } from './speaking.js';

export interface RoomOptions {
  /** URL prefix of the backend (`/calls`, `https://api.example.com/calls`). */
  endpoint: string;
  /** Room name: 1–64 of `A–Z a–z 0–9 . _ -`, starting with a letter or digit. */
  room: string;
  /** The name to show when the backend lets people choose theirs. */
  displayName?: string;
  /** The host app's credential, sent as `Authorization: Bearer`. */
  token?: string;
  /** Called before every (re)connection; wins over `token`. */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Camera and microphone to publish; the room makes its own (from `localMedia`) when absent. */
  media?: LocalMedia;
  /** Options for the room's own LocalMedia when `media` is not given. */
  localMedia?: LocalMediaOptions;
  /** Publish the camera in several sizes so each viewer pulls what it shows. Default: true. */
  simulcast?: boolean | readonly SimulcastLayer[];
  reconnect?: BackoffOptions;
  speaking?: SpeakingOptions;
  /** The element remote audio plays through. Default: a detached `<audio>`. */
  audioElement?: HTMLAudioElement;
}

export type RoomEvent =
  | { type: 'joined'; participantId: string }
  | { type: 'left'; reason: 'left' | CallsError['code'] }
  | { type: 'participant-joined'; participant: Participant }
  | { type: 'participant-left'; participant: Participant; reason: LeaveReason | 'unknown' };

interface LocalRecord {
  sessionId: string | null;
  audio: TrackRef | null;
  video: TrackRef | null;
  audioEnabled: boolean;
  videoEnabled: boolean;
  speaking: boolean;
}

const QUALITY_INTERVAL_MS = 2000;

/**
 * A room on Cloudflare Calls, framework-free: presence over the backend's WebSocket, media through
 * partytracks. Everything it knows is an observable; everything it does is a method. Elements render
 * it, and a host app can build its own UI on it.
 *
 * ```ts
 * const room = new Room({ endpoint: '/calls', room: 'standup', displayName: 'Ada' });
 * room.participants$.subscribe((people) => render(people));
 * await room.join();
 * ```
 */
export class Room {
  readonly media: LocalMedia;
  readonly #options: RoomOptions;
  readonly #ownsMedia: boolean;
  readonly #state$ = new BehaviorSubject<ConnectionState>('disconnected');
  readonly #roster$ = new BehaviorSubject<Roster>(new Map());
  readonly #selfId$ = new BehaviorSubject<string | undefined>(undefined);
  readonly #quality$ = new BehaviorSubject<ReadonlyMap<string, ConnectionQuality>>(new Map());
  readonly #local$: BehaviorSubject<LocalRecord>;
  readonly #partyTracks$ = new BehaviorSubject<PartyTracks | undefined>(undefined);
  readonly #activeSpeaker$ = new BehaviorSubject<string | null>(null);
  readonly #errors$ = new Subject<CallsError>();
  readonly #audioBlocked$ = new BehaviorSubject(false);
  readonly #events$ = new Subject<RoomEvent>();
  readonly #headers = new Headers();
  /** Receiver track id → participant id, for per-participant quality. */
  readonly #trackOwners = new Map<string, string>();
  #presence: PresenceClient | undefined;
  #session = new Subscription();
  /** Pushes, pulls and meters of the current Calls session (replaced when the participant is). */
  #media = new Subscription();
  #joining: Promise<void> | undefined;
  #audioOutput: AudioOutput | undefined;
  #lastSent: LocalRecord | undefined;
  #leaveReasons = new Map<string, LeaveReason>();
  /** Chat, reactions, hands and moderation (people.ts). */
  readonly #people = new PeopleController((error) => this.#errors$.next(error));

  /** connecting → connected → (reconnecting → connected)* → disconnected. */
  readonly connectionState$: Observable<ConnectionState> = this.#state$.pipe(distinctUntilChanged());
  /** Everyone in the room, yourself included, in join order. Empty until joined. */
  readonly participants$: Observable<readonly Participant[]>;
  /** Yourself, once joined. */
  readonly self$: Observable<Participant | undefined>;
  /** The participant who spoke last (sticky through pauses), or null. */
  readonly activeSpeaker$: Observable<string | null> = this.#activeSpeaker$.pipe(distinctUntilChanged());
  /** Everything that went wrong, with a `code`. Fatal ones also end the room (see `events$`). */
  readonly errors$: Observable<CallsError> = this.#errors$.asObservable();
  /** True while the browser refuses to play the room's sound until the person interacts. */
  readonly audioBlocked$: Observable<boolean> = this.#audioBlocked$.pipe(distinctUntilChanged());
  /** Joined, left, participant joined, participant left. */
  readonly events$: Observable<RoomEvent> = this.#events$.asObservable();

  constructor(options: RoomOptions) {
    this.#options = { ...options };
    this.#ownsMedia = options.media === undefined;
    this.media = options.media ?? new LocalMedia(options.localMedia);
    this.#local$ = new BehaviorSubject<LocalRecord>({
      sessionId: null,
      audio: null,
      video: null,
      audioEnabled: this.media.micEnabled,
      videoEnabled: this.media.cameraEnabled,
      speaking: false,
    });
    const overrides$ = this.#local$.pipe(
      map(
        ({ audioEnabled, videoEnabled, speaking }): LocalOverrides => ({
          audioEnabled,
          videoEnabled,
          speaking,
        }),
      ),
      distinctUntilChanged(
        (a, b) =>
          a.audioEnabled === b.audioEnabled && a.videoEnabled === b.videoEnabled && a.speaking === b.speaking,
      ),
    );
    this.participants$ = combineLatest([this.#roster$, this.#selfId$, this.#quality$, overrides$]).pipe(
      map(([roster, selfId, quality, local]) =>
        withHandOrder(
          [...roster.values()].map((wire) =>
            toParticipant(wire, selfId, quality.get(wire.id) ?? 'unknown', local),
          ),
        ),
      ),
    );
    this.self$ = this.participants$.pipe(
      map((people) => people.find((person) => person.isSelf)),
      distinctUntilChanged(),
    );
  }

  get connectionState(): ConnectionState {
    return this.#state$.value;
  }

  /** Your participant id while joined. */
  get participantId(): string | undefined {
    return this.#selfId$.value;
  }

  /** The room's audio sink, created on join. */
  get audioOutput(): AudioOutput | undefined {
    return this.#audioOutput;
  }

  /** One participant by id; undefined while they are not in the room. */
  participant$(id: string): Observable<Participant | undefined> {
    return this.participants$.pipe(
      map((people) => people.find((person) => person.id === id)),
      distinctUntilChanged(),
    );
  }

  /**
   * Joins the room: presence first (the backend's welcome), then media. Resolves once joined;
   * rejects with a `CallsError` (also emitted on `errors$`).
   */
  join(): Promise<void> {
    if (this.#state$.value === 'connected' || this.#state$.value === 'reconnecting') return Promise.resolve();
    this.#joining ??= this.#join().finally(() => {
      this.#joining = undefined;
    });
    return this.#joining;
  }

  /** Leaves: stops publishing and pulling, closes the connection, releases the devices. */
  async leave(): Promise<void> {
    await this.#teardown('left');
  }

  /** Starts the room's sound after the browser blocked it; call it from a click. */
  async resumeAudio(): Promise<boolean> {
    return (await this.#audioOutput?.resume()) ?? false;
  }

  setMicEnabled(enabled: boolean): void {
    this.media.setMicEnabled(enabled);
  }

  setCameraEnabled(enabled: boolean): void {
    this.media.setCameraEnabled(enabled);
  }

  /**
   * A participant's camera while you subscribe: pulled from the SFU only while their camera is on,
   * re-pulled when they republish; undefined while there is nothing to show. `preferredRid$`
   * picks the simulcast layer. For yourself, it is the local camera (never a round trip).
   */
  video$(
    participantId: string,
    preferredRid$?: Observable<string | undefined>,
  ): Observable<MediaStreamTrack | undefined> {
    return this.#selfId$.pipe(
      switchMap((selfId) =>
        selfId !== undefined && selfId === participantId
          ? this.media.cameraPreview$
          : this.#pullSlot(participantId, 'video', preferredRid$),
      ),
    );
  }

  /** A participant's microphone while you subscribe (the room already plays it; this is for meters). */
  audio$(participantId: string): Observable<MediaStreamTrack | undefined> {
    return this.#pullSlot(participantId, 'audio');
  }

  // ── people: chat, reactions, hands, moderation (delegated to PeopleController) ──

  /** The room's chat, oldest first: the backend's history when you joined, then new messages. */
  get chat$(): Observable<readonly ChatMessage[]> {
    return this.#people.chat$;
  }

  /** Reactions as they happen, yours included. */
  get reactions$(): Observable<Reaction> {
    return this.#people.reactions$;
  }

  /** The emoji this room's backend accepts. */
  get reactionSet$(): Observable<readonly string[]> {
    return this.#people.reactionSet$;
  }

  /** Chat, reaction, hand and moderation requests that were refused (also on `errors$`). */
  get refusals$(): Observable<Refusal> {
    return this.#people.refusals$;
  }

  /**
   * Sends a chat message, to everyone or privately (`{ to: participantId }`); the backend sets who
   * sent it. Rejects with `message_refused`.
   */
  sendChat(text: string, options?: { to?: string }): Promise<void> {
    return this.#people.sendChat(text, options);
  }

  react(emoji: string): Promise<void> {
    return this.#people.react(emoji);
  }

  raiseHand(): Promise<void> {
    return this.#people.setHandRaised(true);
  }

  lowerHand(): Promise<void> {
    return this.#people.setHandRaised(false);
  }

  /** Moderators only (the backend's `authorize` decides): turns someone's microphone, camera or screen off. */
  muteParticipant(participantId: string, kind: MuteKind = 'audio'): Promise<void> {
    return this.#people.muteParticipant(participantId, kind);
  }

  /** Moderators only: removes someone from the room. */
  removeParticipant(participantId: string): Promise<void> {
    return this.#people.removeParticipant(participantId);
  }

  /** Moderators only: lowers someone else's hand. */
  lowerHandOf(participantId: string): Promise<void> {
    return this.#people.lowerHandOf(participantId);
  }

  async #join(): Promise<void> {
    const { endpoint, room } = this.#options;
    if (!endpoint || typeof endpoint !== 'string') {
      throw this.#fail(new CallsError('invalid_options', 'Set the endpoint of the room backend.'));
    }
    if (!room || !ROOM_NAME.test(room)) {
      throw this.#fail(
        new CallsError(
          'invalid_options',
          `Invalid room name "${room ?? ''}": use 1–64 letters, digits, ".", "_" or "-".`,
        ),
      );
    }
    this.#session = new Subscription();
    this.#roster$.next(new Map());
    const presence = new PresenceClient({
      endpoint,
      room,
      displayName: this.#options.displayName,
      getToken: () => this.#token(),
      reconnect: this.#options.reconnect,
    });
    this.#presence = presence;
    this.#session.add(presence.state$.subscribe((state) => this.#state$.next(state)));
    this.#session.add(this.#people.attach(presence));
    this.#session.add(
      presence.message$.subscribe((message) => {
        if (message.type === 'participant-left')
          this.#leaveReasons.set(message.participantId, message.reason);
        if (message.type === 'muted') {
          if (message.kind === 'audio') this.media.setMicEnabled(false);
          if (message.kind === 'video') this.media.setCameraEnabled(false);
        }
        // Answers to people requests are reported by PeopleController, with the request they answer.
        if (message.type === 'error' && message.code !== 'timeout' && !PresenceRequests.answers(message)) {
          this.#errors$.next(new CallsError('protocol_error', message.message, { detail: message.code }));
        }
        this.#setRoster(applyToRoster(this.#roster$.value, message));
      }),
    );
    this.#session.add(
      presence.credential$.subscribe((credential) => {
        if (credential) this.#headers.set('X-Calls-Participant', credential);
      }),
    );
    this.#session.add(
      presence.error$.subscribe((error) => {
        this.#errors$.next(error);
        void this.#teardown(error.code);
      }),
    );

    let welcome: Welcome;
    try {
      welcome = await presence.connect();
    } catch (error) {
      const callsError =
        error instanceof CallsError
          ? error
          : new CallsError('backend_unreachable', String(error), { cause: error });
      this.#session.unsubscribe();
      this.#presence = undefined;
      throw this.#fail(callsError);
    }
    this.#session.add(presence.welcome$.subscribe((again) => void this.#onWelcome(again)));
    const output = new AudioOutput(this.#options.audioElement);
    this.#audioOutput = output;
    this.#session.add(output.blocked$.subscribe((blocked) => this.#audioBlocked$.next(blocked)));
    await this.#onWelcome(welcome);
    this.#events$.next({ type: 'joined', participantId: welcome.participantId });
  }

  async #onWelcome(welcome: Welcome): Promise<void> {
    const previousId = this.#selfId$.value;
    const token = await this.#token().catch(() => undefined);
    if (token) this.#headers.set('Authorization', `Bearer ${token}`);
    this.#selfId$.next(welcome.participantId);
    this.#setRoster(rosterOf(welcome.participants));
    const serverSelf = welcome.participants.find((p) => p.id === welcome.participantId);
    // The backend now holds what it held for us before (resumed) or nothing (a new participant).
    this.#lastSent = serverSelf && {
      sessionId: serverSelf.sessionId,
      audio: serverSelf.tracks.audio,
      video: serverSelf.tracks.video,
      audioEnabled: serverSelf.audioEnabled,
      videoEnabled: serverSelf.videoEnabled,
      speaking: serverSelf.speaking,
    };
    if (previousId === undefined || previousId !== welcome.participantId) {
      // A new participant may not use the old one's Calls session: start media afresh.
      await this.#startMedia();
    }
    this.#sendLocalChanges();
  }

  async #startMedia(): Promise<void> {
    this.#partyTracks$.next(undefined);
    this.#media.unsubscribe();
    this.#media = new Subscription();
    this.#session.add(this.#media);
    let partyTracks: PartyTracks;
    try {
      partyTracks = await createPartyTracks(
        partyTracksPrefix(this.#options.endpoint, globalThis.location?.href),
        this.#headers,
      );
    } catch (error) {
      this.#errors$.next(error as CallsError);
      return;
    }
    const media = this.#media;
    media.add(
      partyTracks.session$.subscribe({
        next: ({ sessionId }) => this.#patchLocal({ sessionId }),
        error: (cause: unknown) =>
          this.#errors$.next(new CallsError('media_failed', 'The media connection failed.', { cause })),
      }),
    );
    media.add(
      partyTracks.push(this.media.micTrack$).subscribe((meta) => this.#patchLocal({ audio: refOf(meta) })),
    );
    const layers = this.#layers();
    media.add(
      partyTracks
        .push(this.media.cameraTrack$, layers.length > 0 ? { sendEncodings$: of(encodingsOf(layers)) } : {})
        .subscribe((meta) => this.#patchLocal({ video: refOf(meta) })),
    );
    media.add(this.media.micEnabled$.subscribe((audioEnabled) => this.#patchLocal({ audioEnabled })));
    media.add(this.media.cameraEnabled$.subscribe((videoEnabled) => this.#patchLocal({ videoEnabled })));
    // Whoever owns the devices reports their failures (a <calls-room> shares its own with previews).
    if (this.#ownsMedia) media.add(this.media.errors$.subscribe((error) => this.#errors$.next(error)));
    media.add(this.#detectSpeaking());
    media.add(this.#playRemoteAudio());
    media.add(this.#sampleQuality(partyTracks));
    this.#partyTracks$.next(partyTracks);
  }

  #detectSpeaking(): Subscription {
    const detector = new SpeakingDetector(this.#options.speaking);
    return combineLatest([this.media.micEnabled$, this.media.micLevel$]).subscribe(([enabled, level]) => {
      if (!enabled) detector.reset();
      const speaking = enabled && detector.sample(level, performance.now());
      if (speaking !== this.#local$.value.speaking) this.#patchLocal({ speaking });
    });
  }

  /** Pulls every remote microphone into the room's one audio sink. */
  #playRemoteAudio(): Subscription {
    const pulls = new Map<string, { key: string; subscription: Subscription }>();
    const output = this.#audioOutput;
    const all = new Subscription(() => {
      for (const pull of pulls.values()) pull.subscription.unsubscribe();
      pulls.clear();
    });
    all.add(
      combineLatest([this.#roster$, this.#selfId$]).subscribe(([roster, selfId]) => {
        const wanted = new Map<string, string>();
        for (const person of roster.values()) {
          const ref = person.tracks.audio;
          if (person.id !== selfId && ref) wanted.set(person.id, `${ref.sessionId}/${ref.trackName}`);
        }
        for (const [id, pull] of pulls) {
          if (wanted.get(id) !== pull.key) {
            pull.subscription.unsubscribe();
            pulls.delete(id);
          }
        }
        for (const [id, key] of wanted) {
          if (pulls.has(id)) continue;
          let current: MediaStreamTrack | undefined;
          const subscription = this.#pullSlot(id, 'audio').subscribe((track) => {
            if (current) output?.remove(current);
            current = track;
            if (track) output?.add(track);
          });
          subscription.add(() => current && output?.remove(current));
          pulls.set(id, { key, subscription });
        }
      }),
    );
    return all;
  }

  #sampleQuality(partyTracks: PartyTracks): Subscription {
    const previous = new Map<string, { packetsReceived: number; packetsLost: number }>();
    return partyTracks.peerConnection$
      .pipe(
        switchMap(
          (pc) =>
            new Observable<ReadonlyMap<string, ConnectionQuality>>((subscriber) => {
              const timer = setInterval(() => {
                sampleInboundQuality(pc, this.#trackOwners, previous).then(
                  (quality) => subscriber.next(quality),
                  () => undefined,
                );
              }, QUALITY_INTERVAL_MS);
              return () => clearInterval(timer);
            }),
        ),
      )
      .subscribe((quality) => this.#quality$.next(quality));
  }

  #pullSlot(
    participantId: string,
    slot: 'audio' | 'video',
    preferredRid$?: Observable<string | undefined>,
  ): Observable<MediaStreamTrack | undefined> {
    const ref$ = this.#roster$.pipe(
      map((roster) => {
        const person = roster.get(participantId);
        if (!person) return null;
        // A camera that is off sends black frames: not worth a pull.
        if (slot === 'video' && !person.videoEnabled) return null;
        return person.tracks[slot];
      }),
      distinctUntilChanged((a, b) => a?.sessionId === b?.sessionId && a?.trackName === b?.trackName),
    );
    const rid$ = (preferredRid$ ?? of<string | undefined>(undefined)).pipe(
      distinctUntilChanged(),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    return combineLatest([this.#partyTracks$, ref$]).pipe(
      switchMap(([partyTracks, ref]) =>
        partyTracks && ref
          ? rid$.pipe(
              take(1),
              map((rid) => ({ partyTracks, ref, rid })),
            )
          : of(undefined),
      ),
      switchMap((pull) => {
        if (!pull) return of(undefined);
        const { partyTracks, ref, rid } = pull;
        // The first pull carries the whole preference, including what to do when the preferred
        // layer is missing (a publisher short of CPU or bandwidth stops sending small layers; the
        // viewer must then get another one, not black). Later size changes go through partytracks'
        // tracks/update, which names only `preferredRid`; the SFU keeps the rest of the preference.
        const metadata: TrackMetadata & {
          simulcast?: { preferredRid: string; ridNotAvailable: 'asciibetical' };
        } = {
          location: 'remote',
          sessionId: ref.sessionId,
          trackName: ref.trackName,
          ...(rid ? { simulcast: { preferredRid: rid, ridNotAvailable: 'asciibetical' } } : {}),
        };
        // partytracks reads the first value of preferredRid$ into the pull itself (dropping
        // ridNotAvailable), so its first value is `undefined` and only later changes follow.
        const laterRids$ = concat(of(undefined), rid$.pipe(skip(1)));
        const pulled$ = partyTracks.pull(of(metadata), { simulcast: { preferredRid$: laterRids$ } });
        return new Observable<MediaStreamTrack | undefined>((subscriber) => {
          let current: MediaStreamTrack | undefined;
          const subscription = pulled$.subscribe({
            next: (track) => {
              if (current) this.#trackOwners.delete(current.id);
              current = track;
              this.#trackOwners.set(track.id, participantId);
              subscriber.next(track);
            },
            error: (error: unknown) => subscriber.error(error),
          });
          return () => {
            subscription.unsubscribe();
            if (current) this.#trackOwners.delete(current.id);
          };
        });
      }),
      distinctUntilChanged(),
    );
  }

  #patchLocal(patch: Partial<LocalRecord>): void {
    this.#local$.next({ ...this.#local$.value, ...patch });
    this.#sendLocalChanges();
  }

  /** Sends the backend whatever of our own record it does not have yet. */
  #sendLocalChanges(): void {
    const presence = this.#presence;
    if (!presence || this.#state$.value !== 'connected') return;
    const local = this.#local$.value;
    const sent = this.#lastSent;
    const patch: ParticipantPatch = {};
    if (local.sessionId !== null && local.sessionId !== sent?.sessionId) patch.sessionId = local.sessionId;
    const tracks: ParticipantPatch['tracks'] = {};
    // Only refs on the current session: a push re-emits on a new session before sessionId catches up.
    if (local.audio && !sameRef(local.audio, sent?.audio)) tracks.audio = local.audio;
    if (local.video && !sameRef(local.video, sent?.video)) tracks.video = local.video;
    if (Object.keys(tracks).length > 0) patch.tracks = tracks;
    if (local.audioEnabled !== sent?.audioEnabled) patch.audioEnabled = local.audioEnabled;
    if (local.videoEnabled !== sent?.videoEnabled) patch.videoEnabled = local.videoEnabled;
    if (local.speaking !== (sent?.speaking ?? false)) patch.speaking = local.speaking;
    if (Object.keys(patch).length === 0) return;
    if (presence.send({ type: 'update', patch })) this.#lastSent = { ...local };
  }

  #setRoster(next: Roster): void {
    const before = this.#roster$.value;
    if (next === before) return;
    const selfId = this.#selfId$.value;
    this.#roster$.next(next);
    for (const change of rosterChanges(before, next, this.#leaveReasons)) {
      if (change.participant.id === selfId) continue;
      const participant = toParticipant(change.participant, selfId, 'unknown', this.#local$.value);
      if (change.kind === 'joined') this.#events$.next({ type: 'participant-joined', participant });
      else {
        this.#leaveReasons.delete(change.participant.id);
        this.#events$.next({ type: 'participant-left', participant, reason: change.reason });
      }
    }
    this.#updateActiveSpeaker(before, next);
  }

  #updateActiveSpeaker(before: Roster, after: Roster): void {
    const selfId = this.#selfId$.value;
    const speaking = (roster: Roster, id: string) => {
      const person = roster.get(id);
      if (!person) return false;
      return id === selfId ? this.#local$.value.speaking : person.speaking && person.audioEnabled;
    };
    const speakingNow = [...after.keys()].filter((id) => speaking(after, id));
    const started = speakingNow.filter((id) => !speaking(before, id));
    this.#activeSpeaker$.next(
      nextActiveSpeaker(this.#activeSpeaker$.value, speakingNow, started, new Set(after.keys())),
    );
  }

  async #token(): Promise<string | undefined> {
    if (this.#options.getToken) return this.#options.getToken();
    return this.#options.token;
  }

  #fail(error: CallsError): CallsError {
    this.#state$.next('disconnected');
    this.#errors$.next(error);
    return error;
  }

  #layers(): readonly SimulcastLayer[] {
    const simulcast = this.#options.simulcast ?? true;
    if (simulcast === false) return [];
    return simulcast === true ? DEFAULT_SIMULCAST_LAYERS : simulcast;
  }

  async #teardown(reason: 'left' | CallsError['code']): Promise<void> {
    const wasJoined = this.#presence !== undefined;
    await this.#joining?.catch(() => undefined);
    const presence = this.#presence;
    this.#presence = undefined;
    presence?.close();
    this.#partyTracks$.next(undefined);
    this.#session.unsubscribe();
    this.#media = new Subscription();
    this.#audioOutput?.dispose();
    this.#audioOutput = undefined;
    this.#audioBlocked$.next(false);
    this.#trackOwners.clear();
    this.#leaveReasons.clear();
    this.#lastSent = undefined;
    this.#local$.next({ ...this.#local$.value, sessionId: null, audio: null, video: null, speaking: false });
    this.#selfId$.next(undefined);
    this.#roster$.next(new Map());
    this.#activeSpeaker$.next(null);
    this.#quality$.next(new Map());
    this.#state$.next('disconnected');
    if (wasJoined) this.#events$.next({ type: 'left', reason });
  }

  /** Leaves (if joined) and releases the room's own devices for good. */
  async dispose(): Promise<void> {
    await this.leave();
    if (this.#ownsMedia) this.media.dispose();
  }
}

function refOf(meta: TrackMetadata): TrackRef | null {
  return meta.sessionId && meta.trackName ? { sessionId: meta.sessionId, trackName: meta.trackName } : null;
}

function sameRef(a: TrackRef | null | undefined, b: TrackRef | null | undefined): boolean {
  return a?.sessionId === b?.sessionId && a?.trackName === b?.trackName;
}

function encodingsOf(layers: readonly SimulcastLayer[]): RTCRtpEncodingParameters[] {
  return layers.map(({ rid, scaleResolutionDownBy, maxBitrate }) => ({
    rid,
    scaleResolutionDownBy,
    maxBitrate,
  }));
}
