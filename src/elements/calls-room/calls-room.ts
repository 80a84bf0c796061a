import { ContextProvider } from '@lit/context';
import { html, isServer, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  BehaviorSubject,
  combineLatest,
  distinctUntilChanged,
  map,
  merge,
  type Observable,
  of,
  pairwise,
  Subject,
  startWith,
  switchMap,
} from 'rxjs';
import { CallsError } from '../../core/errors.js';
import { LocalMedia } from '../../core/local-media.js';
import type { Participant } from '../../core/participant.js';
import type { ConnectionState } from '../../core/presence-client.js';
import { Room, type RoomEvent } from '../../core/room.js';
import { CallsActiveSpeakerChangeEvent } from '../../events/active-speaker-change.js';
import { CallsCameraToggleRequestEvent } from '../../events/camera-toggle-request.js';
import { CallsConnectionChangeEvent } from '../../events/connection-change.js';
import { CallsConnectionQualityChangeEvent } from '../../events/connection-quality-change.js';
import { CallsDeviceLostEvent } from '../../events/device-lost.js';
import { CallsErrorEvent } from '../../events/error.js';
import { CallsJoinedEvent } from '../../events/joined.js';
import type { CallsLayout } from '../../events/layout-change.js';
import { CallsLeftEvent } from '../../events/left.js';
import { CallsMicToggleRequestEvent } from '../../events/mic-toggle-request.js';
import { CallsParticipantJoinedEvent } from '../../events/participant-joined.js';
import { CallsParticipantLeftEvent } from '../../events/participant-left.js';
import { CallsRoomChangeEvent } from '../../events/room-change.js';
import { CallsScreenShareStartedEvent } from '../../events/screen-share-started.js';
import { CallsScreenShareStoppedEvent } from '../../events/screen-share-stopped.js';
import { defineElement } from '../../internal/define.js';
import { translationFor } from '../../internal/i18n.js';
import { type CallsRoomContext, callsRoomContext, type RoomStage } from '../../internal/room-context.js';
import { shortcutFor } from '../../internal/shortcuts.js';
import { subscribe } from '../../internal/subscribe.js';
import { roomStyles } from './calls-room.styles.js';
import { loadedDefaultMeeting } from './default-meeting-registry.js';
import { peopleAnnouncements } from './people-announcements.js';
import { type RequestTarget, requestMap } from './request-map.js';

/** What makes a slot count as filled: an element, or text that is not only whitespace. */
const fillsSlot = (node: Node): boolean =>
  node.nodeType === Node.ELEMENT_NODE ||
  (node.nodeType === Node.TEXT_NODE && Boolean(node.textContent?.trim()));

/** Resolves after the current task: late enough for a token a framework sets in its first effect. */
const afterThisTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });

/** The custom states of the room, in groups of which one at a time is set. */
const stateGroups = {
  connection: ['disconnected', 'connecting', 'connected', 'reconnecting'],
  stage: ['lobby', 'call', 'left'],
  content: ['default-meeting'],
} as const;

