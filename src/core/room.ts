import type { PartyTracks, TrackMetadata } from 'partytracks/client';
import {
  BehaviorSubject,
  catchError,
  combineLatest,
  concat,
  defer,
  distinctUntilChanged,
  EMPTY,
  filter,
  from,
  fromEvent,
  map,
  merge,
  Observable,
  of,
  retry,
  Subject,
  Subscription,
  shareReplay,
  skip,
  startWith,
  switchMap,
  take,
  throwError,
  timer,
} from 'rxjs';
import { AudioOutput } from './audio-output.js';
import { type BackoffOptions, backoffDelay, resolveBackoff } from './backoff.js';
import { deadTrack$ } from './dead-track.js';
import { CallsError } from './errors.js';
import { withHandOrder } from './hands.js';
import { restartIce } from './ice-restart.js';
import { DEFAULT_SIMULCAST_LAYERS, encodingsOf, type SimulcastLayer } from './layout.js';
import { LocalMedia, type LocalMediaOptions } from './local-media.js';
import { type MediaFailure, mediaFailure$ } from './media-health.js';
import { createPartyTracks, fetchIceServers, probeSession } from './media-session.js';
import { negotiationSettled } from './negotiation-settled.js';
import { type LocalOverrides, type Participant, toParticipant } from './participant.js';
import { PeopleController, type Reaction, type Refusal } from './people.js';
import { type ConnectionState, PresenceClient, type RetrySchedule } from './presence-client.js';
import { PresenceRequests } from './presence-requests.js';
import {
  type ChatMessage,
  isIceServerList,
  type LeaveReason,
  type MuteKind,
  partyTracksPrefix,
  ROOM_NAME,
  type TrackRef,
  type TrackSlot,
  type Welcome,
  type WireParticipant,
} from './protocol.js';
import { type ConnectionQuality, sampleInboundQuality, sampleOutboundQuality } from './quality.js';
import { applyToRoster, carryOver, type Roster, rosterChanges, rosterOf } from './roster.js';
import { ScreenShare, type ScreenShareChange, screenShareChanges } from './screen-share.js';
import { type SelfRecord, SelfSync } from './self-sync.js';
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
  /** Capture tab or system audio with the screen where the browser offers it. Default: true. */
  screenShareAudio?: boolean;
}

/** Which of a participant's videos: their camera or the screen they share. */
export type VideoSource = 'camera' | 'screen';

export type RoomEvent =
  | { type: 'joined'; participantId: string }
  | { type: 'left'; reason: 'left' | CallsError['code'] }
  | { type: 'participant-joined'; participant: Participant }
  | { type: 'participant-left'; participant: Participant; reason: LeaveReason | 'unknown' }
  /** A participant's measured quality changed (for yourself: your upload). */
  | { type: 'quality-change'; participantId: string; isSelf: boolean; quality: ConnectionQuality }
  /**
   * The room repaired something by itself: an ICE restart on the Calls session the SFU still
   * holds, a new Calls session (`reason` says why) or a fresh pull of a track that stopped
   * receiving (`participantId`, `kind`).
   */
  | { type: 'recovery'; action: 'ice-restart' }
  | { type: 'recovery'; action: 'new-session'; reason: MediaFailure | 'backend-restarted' }
  | { type: 'recovery'; action: 'repull'; participantId: string; kind: TrackSlot }
  | ScreenShareChange;

/** The Calls session: none yet, being set up, up, or lost and being set up again. */
export type MediaState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

type LocalRecord = SelfRecord;

const QUALITY_INTERVAL_MS = 2000;
/**
 * How long, after a backend restart, participants the backend does not know yet are kept as
 * "reconnecting" (they are most likely on their way back): the backend's own reconnect grace.
 */