/**
 * Give it the `endpoint` of a backend that speaks the calls-elements protocol (the
 * `calls-elements/server` kit, or your own) and a `room` name. With `autojoin` it joins as soon as
 * both are set; otherwise call `join()` (or let a `<calls-join-button>` inside do it). It is the
 * controller of the kit: the elements inside it find it by context (elements elsewhere with
 * `room="<its id>"`), show its state, and send request events (`calls-mic-toggle-request`, …) that it
 * handles unless a listener cancels them first. It renders no controls of its own.
 *
 * With no children it shows the default meeting, made of kit elements only: `<calls-lobby>` before
 * joining; `<calls-status>`, `<calls-audio-prompt>`, `<calls-alone-notice>`, `<calls-grid>` (or
 * `<calls-speaker-layout>`, as `layout` says), `<calls-muted-hint>` and `<calls-control-bar>` (with a
 * `<calls-layout-select>`) in the call; `<calls-left-screen>` after leaving. With children, it shows the `lobby` slot before
 * joining and the `left` slot after leaving (each when filled), and the default slot otherwise.
 *
 * Changing `endpoint` or `room` while in a room moves to the new one (`calls-room-change`, then
 * `calls-left` and `calls-joined`). `token` and `getToken` are read when a connection starts, so a
 * token set right after the element is added (a framework's first effect) is used.
 *
 * With `shortcuts` (and always in the default meeting), Ctrl+D (⌘D on a Mac) toggles the microphone and Ctrl+E (⌘E) the camera, except
 * while typing in a field; they go through the same request events as the buttons.
 *
 * @summary A video and audio room on Cloudflare Calls: joins through your backend, shares the room
 * with the kit elements inside it, and shows the default meeting when it has no children.
 *
 * @slot - Your own layout (tiles, publishers, controls), shown in the call (and before joining or
 *   after leaving when the `lobby` / `left` slots are empty).
 * @slot lobby - Shown before joining, e.g. a `<calls-lobby>`.
 * @slot left - Shown after leaving, e.g. a `<calls-left-screen>`.
 *
 * @event {CallsJoinedEvent} calls-joined - Joined: `detail` is `{ participantId, room }`, and
 *   `participantId` is you. It comes before `calls-participant-joined` for the people already there.
 * @event {CallsLeftEvent} calls-left - No longer in the room: `detail.reason` is `left` or the error
 *   code that ended it.
 * @event {CallsRoomChangeEvent} calls-room-change - `endpoint` or `room` changed while in a room:
 *   `detail` is `{ from, to }`; `calls-left` and `calls-joined` follow.
 * @event {CallsParticipantJoinedEvent} calls-participant-joined - Someone else joined (or was there
 *   when you joined): `detail.participant`.
 * @event {CallsParticipantLeftEvent} calls-participant-left - Someone else left: `detail` is
 *   `{ participant, reason }`, the reason as the backend gave it.
 * @event {CallsActiveSpeakerChangeEvent} calls-active-speaker-change - `detail.participantId` is the
 *   new active speaker, or null.
 * @event {CallsConnectionChangeEvent} calls-connection-change - `detail.state` is `connecting`,
 *   `connected`, `reconnecting` or `disconnected`.
 * @event {CallsConnectionQualityChangeEvent} calls-connection-quality-change - Someone's measured
 *   media quality changed: `detail` is `{ participantId, isSelf, quality }` (for yourself, your upload).
 * @event {CallsReconnectRequestEvent} calls-reconnect-request - The banner's "Retry now" (or a
 *   control inside) asks to reconnect at once.
 * @event {CallsErrorEvent} calls-error - Something failed: `detail` is `{ code, message, error }`;
 *   branch on `event.code` (`backend_unreachable`, `camera_denied`, …).
 * @event {CallsMicToggleRequestEvent} calls-mic-toggle-request - Sent by the keyboard shortcut;
 *   handled like a `<calls-mic-button>` press.
 * @event {CallsCameraToggleRequestEvent} calls-camera-toggle-request - The same for the camera.
 * @event {CallsScreenShareStartedEvent} calls-screen-share-started - Someone started sharing a screen:
 *   `detail` is `{ participantId, isSelf }`.
 * @event {CallsScreenShareStoppedEvent} calls-screen-share-stopped - A screen share ended (stopped, or
 *   the browser's own "Stop sharing", or its sharer left): `detail` is `{ participantId, isSelf }`.
 * @event {CallsDeviceLostEvent} calls-device-lost - The chosen camera, microphone or speaker went away
 *   while in use; the room fell back to the default. `detail` is `{ code: 'device_lost', kind, lost }`.
 * @event {CallsScreenShareToggleRequestEvent} calls-screen-share-toggle-request - A control asks to
 *   start or stop sharing your screen (`detail.enabled`); cancel it to leave sharing as it is.
 * @event {CallsDeviceSelectRequestEvent} calls-device-select-request - A control asks to use another
 *   device: `detail` is `{ kind, deviceId }`; cancel it to keep the device in use.
 * @event {CallsPinRequestEvent} calls-pin-request - A tile's pin button (or a control inside) asks to
 *   pin or unpin someone for you: `detail` is `{ participantId, pinned }`; cancel it to keep the pin.
 * @event {CallsLayoutChangeEvent} calls-layout-change - A `<calls-layout-select>` asks for another
 *   layout (`detail.layout`); the room sets `layout` unless a listener cancels it.
 * @event {CallsAudioResumeRequestEvent} calls-audio-resume-request - The sound prompt's button (or a
 *   control inside) asks to start the sound the browser blocked.
 *
 * @csspart announcer - The live region (polite) that announces joins and leaves, and someone else's camera
 *   going off or connection dropping.
 * @csspart status - The default meeting's `<calls-status>`.
 * @csspart audio-prompt - The default meeting's `<calls-audio-prompt>`.
 * @csspart banner - The default meeting's `<calls-connection-banner>`, over its tiles.
 * @csspart lobby - The default meeting's `<calls-lobby>`.
 * @csspart joining - The default meeting's `<calls-status>` ("Joining…") in place of the lobby, when `join()` was
 *   called before the lobby was ever shown (a page that joins by itself gets no flash of a lobby).
 * @csspart alone-notice - The default meeting's `<calls-alone-notice>` (while nobody else is in the call).
 * @csspart grid - The default meeting's `<calls-grid>` (while `layout` is `grid`).
 * @csspart speaker-layout - The default meeting's `<calls-speaker-layout>` (while `layout` is `speaker`).
 * @csspart muted-hint - The default meeting's `<calls-muted-hint>`.
 * @csspart control-bar - The default meeting's `<calls-control-bar>`.
 * @csspart people - The default meeting's `<calls-participant-list>`, a side panel its participants button opens.
 * @csspart chat - The default meeting's `<calls-chat>`, a side panel its chat button opens.
 * @csspart toasts - The default meeting's `<calls-toasts>`.
 * @csspart left-screen - The default meeting's `<calls-left-screen>`.
 * @csspart tile - Each tile of the default meeting's grid (re-exported from it, as are the parts below).
 * @csspart tile-base - Each tile's frame; outlined while its participant speaks.
 * @csspart tile-video - Each tile's `<video>`.
 * @csspart tile-placeholder - Each tile's placeholder (camera off, or no picture yet).
 * @csspart tile-initials - The initials in a tile's placeholder.
 * @csspart tile-spinner - The spinner in a tile's placeholder.
 * @csspart tile-status - A tile's "Reconnecting".
 * @csspart tile-label - Each tile's name tag.
 * @csspart tile-name - Each tile's participant name.
 * @csspart tile-muted-indicator - Each tile's muted icon.
 * @csspart tile-quality - Each tile's network-quality bars.
 * @csspart tile-overlay - Each tile's `<calls-tile-overlay>`.
 * @csspart tile-hand - Each tile's raised-hand badge.
 * @csspart tile-reaction - Each tile's reactions.
 * @csspart self-view - Your own tile as the grid's picture-in-picture in a phone held upright.
 * @csspart pagination - The grid's page controls.
 * @csspart page-button - The grid's previous and next page buttons.
 * @csspart control - The native button of every control in the control bar.
 * @csspart mic-button - The microphone button's native button.
 * @csspart camera-button - The camera button's native button.
 * @csspart screen-share-button - The screen-share button's native button.
 * @csspart hand-button - The raise-hand button's native button.
 * @csspart reactions-button - The reactions button's native button.
 * @csspart participants-button - The participants button's native button.
 * @csspart chat-button - The chat button's native button.
 * @csspart settings-button - The settings button's native button.
 * @csspart leave-button - The leave button's native button.
 *
 * @cssstate connecting - Joining, before the backend has answered.
 * @cssstate connected - In the room.
 * @cssstate reconnecting - The connection dropped; trying again.
 * @cssstate disconnected - Not in the room (before joining, after leaving or a fatal error).
 * @cssstate lobby - Before joining (and while joining).
 * @cssstate call - In the call.
 * @cssstate left - After leaving, until joining again.
 * @cssstate default-meeting - It has no children and shows the default meeting.
 *
 * @cssproperty --calls-background - Background of the room.
 * @cssproperty --calls-surface - The base colour: the background, and the tiles' and controls' backgrounds derived from
 *   it (set `--calls-foreground` with it when it changes from light to dark).
 * @cssproperty --calls-density - A factor on every gap (default 1; 0.75 compact, 1.25 roomy).
 * @cssproperty --calls-color-scheme - `light` or `dark` fixes the colours of every element inside (inherited, so it can be set on any ancestor; a `color-scheme="light|dark"` attribute on any kit element does the same). By default they follow the visitor's `prefers-color-scheme`.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-gap - Space between the pieces of the default meeting.
 * @cssproperty --calls-radius - Corner radius.
 * @cssproperty --calls-font-family - Font.
 * @cssproperty --calls-room-min-height - Minimum height of the default meeting.
 */
export class CallsRoomElement extends LitElement {
  static override styles = roomStyles;

  /** URL prefix of the backend, e.g. `/calls` or `https://api.example.com/calls`. */
  @property() endpoint = '';

  /** The room to join: 1–64 of `A–Z a–z 0–9 . _ -`, starting with a letter or digit. */
  @property() room = '';

  /** Your name, when the backend lets people choose it (anonymous rooms). */
  @property({ attribute: 'display-name' }) displayName = '';

  /** Join as soon as `endpoint` and `room` are set. */
  @property({ type: Boolean }) autojoin = false;

  /**
   * Ctrl+D / ⌘D toggles the microphone, Ctrl+E / ⌘E the camera (not while typing in a field). Always
   * on while the room shows the default meeting.
   */
  @property({ type: Boolean }) shortcuts = false;

  /**
   * How the default meeting lays out the tiles: `grid` (everyone, page by page) or `speaker` (one
   * large, the others in a filmstrip). A `<calls-layout-select>` inside sets it; reflected.
   */
  @property({ reflect: true }) layout: CallsLayout = 'grid';

  /** The host app's credential for the backend (property only; never an attribute). */
  @property({ attribute: false }) token: string | undefined;

  /** Returns a fresh credential before every (re)connection; wins over `token`. */
  @property({ attribute: false }) getToken:
    | (() => string | undefined | Promise<string | undefined>)
    | undefined;