const CARRY_OVER_MS = 30_000;
/** Longest a leave waits for a renegotiation in flight (one takes a round trip to the SFU). */
const LEAVE_SETTLE_MS = 1000;
/** Marks a pull the dead-track monitor gave up on, so only that error re-pulls. */
const DEAD_TRACK = Symbol('dead track');
/** A pull that has not delivered its track after this long is made again (see `#pullSlot`). */
const PULL_ANSWER_TIMEOUT_MS = 15_000;
/** The slots that carry sound everyone hears: microphones and shared tab or system audio. */
const AUDIO_SLOTS = ['audio', 'screenshareAudio'] as const;
type AudioSlot = (typeof AUDIO_SLOTS)[number];

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
  /** This browser's screen, published as its own tracks while sharing. */
  readonly screenShare: ScreenShare;
  readonly #options: RoomOptions;
  readonly #ownsMedia: boolean;
  readonly #state$ = new BehaviorSubject<ConnectionState>('disconnected');
  readonly #roster$ = new BehaviorSubject<Roster>(new Map());
  readonly #selfId$ = new BehaviorSubject<string | undefined>(undefined);
  readonly #quality$ = new BehaviorSubject<ReadonlyMap<string, ConnectionQuality>>(new Map());
  readonly #mediaState$ = new BehaviorSubject<MediaState>('idle');
  readonly #retry$ = new BehaviorSubject<RetrySchedule | undefined>(undefined);
  readonly #local$: BehaviorSubject<LocalRecord>;
  readonly #partyTracks$ = new BehaviorSubject<PartyTracks | undefined>(undefined);
  /** The current Calls session's peer connection, closed first whenever that session is dropped. */
  #peerConnection: RTCPeerConnection | undefined;
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
  readonly #sync = new SelfSync(
    (message) => this.#state$.value === 'connected' && (this.#presence?.send(message) ?? false),
    () => this.#local$.value,
  );
  #leaveReasons = new Map<string, LeaveReason>();
  /** Chat, reactions, hands and moderation (people.ts). */
  readonly #people = new PeopleController((error) => this.#errors$.next(error));
  /** The room as the backend last described it (the shown roster adds the carried-over). */
  #serverRoster: Roster = new Map();
  /** Participants kept through a backend restart until they are back: id → when to give up. */
  readonly #carried = new Map<string, number>();
  #carryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts Calls sessions; a session set up for an older count gives way. */
  #mediaRun = 0;
  /** Media failures in a row, for the delay before the next new session. */
  #mediaFailures = 0;
  readonly #mediaBackoff = resolveBackoff({ initialDelayMs: 250, maxDelayMs: 5000 });
  #mediaRetryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The camera and microphone held from `join()` until the pushes take them (see `#join`). */
  #warmCapture: Subscription | undefined;
  /**
   * The last welcome's ICE servers (protocol revision 3, a backend without a TURN key); without them
   * each new Calls session asks `generate-ice-servers`.
   */
  #welcomeIceServers: RTCIceServer[] | undefined;

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
  /** Joined, left, participant joined, participant left, quality changes, self-repairs, screen
   * share started and stopped. */
  readonly events$: Observable<RoomEvent> = this.#events$.asObservable();
  /** The Calls session: `reconnecting` while media is lost and being set up again. */
  readonly mediaState$: Observable<MediaState> = this.#mediaState$.pipe(distinctUntilChanged());
  /** While reconnecting to the backend: when the next attempt happens. */
  readonly reconnectSchedule$: Observable<RetrySchedule | undefined> = this.#retry$.asObservable();
  /** How well your own media reaches the SFU (`poor` or worse: others see and hear you badly). */
  readonly uploadQuality$: Observable<ConnectionQuality>;
  /** Whether you share your screen now. */
  readonly screenShareEnabled$: Observable<boolean>;

  constructor(options: RoomOptions) {
    this.#options = { ...options };
    this.#ownsMedia = options.media === undefined;
    this.media = options.media ?? new LocalMedia(options.localMedia);
    this.screenShare = new ScreenShare({ audio: options.screenShareAudio ?? true });
    this.screenShareEnabled$ = this.screenShare.enabled$;
    this.#local$ = new BehaviorSubject<LocalRecord>({
      sessionId: null,
      audio: null,
      video: null,
      screenshare: null,
      screenshareAudio: null,
      audioEnabled: this.media.micEnabled,
      videoEnabled: this.media.cameraEnabled,
      screenshareEnabled: false,
      speaking: false,
    });
    const overrides$ = this.#local$.pipe(
      map(
        ({ audioEnabled, videoEnabled, screenshareEnabled, speaking }): LocalOverrides => ({
          audioEnabled,
          videoEnabled,
          screenshareEnabled,
          speaking,
        }),
      ),
      distinctUntilChanged(
        (a, b) =>
          a.audioEnabled === b.audioEnabled &&
          a.videoEnabled === b.videoEnabled &&
          a.screenshareEnabled === b.screenshareEnabled &&
          a.speaking === b.speaking,
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
    this.uploadQuality$ = combineLatest([this.#quality$, this.#selfId$]).pipe(
      map(([quality, selfId]) => (selfId ? (quality.get(selfId) ?? 'unknown') : 'unknown')),
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

  /**
   * Reconnects now instead of waiting for the next scheduled attempt (a "retry" button): the
   * backend connection while it is lost, else the media session while it is, else joins again
   * after the room gave up.
   */
  reconnectNow(): void {
    if (this.#state$.value === 'reconnecting') {
      this.#presence?.retryNow();
      return;
    }
    if (this.#state$.value === 'connected' && this.#mediaState$.value === 'reconnecting') {
      clearTimeout(this.#mediaRetryTimer);
      void this.#startMedia();
      return;
    }
    if (this.#state$.value === 'disconnected' && !this.#presence) this.join().catch(() => undefined);
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

  get screenShareEnabled(): boolean {
    return this.screenShare.enabled;
  }

  /**
   * Starts or stops sharing your screen as its own tracks (video, and tab or system audio where
   * the browser gives some). Starting opens the browser's picker, so call it while handling a
   * click; cancelling the picker leaves sharing off. Only while joined: outside a call it reports
   * `screen_share_failed` on `errors$` and stays off.
   */
  setScreenShareEnabled(enabled: boolean): void {
    if (enabled && this.#state$.value !== 'connected' && this.#state$.value !== 'reconnecting') {
      this.#errors$.next(new CallsError('screen_share_failed', 'Join the room before sharing your screen.'));
      return;
    }
    this.screenShare.setEnabled(enabled);
  }

  /**
   * A participant's camera (or, with `source` `'screen'`, the screen they share) while you
   * subscribe: pulled from the SFU only while it is on, re-pulled when they republish; undefined
   * while there is nothing to show. `preferredRid$` picks the camera's simulcast layer (a screen is
   * sent in one full-size layer). For yourself, it is the local capture (never a round trip).
   */
  video$(
    participantId: string,
    preferredRid$?: Observable<string | undefined>,
    source: VideoSource = 'camera',
  ): Observable<MediaStreamTrack | undefined> {
    return this.#selfId$.pipe(
      switchMap((selfId) => {
        const isSelf = selfId !== undefined && selfId === participantId;
        if (source === 'screen') {
          return isSelf ? this.screenShare.videoTrack$ : this.#pullSlot(participantId, 'screenshare');
        }
        return isSelf ? this.media.cameraPreview$ : this.#pullSlot(participantId, 'video', preferredRid$);
      }),
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
    this.#serverRoster = new Map();
    this.#roster$.next(new Map());
    const presence = new PresenceClient({
      endpoint,
      room,
      displayName: this.#options.displayName,
      getToken: () => this.#authorizedToken(),
      reconnect: this.#options.reconnect,
    });
    this.#presence = presence;
    this.#session.add(presence.state$.subscribe((state) => this.#state$.next(state)));
    this.#session.add(this.#people.attach(presence));
    this.#session.add(presence.retry$.subscribe((schedule) => this.#retry$.next(schedule)));
    this.#session.add(
      presence.message$.subscribe((message) => {
        if (this.#sync.onMessage(message)) {
          if (message.type === 'error') {
            this.#errors$.next(new CallsError('protocol_error', message.message, { detail: message.code }));
          }
          return;
        }
        if (message.type === 'participant-left') {
          this.#leaveReasons.set(message.participantId, message.reason);
          this.#carried.delete(message.participantId);
        }
        if (message.type === 'muted') {
          if (message.kind === 'audio') this.media.setMicEnabled(false);
          if (message.kind === 'video') this.media.setCameraEnabled(false);
          if (message.kind === 'screenshare') this.screenShare.setEnabled(false);
        }
        // Answers to people requests are reported by PeopleController, with the request they answer.
        if (message.type === 'error' && message.code !== 'timeout' && !PresenceRequests.answers(message)) {
          this.#errors$.next(new CallsError('protocol_error', message.message, { detail: message.code }));
        }
        this.#setRoster(applyToRoster(this.#serverRoster, message));
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

    this.#session.add(this.#announceScreenShares());
    const output = new AudioOutput(this.#options.audioElement);
    this.#audioOutput = output;
    this.#session.add(output.blocked$.subscribe((blocked) => this.#audioBlocked$.next(blocked)));
    if (AudioOutput.canSelectSpeaker) this.#session.add(this.#followSpeakerChoice(output));
    // Every welcome is applied in the task it arrives in, the first one included: its Calls session
    // is asked for before the meeting's first render, which the same message queues, takes the main
    // thread (awaiting connect() would put that render first).
    let firstApplied: Promise<void> | undefined;
    this.#session.add(
      presence.welcome$.subscribe((welcome) => {
        const applying = this.#onWelcome(welcome);
        firstApplied ??= applying;
      }),
    );
    // The socket opens first (in this task, when the token is at hand), then capture starts while
    // presence and the Calls session are set up. Capture is held until the pushes subscribe
    // (#startMedia): without this hold a lobby preview that leaves with the lobby releases the camera
    // just before the push needs it, and a second getUserMedia sits on the path to the first frame.
    const connecting = presence.connect();
    this.#warmCapture = this.media.holdCapture();
    this.#session.add(this.#warmCapture);
    let welcome: Welcome;
    try {
      welcome = await connecting;
    } catch (error) {
      const callsError =
        error instanceof CallsError
          ? error
          : new CallsError('backend_unreachable', String(error), { cause: error });
      this.#releaseWarmCapture();
      this.#session.unsubscribe();
      this.#presence = undefined;
      output.dispose();
      this.#audioOutput = undefined;
      throw this.#fail(callsError);
    }
    await firstApplied;
    this.#events$.next({ type: 'joined', participantId: welcome.participantId });
  }

  async #onWelcome(welcome: Welcome): Promise<void> {
    const previousId = this.#selfId$.value;
    // The proxy requests carry the token this connection was opened with (#authorizedToken).
    this.#selfId$.next(welcome.participantId);
    const rejoined = previousId !== undefined && !welcome.resumed;
    const roster = rosterOf(welcome.participants);
    if (rejoined) {
      // The backend forgot the room (it restarted): the others are on their way back too. Keep
      // their tiles as "reconnecting" (#setRoster carries them over) instead of announcing that
      // everyone left and joined again.
      const until = Date.now() + CARRY_OVER_MS;
      for (const id of this.#roster$.value.keys()) {
        if (id !== welcome.participantId && !roster.has(id)) this.#carried.set(id, until);
      }
      this.#scheduleCarryExpiry();
    }
    this.#setRoster(roster);
    this.#welcomeIceServers = isIceServerList(welcome.iceServers) ? welcome.iceServers : undefined;
    const serverSelf = welcome.participants.find((p) => p.id === welcome.participantId);
    // The backend now holds what it held for us before (resumed) or nothing we sent (new).
    this.#sync.reset(serverSelf && selfRecordOf(serverSelf));
    if (previousId !== welcome.participantId || !welcome.resumed) {
      // A new participant, or one the backend forgot together with its sessions: the old Calls
      // session is not ours any more (or gone with an SFU restart). Start media afresh.
      if (rejoined)
        this.#events$.next({ type: 'recovery', action: 'new-session', reason: 'backend-restarted' });
      await this.#startMedia();
    }
    this.#sync.flush();
  }

  async #startMedia(): Promise<void> {
    const run = ++this.#mediaRun;
    clearTimeout(this.#mediaRetryTimer);
    this.#partyTracks$.next(undefined);
    this.#abandonPeerConnection();
    this.#media.unsubscribe();
    this.#media = new Subscription();
    this.#session.add(this.#media);
    // Refs of the old session must not reach the backend again: it would refuse them.
    this.#local$.next({ ...this.#local$.value, sessionId: null, audio: null, video: null });
    this.#mediaState$.next(this.#mediaState$.value === 'idle' ? 'connecting' : 'reconnecting');
    const prefix = this.#proxyPrefix;
    let partyTracks: PartyTracks;
    try {
      // With the welcome's servers nothing is awaited: the pushes below ask for the session in the
      // welcome's own task.
      const iceServers = this.#welcomeIceServers ?? (await fetchIceServers(prefix, this.#headers));
      partyTracks = createPartyTracks(prefix, this.#headers, iceServers);
    } catch (error) {
      if (run !== this.#mediaRun) return;
      if (this.#mediaFailures === 0) this.#errors$.next(error as CallsError);
      this.#retryMedia();
      return;
    }
    if (run !== this.#mediaRun || !this.#presence) return;
    const media = this.#media;
    media.add(
      partyTracks.session$.subscribe({
        next: ({ sessionId, peerConnection }) => {
          this.#peerConnection = peerConnection;
          this.#patchLocal({ sessionId });
        },
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
    // The pushes hold the camera and microphone now.
    this.#releaseWarmCapture();
    media.add(this.#publishScreen(partyTracks));
    media.add(this.media.micEnabled$.subscribe((audioEnabled) => this.#patchLocal({ audioEnabled })));
    media.add(this.media.cameraEnabled$.subscribe((videoEnabled) => this.#patchLocal({ videoEnabled })));
    // Whoever owns the devices reports their failures (a <calls-room> shares its own with previews).
    if (this.#ownsMedia) media.add(this.media.errors$.subscribe((error) => this.#errors$.next(error)));
    media.add(this.#detectSpeaking());
    media.add(this.#playRemoteAudio());
    media.add(this.#sampleQuality(partyTracks));
    media.add(this.#followMediaState(partyTracks));
    media.add(
      mediaFailure$(partyTracks.session$, {
        probe: (id) => probeSession(prefix, id, this.#headers),
        restartIce: async (pc, id) => {
          const outcome = await restartIce(prefix, id, pc, this.#headers);
          if (outcome === 'restarted') this.#events$.next({ type: 'recovery', action: 'ice-restart' });
          return outcome;
        },
      }).subscribe((reason) => {
        this.#events$.next({ type: 'recovery', action: 'new-session', reason });
        this.#retryMedia();
      }),
    );
    this.#partyTracks$.next(partyTracks);
  }

  /**
   * Closes the current session's peer connection before its pushes and pulls are torn down.
   * partytracks would otherwise close each track with its own request, sent after the presence
   * socket said goodbye (the backend refuses it: 401 `participant_gone`) or to a session the SFU
   * already forgot; with the connection closed it sends none (closing fires no state events, so
   * partytracks does not reconnect either), and the SFU lets the session go on its own.
   */
  #abandonPeerConnection(): void {
    this.#peerConnection?.close();
    this.#peerConnection = undefined;
  }

  /** A new Calls session after a short, growing pause, once the backend connection is up. */
  #retryMedia(): void {
    this.#mediaFailures += 1;
    this.#mediaState$.next('reconnecting');
    const run = this.#mediaRun;
    const delay = backoffDelay(this.#mediaFailures, this.#mediaBackoff) ?? this.#mediaBackoff.maxDelayMs;
    clearTimeout(this.#mediaRetryTimer);
    this.#mediaRetryTimer = setTimeout(() => {
      // While the backend is away, its welcome decides: a resume keeps this retry, a re-join
      // starts media itself.
      const ready = this.#state$.pipe(
        filter((state) => state === 'connected'),
        take(1),
      );
      this.#session.add(
        ready.subscribe(() => {
          if (run === this.#mediaRun) void this.#startMedia();
        }),
      );
    }, delay);
  }

  #followMediaState(partyTracks: PartyTracks): Subscription {
    return partyTracks.peerConnection$
      .pipe(
        switchMap((pc) =>
          fromEvent(pc, 'connectionstatechange').pipe(
            startWith(undefined),
            map(() => pc.connectionState),
          ),
        ),
      )
      .subscribe((state) => {
        if (state === 'connected') {
          this.#mediaFailures = 0;
          this.#mediaState$.next('connected');
        } else if (this.#mediaState$.value === 'connected') {
          this.#mediaState$.next('reconnecting');
        }
      });
  }

  #scheduleCarryExpiry(): void {
    clearTimeout(this.#carryTimer);
    if (this.#carried.size === 0) return;
    const next = Math.min(...this.#carried.values());
    this.#carryTimer = setTimeout(
      () => {
        const now = Date.now();
        for (const [id, until] of this.#carried) {
          if (until > now) continue;
          this.#carried.delete(id);
          this.#leaveReasons.set(id, 'disconnected');
        }
        this.#setRoster(this.#serverRoster);
        this.#scheduleCarryExpiry();
      },
      Math.max(0, next - Date.now()),
    );
  }

  /** Plays through the speaker chosen on `media` (the default after the chosen one went away). */
  #followSpeakerChoice(output: AudioOutput): Subscription {
    return this.media
      .selectedDeviceId$('audiooutput')
      .pipe(
        filter((id) => id !== undefined),
        switchMap((id) => from(output.setSinkId(id)).pipe(catchError((error: CallsError) => of(error)))),
      )
      .subscribe((result) => {
        if (result instanceof CallsError) this.#errors$.next(result);
      });
  }

  /**
   * Pushes the screen only while it is shared (no idle stand-in track, unlike the camera), so a
   * room where nobody shares carries no screen transceivers; the slots go back to null when it stops.
   */
  #publishScreen(partyTracks: PartyTracks): Subscription {
    const pushed = (track$: Observable<MediaStreamTrack | undefined>) =>
      track$.pipe(switchMap((track) => (track ? partyTracks.push(of(track)).pipe(map(refOf)) : of(null))));
    const all = new Subscription();
    all.add(
      pushed(this.screenShare.videoTrack$).subscribe((screenshare) => this.#patchLocal({ screenshare })),
    );
    all.add(
      pushed(this.screenShare.audioTrack$).subscribe((screenshareAudio) =>
        this.#patchLocal({ screenshareAudio }),
      ),
    );
    all.add(
      this.screenShare.enabled$.subscribe((screenshareEnabled) => this.#patchLocal({ screenshareEnabled })),
    );
    all.add(this.screenShare.errors$.subscribe((error) => this.#errors$.next(error)));
    all.add(() => this.screenShare.setEnabled(false));
    return all;
  }

  /** Re-emits who starts and stops sharing a screen, yourself included. */
  #announceScreenShares(): Subscription {
    let before: readonly Participant[] = [];
    return this.participants$.subscribe((after) => {
      for (const change of screenShareChanges(before, after)) this.#events$.next(change);
      before = after;
    });
  }

  #detectSpeaking(): Subscription {
    const detector = new SpeakingDetector(this.#options.speaking);
    return combineLatest([this.media.micEnabled$, this.media.micLevel$]).subscribe(([enabled, level]) => {
      if (!enabled) detector.reset();
      const speaking = enabled && detector.sample(level, performance.now());
      if (speaking !== this.#local$.value.speaking) this.#patchLocal({ speaking });
    });
  }

  /** Pulls every remote microphone (and shared tab or system audio) into the room's one audio sink. */
  #playRemoteAudio(): Subscription {
    const pulls = new Map<string, { key: string; subscription: Subscription }>();
    const output = this.#audioOutput;
    const all = new Subscription(() => {
      for (const pull of pulls.values()) pull.subscription.unsubscribe();
      pulls.clear();
    });
    all.add(
      combineLatest([this.#roster$, this.#selfId$]).subscribe(([roster, selfId]) => {
        // Keyed by participant and slot; the value names the track, so a republish re-pulls.
        const wanted = new Map<string, { id: string; slot: AudioSlot; track: string }>();
        for (const person of roster.values()) {
          if (person.id === selfId) continue;
          for (const slot of AUDIO_SLOTS) {
            const ref = person.tracks[slot];
            if (ref)
              wanted.set(`${person.id}/${slot}`, {
                id: person.id,
                slot,
                track: `${ref.sessionId}/${ref.trackName}`,
              });
          }
        }
        for (const [pullKey, pull] of pulls) {
          if (wanted.get(pullKey)?.track !== pull.key) {
            pull.subscription.unsubscribe();
            pulls.delete(pullKey);
          }
        }
        for (const [pullKey, { id, slot, track: key }] of wanted) {
          if (pulls.has(pullKey)) continue;
          let current: MediaStreamTrack | undefined;
          const subscription = this.#pullSlot(id, slot).subscribe((track) => {
            if (current) output?.remove(current);
            current = track;
            if (track) output?.add(track);
          });
          subscription.add(() => current && output?.remove(current));
          pulls.set(pullKey, { key, subscription });
        }
      }),
    );
    return all;
  }

  #sampleQuality(partyTracks: PartyTracks): Subscription {
    const inbound = new Map<string, { packets: number; lost: number }>();
    const outbound = new Map<string, { packets: number; lost: number }>();
    return partyTracks.peerConnection$
      .pipe(
        switchMap((pc) =>
          timer(QUALITY_INTERVAL_MS, QUALITY_INTERVAL_MS).pipe(
            switchMap(async () => {
              const quality = await sampleInboundQuality(pc, this.#trackOwners, inbound);
              const selfId = this.#selfId$.value;
              if (selfId) quality.set(selfId, await sampleOutboundQuality(pc, outbound));
              return quality;
            }),
          ),
        ),
      )
      .subscribe({
        next: (quality) => {
          const before = this.#quality$.value;
          this.#quality$.next(quality);
          const selfId = this.#selfId$.value;
          for (const [participantId, now] of quality) {
            if ((before.get(participantId) ?? 'unknown') === now) continue;
            this.#events$.next({
              type: 'quality-change',
              participantId,
              isSelf: participantId === selfId,
              quality: now,
            });
          }
        },
        // getStats on a closing connection: the next session samples again.
        error: () => undefined,
      });
  }

  #pullSlot(
    participantId: string,
    slot: TrackSlot,
    preferredRid$?: Observable<string | undefined>,
  ): Observable<MediaStreamTrack | undefined> {
    const ref$ = this.#roster$.pipe(
      map((roster) => {
        const person = roster.get(participantId);
        if (!person) return null;
        // A camera that is off sends black frames: not worth a pull.
        if (slot === 'video' && !person.videoEnabled) return null;
        if (slot === 'screenshare' && !person.screenshareEnabled) return null;
        return person.tracks[slot];
      }),
      distinctUntilChanged((a, b) => a?.sessionId === b?.sessionId && a?.trackName === b?.trackName),
    );
    let latestRid: string | undefined;
    const rid$ = (preferredRid$ ?? of<string | undefined>(undefined)).pipe(
      distinctUntilChanged(),
      map((rid) => {
        latestRid = rid;
        return rid;
      }),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    // Media from them is expected while they are connected and so are we: a publisher reconnecting
    // sends nothing, and while our backend is away the roster cannot say who is still there.
    const publisherUp$ = combineLatest([this.#roster$, this.#state$]).pipe(
      map(
        ([roster, state]) => state === 'connected' && roster.get(participantId)?.connection === 'connected',
      ),
      distinctUntilChanged(),
    );
    return combineLatest([this.#partyTracks$, ref$]).pipe(
      switchMap(([partyTracks, ref]) =>
        partyTracks && ref
          ? // Once there is a session (partytracks would wait for it anyway) and a measured size:
            // a size that changes before then (a grid settling as its tiles appear) is then in
            // the pull itself, instead of partytracks taking it into the pull without the rest of
            // the preference and asking for the same layer again with tracks/update.
            combineLatest([partyTracks.session$, rid$]).pipe(
              take(1),
              map(() => ({ partyTracks, ref })),
            )
          : of(undefined),
      ),
      switchMap((pull) => {
        if (!pull) return of(undefined);
        const { partyTracks, ref } = pull;
        // The first pull carries the whole preference, including what to do when the preferred
        // layer is missing (a publisher short of CPU or bandwidth stops sending small layers; the
        // viewer must then get another one, not black). Later size changes go through partytracks'
        // tracks/update, which names only `preferredRid`; the SFU keeps the rest of the preference.
        const metadata = (): TrackMetadata & {
          simulcast?: { preferredRid: string; ridNotAvailable: 'asciibetical' };
        } => ({
          location: 'remote',
          sessionId: ref.sessionId,
          trackName: ref.trackName,
          ...(latestRid ? { simulcast: { preferredRid: latestRid, ridNotAvailable: 'asciibetical' } } : {}),
        });
        // partytracks reads the first value of preferredRid$ into the pull itself (dropping
        // ridNotAvailable), so its first value is `undefined` and only later changes follow.
        const laterRids$ = concat(of(undefined), rid$.pipe(skip(1)));
        const repull = () => {
          this.#events$.next({ type: 'recovery', action: 'repull', participantId, kind: slot });
          return throwError(() => DEAD_TRACK);
        };
        const pulled$ = defer(() => {
          // partytracks drops a pull whose negotiation failed (a request that did not get through,
          // an answer the connection refused) without a word: its observable never emits, and the
          // tile would wait forever. A pull without its track by then is made again.
          let answered = false;
          const unanswered$ = timer(PULL_ANSWER_TIMEOUT_MS).pipe(
            switchMap(() => (answered ? EMPTY : repull())),
          );
          const track$ = partyTracks.pull(of(metadata()), { simulcast: { preferredRid$: laterRids$ } }).pipe(
            switchMap((track) => {
              answered = true;
              return concat(
                of(track),
                partyTracks.peerConnection$.pipe(
                  take(1),
                  switchMap((pc) => deadTrack$(pc, track, publisherUp$)),
                  switchMap(repull),
                ),
              );
            }),
          );
          return merge(track$, unanswered$);
        }).pipe(
          // A dead or a stuck pull is made again here; other errors end the pull.
          retry({ delay: (error: unknown) => (error === DEAD_TRACK ? of(0) : throwError(() => error)) }),
        );
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
    this.#sync.flush();
  }

  /** Takes the backend's view of the room; the roster shown adds whoever is carried over. */
  #setRoster(server: Roster): void {
    this.#serverRoster = server;
    const before = this.#roster$.value;
    let next = server;
    if (this.#carried.size > 0) {
      for (const id of server.keys()) this.#carried.delete(id);
      next = carryOver(before, server, new Set(this.#carried.keys()));
    }
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

  /** The backend's partytracks proxy, where every Calls request of this room goes. */
  get #proxyPrefix(): string {
    return partyTracksPrefix(this.#options.endpoint, globalThis.location?.href);
  }

  #releaseWarmCapture(): void {
    if (!this.#warmCapture) return;
    this.#warmCapture.unsubscribe();
    this.#session.remove(this.#warmCapture);
    this.#warmCapture = undefined;
  }

  /**
   * The host's token for a presence connection, also put on the proxy requests that follow it.
   * Synchronous when the token is (see PresenceClient), so joining does not wait a turn.
   */
  #authorizedToken(): string | undefined | Promise<string | undefined> {
    const authorize = (token: string | undefined) => {
      // Anything but a string fails the join (PresenceClient says why); it must not reach a header.
      if (typeof token === 'string' && token) this.#headers.set('Authorization', `Bearer ${token}`);
      return token;
    };
    const token = this.#options.getToken ? this.#options.getToken() : this.#options.token;
    return token instanceof Promise ? token.then(authorize) : authorize(token);
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
    // Leaving by choice: let a renegotiation in flight finish first (negotiation-settled.ts).
    if (reason === 'left') await negotiationSettled(this.#peerConnection, LEAVE_SETTLE_MS);
    const presence = this.#presence;
    this.#presence = undefined;
    this.#abandonPeerConnection();
    presence?.close();
    this.#partyTracks$.next(undefined);
    this.#releaseWarmCapture();
    this.#welcomeIceServers = undefined;
    this.#session.unsubscribe();
    this.#media = new Subscription();
    this.#audioOutput?.dispose();
    this.#audioOutput = undefined;
    this.#audioBlocked$.next(false);
    this.#trackOwners.clear();
    this.#leaveReasons.clear();
    this.#carried.clear();
    clearTimeout(this.#carryTimer);
    clearTimeout(this.#mediaRetryTimer);
    this.#mediaRun += 1;
    this.#mediaFailures = 0;
    this.#mediaState$.next('idle');
    this.#retry$.next(undefined);
    this.#sync.reset(undefined);
    this.#sync.dispose();
    this.#local$.next({
      ...this.#local$.value,
      sessionId: null,
      audio: null,
      video: null,
      screenshare: null,
      screenshareAudio: null,
      screenshareEnabled: false,
      speaking: false,
    });
    this.#selfId$.next(undefined);
    this.#serverRoster = new Map();
    this.#roster$.next(new Map());
    this.#activeSpeaker$.next(null);
    this.#quality$.next(new Map());
    this.#state$.next('disconnected');
    if (wasJoined) this.#events$.next({ type: 'left', reason });
  }

  /** Leaves (if joined) and releases the room's own devices for good. */
  async dispose(): Promise<void> {
    await this.leave();
    this.screenShare.dispose();
    if (this.#ownsMedia) this.media.dispose();
  }
}

function selfRecordOf(wire: WireParticipant): SelfRecord {
  return {
    sessionId: wire.sessionId,
    audio: wire.tracks.audio,
    video: wire.tracks.video,
    screenshare: wire.tracks.screenshare,
    screenshareAudio: wire.tracks.screenshareAudio,
    audioEnabled: wire.audioEnabled,
    videoEnabled: wire.videoEnabled,
    screenshareEnabled: wire.screenshareEnabled,
    speaking: wire.speaking,
  };
}

function refOf(meta: TrackMetadata): TrackRef | null {
  return meta.sessionId && meta.trackName ? { sessionId: meta.sessionId, trackName: meta.trackName } : null;
}