  @state() private stage: RoomStage = 'lobby';
  @state() private announcement = '';
  @state() private hasChildren = false;
  @state() private filledSlots: ReadonlySet<string> = new Set();
  /** A join is under way that started before the default meeting ever showed its lobby. */
  @state() private joiningUnseen = false;
  /** Whether the default meeting has shown its lobby (then a join keeps it on screen while joining). */
  #lobbyShown = false;

  readonly #media = new LocalMedia();
  readonly #room$ = new BehaviorSubject<Room | undefined>(undefined);
  readonly #leftReason$ = new BehaviorSubject<'left' | CallsError['code'] | undefined>(undefined);
  readonly #error$ = new BehaviorSubject<CallsError | undefined>(undefined);
  /** True while moving to another room (`endpoint` / `room` changed in a call): still the call stage. */
  readonly #moving$ = new BehaviorSubject(false);
  readonly #stage$: Observable<RoomStage> = combineLatest([
    this.#room$.pipe(switchMap((room) => (room ? room.connectionState$ : of('disconnected' as const)))),
    this.#leftReason$,
    this.#moving$,
  ]).pipe(
    map(
      ([connection, left, moving]): RoomStage =>
        connection === 'connected' || connection === 'reconnecting' || moving
          ? 'call'
          : left
            ? 'left'
            : 'lobby',
    ),
    distinctUntilChanged(),
  );
  readonly #shortcutsOn$ = new BehaviorSubject(false);
  /** This viewer's pin: kept here, never sent to the room. */
  readonly #pinned$ = new BehaviorSubject<string | null>(null);
  readonly #layout$ = new BehaviorSubject<CallsLayout>('grid');
  readonly #context: CallsRoomContext = {
    room$: this.#room$.asObservable(),
    media: this.#media,
    stage$: this.#stage$,
    leftReason$: this.#leftReason$.asObservable(),
    error$: this.#error$.asObservable(),
    shortcuts$: this.#shortcutsOn$.pipe(distinctUntilChanged()),
    pinned$: this.#pinned$.pipe(distinctUntilChanged()),
    layout$: this.#layout$.pipe(distinctUntilChanged()),
    handleRequest: (event) => this.#handleRequest(event),
  };
  /** Request events already handed to the request map (one may arrive by bubbling and by context). */
  readonly #handledRequests = new WeakSet<Event>();
  readonly #reported$ = new Subject<CallsError>();
  readonly #requestTarget: RequestTarget = {
    media: this.#media,
    join: (options) => this.join(options),
    report: (error) => this.#reported$.next(error),
    leave: () => this.leave(),
    resumeAudio: async () => {
      await this.#room$.value?.resumeAudio();
    },
    room: () => this.#room$.value,
    pin: (participantId, pinned) => {
      if (pinned) this.#pinned$.next(participantId);
      else if (this.#pinned$.value === participantId) this.#pinned$.next(null);
    },
    setLayout: (layout) => {
      if (layout === 'grid' || layout === 'speaker') this.layout = layout;
      else
        this.#reported$.next(
          new CallsError('invalid_options', `Unknown layout "${layout}": use grid or speaker.`),
        );
    },
    reconnect: () => {
      const room = this.#room$.value;
      if (room) room.reconnectNow();
      else this.join().catch(() => undefined);
    },
  };
  readonly #internals: ElementInternals | undefined;
  #joining: Promise<void> | undefined;
  #autojoinTried = false;
  /** Where the current room was joined, to notice `endpoint` / `room` changes while in it. */
  #joinedAt: { endpoint: string; room: string } | undefined;
  /** People already in the room when we joined, announced only after our own `calls-joined`. */
  #beforeJoined: RoomEvent[] | undefined;
  /** Set when this room had to load the default meeting's module (a page without the whole kit). */
  #meetingLoading: Promise<void> | undefined;

  constructor() {
    super();
    new ContextProvider(this, { context: callsRoomContext, initialValue: this.#context });
    this.#internals = this.attachInternals?.();
    this.#setStates('content', 'default-meeting');
    const room$ = this.#room$;
    const fromRoom = <T>(pick: (room: Room) => Observable<T>, fallback?: T) =>
      room$.pipe(switchMap((room) => (room ? pick(room) : fallback === undefined ? of() : of(fallback))));

    subscribe(
      this,
      () =>
        room$.pipe(switchMap((room) => (room ? room.events$.pipe(map((event) => ({ room, event }))) : of()))),
      ({ room, event }) => this.#onRoomEvent(room, event),
    );
    subscribe(
      this,
      () =>
        fromRoom((room) => room.connectionState$, 'disconnected' as ConnectionState).pipe(
          startWith('disconnected' as ConnectionState),
          pairwise(),
        ),
      ([before, after]) => {
        this.#setStates('connection', after);
        if (before !== after) this.dispatchEvent(new CallsConnectionChangeEvent({ state: after }));
      },
    );
    subscribe(
      this,
      () => this.#stage$,
      (stage) => {
        this.stage = stage;
        this.#setStates('stage', stage);
      },
    );
    subscribe(
      this,
      () => fromRoom((room) => room.activeSpeaker$, null as string | null).pipe(startWith(null), pairwise()),
      ([before, after]) => {
        if (before !== after) this.dispatchEvent(new CallsActiveSpeakerChangeEvent({ participantId: after }));
      },
    );
    subscribe(
      this,
      () =>
        fromRoom((room) => room.participants$, [] as readonly Participant[]).pipe(
          startWith([] as readonly Participant[]),
          pairwise(),
        ),
      ([before, after]) => {
        const said = peopleAnnouncements(before, after, translationFor(this));
        if (said.length > 0) this.announcement = said.join('. ');
      },
    );
    subscribe(
      this,
      () =>
        merge(
          this.#media.errors$,
          this.#reported$,
          fromRoom((room) => room.errors$),
        ),
      (error) => {
        this.#error$.next(error);
        this.dispatchEvent(new CallsErrorEvent(error));
      },
    );

    subscribe(
      this,
      () => this.#media.deviceNotices$,
      (notice) => this.dispatchEvent(new CallsDeviceLostEvent(notice)),
    );

    for (const type of Object.keys(requestMap)) {
      this.addEventListener(type, (event) => this.#handleRequest(event));
    }
  }

  /** What this room shares with the elements inside it (also used by `room="<id>"` opt-ins). */
  get roomContext(): CallsRoomContext {
    return this.#context;
  }

  /** The room model while joined or joining (the `calls-elements/core` `Room`). */
  get model(): Room | undefined {
    return this.#room$.value;
  }

  /** The camera and microphone this room publishes. */
  get media(): LocalMedia {
    return this.#media;
  }

  /**
   * Joins the room (as `options.displayName` when given). Resolves once joined; rejects with a
   * `CallsError` (also sent as `calls-error`).
   */
  join(options: { displayName?: string } = {}): Promise<void> {
    if (this.#joining) return this.#joining;
    if (this.#room$.value) return Promise.resolve();
    if (options.displayName !== undefined) this.displayName = options.displayName;
    this.#error$.next(undefined);
    const joinedAt = { endpoint: this.endpoint, room: this.room };
    const room = new Room({
      endpoint: joinedAt.endpoint,
      room: joinedAt.room,
      displayName: this.displayName || undefined,
      // Read when a connection starts (and renews), not now: a token set after this call still counts.
      getToken: () => (this.getToken ? this.getToken() : this.token),
      media: this.#media,
    });
    this.#joinedAt = joinedAt;
    this.#beforeJoined = [];
    this.#room$.next(room);
    // Rendering a lobby nobody has seen, only to replace it with the call a moment later, would sit in
    // this task on the way to the first frame (and flash on screen): "Joining…" stands in for it.
    this.joiningUnseen = !this.#lobbyShown;
    this.#joining = room.join().then(
      () => {
        this.#joining = undefined;
        this.joiningUnseen = false;
      },
      (error: unknown) => {
        this.#joining = undefined;
        // The lobby, with the error, so the person can try again.
        this.joiningUnseen = false;
        if (this.#room$.value === room) this.#room$.next(undefined);
        throw error instanceof CallsError ? error : new CallsError('backend_unreachable', String(error));
      },
    );
    return this.#joining;
  }

  /** Leaves the room and releases the camera and microphone (unless a preview still shows them). */
  async leave(): Promise<void> {
    const room = this.#room$.value;
    if (!room) return;
    await room.leave();
    if (this.#room$.value === room) this.#room$.next(undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#autojoinTried = false;
    document.addEventListener('keydown', this.#onKeyDown);
    this.#media.watchDevices();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKeyDown);
    // The device listeners live on navigator objects: left running, they keep a removed room alive.
    this.#media.stopWatchingDevices();
    void this.leave();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#shortcutsOn$.next(this.shortcuts || !this.hasChildren);
    if (changed.has('layout')) this.#layout$.next(this.layout === 'speaker' ? 'speaker' : 'grid');
    if (changed.has('endpoint') || changed.has('room') || changed.has('autojoin'))
      this.#autojoinTried = false;
    if ((changed.has('endpoint') || changed.has('room')) && this.#joinedAt && this.#room$.value) {
      const to = { endpoint: this.endpoint, room: this.room };
      if (to.endpoint !== this.#joinedAt.endpoint || to.room !== this.#joinedAt.room) {
        void this.#moveTo(this.#joinedAt, to);
      }
    }
  }

  protected override updated(): void {
    if (this.autojoin && !this.#autojoinTried && this.isConnected && this.endpoint && this.room) {
      this.#autojoinTried = true;
      // Not before the current task ends: a framework may still set `token` in its first effect,
      // and joining changes state that the next render shows.
      void afterThisTask().then(() => {
        if (this.isConnected && !this.#room$.value) this.join().catch(() => undefined);
      });
    }
  }

  protected override render() {
    // Read on every render (not only for announcements) so the host follows its `lang`: a
    // right-to-left language sets its `dir`, and a `lang` change re-renders it.
    translationFor(this);
    return html`
      <slot name="lobby" ?hidden=${!this.#showsSlot('lobby')} @slotchange=${this.#onSlotChange}></slot>
      <slot name="left" ?hidden=${!this.#showsSlot('left')} @slotchange=${this.#onSlotChange}></slot>
      <slot ?hidden=${!this.#showsSlot('')} @slotchange=${this.#onSlotChange}></slot>
      ${this.hasChildren ? nothing : this.#renderDefaultMeeting()}
      <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  /**
   * The default meeting, or nothing until its module has loaded (at once where the page loaded the
   * whole kit, as the script-tag bundle does; see default-meeting-registry.ts).
   */
  #renderDefaultMeeting() {
    const template = loadedDefaultMeeting();
    if (template) {
      const joining = this.stage === 'lobby' && this.joiningUnseen;
      if (this.stage === 'lobby' && !joining) this.#lobbyShown = true;
      return template(this.stage, this.layout, joining);
    }
    // Not for a room whose children its slots are about to show (the first render comes before the
    // slots report them), nor on a server, where only what was imported up front can render.
    if (isServer || this.#fillsASlot()) return nothing;
    this.#meetingLoading ??= import('./default-meeting-template.js').then(
      () => this.requestUpdate(),
      // The module comes from where the page loaded the widget: not reaching it is a network failure.
      (error: unknown) =>
        this.#reported$.next(
          new CallsError('backend_unreachable', `Could not load the default meeting: ${String(error)}`, {
            cause: error,
          }),
        ),
    );
    return nothing;
  }

  /** Whether the light DOM holds something for a slot of the room (what `#onSlotChange` counts). */
  #fillsASlot(): boolean {
    return [...this.childNodes].some(
      (node) =>
        fillsSlot(node) &&
        ['', 'lobby', 'left'].includes(node instanceof Element ? (node.getAttribute('slot') ?? '') : ''),
    );
  }

  /** Also waits for the default meeting's first render when its module is still loading. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.#meetingLoading) return done;
    await this.#meetingLoading;
    return super.getUpdateComplete();
  }

  /** Which slot shows now: a stage's own slot when filled, else the default slot. */
  #showsSlot(name: '' | 'lobby' | 'left'): boolean {
    const own = this.stage === 'call' ? '' : this.stage;
    const showing = own && this.filledSlots.has(own) ? own : '';
    return name === showing;
  }

  #onSlotChange(): void {
    const filled = new Set<string>();
    for (const slot of this.renderRoot.querySelectorAll('slot')) {
      if (slot.assignedNodes().some(fillsSlot)) filled.add(slot.name);
    }
    this.filledSlots = filled;
    this.hasChildren = filled.size > 0;
    this.#setStates('content', this.hasChildren ? '' : 'default-meeting');
  }

  #handleRequest(event: Event): void {
    const handler = requestMap[event.type];
    if (!handler || this.#handledRequests.has(event)) return;
    this.#handledRequests.add(event);
    // Act after the event has reached every listener, so an ancestor may still cancel it.
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      Promise.resolve(handler(this.#requestTarget, event as never)).catch(() => {
        // join() failures are reported as calls-error already.
      });
    });
  }

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (!this.#shortcutsOn$.value || event.defaultPrevented) return;
    const action = shortcutFor(event);
    if (!action) return;
    // The browser's own Ctrl+D (bookmark) / Ctrl+E (search) must not fire as well.
    event.preventDefault();
    const media = this.#media;
    const request =
      action === 'mic'
        ? new CallsMicToggleRequestEvent({ enabled: !media.micEnabled })
        : new CallsCameraToggleRequestEvent({ enabled: !media.cameraEnabled });
    this.dispatchEvent(request);
  };

  /** `endpoint` or `room` changed while in a room: leave it and join the new one. */
  async #moveTo(
    from: { endpoint: string; room: string },
    to: { endpoint: string; room: string },
  ): Promise<void> {
    this.#joinedAt = to;
    this.dispatchEvent(new CallsRoomChangeEvent({ from, to }));
    this.#moving$.next(true);
    try {
      const room = this.#room$.value;
      await this.#joining?.catch(() => undefined);
      if (room) await room.leave();
      if (this.#room$.value === room) this.#room$.next(undefined);
      // A later change may have moved on again (or the element left the page) while leaving.
      if (!this.isConnected || this.endpoint !== to.endpoint || this.room !== to.room) return;
      if (!this.#room$.value) await this.join().catch(() => undefined);
    } finally {
      this.#moving$.next(false);
    }
  }

  #onRoomEvent(room: Room, event: RoomEvent): void {
    if (room !== this.#room$.value) return;
    // People already there come in the welcome, before our own join completes: hold them back.
    if (event.type === 'participant-joined' && this.#beforeJoined) {
      this.#beforeJoined.push(event);
      return;
    }
    const t = translationFor(this);
    switch (event.type) {
      case 'joined': {
        this.announcement = t.youJoined(this.room);
        this.#leftReason$.next(undefined);
        this.dispatchEvent(new CallsJoinedEvent({ participantId: event.participantId, room: this.room }));
        const waiting = this.#beforeJoined ?? [];
        this.#beforeJoined = undefined;
        for (const held of waiting) this.#onRoomEvent(room, held);
        break;
      }
      case 'left':
        this.announcement = t.youLeft;
        this.#beforeJoined = undefined;
        this.#leftReason$.next(event.reason);
        this.dispatchEvent(new CallsLeftEvent({ reason: event.reason }));
        if (event.reason !== 'left') this.#room$.next(undefined);
        break;
      case 'participant-joined':
        this.announcement = t.participantJoined(event.participant.name);
        this.dispatchEvent(new CallsParticipantJoinedEvent({ participant: event.participant }));
        break;
      case 'participant-left':
        this.announcement = t.participantLeft(event.participant.name);
        this.dispatchEvent(
          new CallsParticipantLeftEvent({ participant: event.participant, reason: event.reason }),
        );
        break;
      case 'quality-change':
        this.dispatchEvent(
          new CallsConnectionQualityChangeEvent({
            participantId: event.participantId,
            isSelf: event.isSelf,
            quality: event.quality,
          }),
        );
        break;
      case 'screen-share-started':
        this.dispatchEvent(
          new CallsScreenShareStartedEvent({ participantId: event.participantId, isSelf: event.isSelf }),
        );
        break;
      case 'screen-share-stopped':
        this.dispatchEvent(
          new CallsScreenShareStoppedEvent({ participantId: event.participantId, isSelf: event.isSelf }),
        );
        break;
    }
  }

  #setStates(group: keyof typeof stateGroups, value: string): void {
    const states = this.#internals?.states;
    if (!states) return;
    for (const name of stateGroups[group]) states.delete(name);
    try {
      if (value) states.add(value);
    } catch {
      // Older engines only accept `--name` custom states; styling by state is optional there.
    }
  }
}

defineElement('calls-room', CallsRoomElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-room': CallsRoomElement;
  }
}
