import { ContextProvider } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BehaviorSubject, merge, type Observable, of, pairwise, Subject, startWith, switchMap } from 'rxjs';
import { CallsError } from '../../core/errors.js';
import { gridLayout } from '../../core/layout.js';
import { LocalMedia } from '../../core/local-media.js';
import type { Participant } from '../../core/participant.js';
import type { ConnectionState } from '../../core/presence-client.js';
import { Room, type RoomEvent } from '../../core/room.js';
import { videoTiles } from '../../core/tiles.js';
import { CallsActiveSpeakerChangeEvent } from '../../events/active-speaker-change.js';
import { CallsAudioResumeRequestEvent } from '../../events/audio-resume-request.js';
import { CallsCameraToggleRequestEvent } from '../../events/camera-toggle-request.js';
import { CallsConnectionChangeEvent } from '../../events/connection-change.js';
import { CallsDeviceLostEvent } from '../../events/device-lost.js';
import { CallsErrorEvent } from '../../events/error.js';
import { CallsJoinRequestEvent } from '../../events/join-request.js';
import { CallsJoinedEvent } from '../../events/joined.js';
import { CallsLeaveRequestEvent } from '../../events/leave-request.js';
import { CallsLeftEvent } from '../../events/left.js';
import { CallsMicToggleRequestEvent } from '../../events/mic-toggle-request.js';
import { CallsParticipantJoinedEvent } from '../../events/participant-joined.js';
import { CallsParticipantLeftEvent } from '../../events/participant-left.js';
import { CallsScreenShareStartedEvent } from '../../events/screen-share-started.js';
import { CallsScreenShareStoppedEvent } from '../../events/screen-share-stopped.js';
import { defineElement } from '../../internal/define.js';
import { translationFor } from '../../internal/i18n.js';
import {
  cameraIcon,
  cameraOffIcon,
  leaveIcon,
  micIcon,
  micOffIcon,
  soundIcon,
} from '../../internal/icons.js';
import { type CallsRoomContext, callsRoomContext } from '../../internal/room-context.js';
import { subscribe } from '../../internal/subscribe.js';
import '../calls-publisher/calls-publisher.js';
import '../calls-tile/calls-tile.js';
import { roomStyles } from './calls-room.styles.js';
import { type RequestTarget, requestMap } from './request-map.js';

/**
 * Give it the `endpoint` of a backend that speaks the calls-elements protocol (the
 * `calls-elements/server` kit, or your own) and a `room` name. With `autojoin` it joins as soon as
 * both are set; otherwise call `join()` (or let its Join button do it). Controls inside it send
 * request events (`calls-mic-toggle-request`, …); the room handles them unless a listener cancels
 * them first. Remote sound plays through one audio sink; when the browser blocks it, a prompt
 * asks for a click.
 *
 * @summary A video and audio room on Cloudflare Calls: joins through your backend, shares the room
 * with the elements inside it, and shows a simple meeting when it has no children.
 *
 * @slot - Your own layout (tiles, publishers, controls). Without children, the room shows a tile
 *   per participant and microphone, camera and leave buttons.
 *
 * @event {CallsJoinedEvent} calls-joined - Joined: `detail` is `{ participantId, room }`, and
 *   `participantId` is you.
 * @event {CallsLeftEvent} calls-left - No longer in the room: `detail.reason` is `left` or the error
 *   code that ended it.
 * @event {CallsParticipantJoinedEvent} calls-participant-joined - Someone else joined:
 *   `detail.participant`.
 * @event {CallsParticipantLeftEvent} calls-participant-left - Someone else left: `detail` is
 *   `{ participant, reason }`, the reason as the backend gave it.
 * @event {CallsActiveSpeakerChangeEvent} calls-active-speaker-change - `detail.participantId` is the
 *   new active speaker, or null.
 * @event {CallsConnectionChangeEvent} calls-connection-change - `detail.state` is `connecting`,
 *   `connected`, `reconnecting` or `disconnected`.
 * @event {CallsErrorEvent} calls-error - Something failed: `detail` is `{ code, message, error }`;
 *   branch on `event.code` (`backend_unreachable`, `camera_denied`, …).
 * @event {CallsJoinRequestEvent} calls-join-request - The Join button (or a control inside) asks to
 *   join; cancel it to stop the join.
 * @event {CallsLeaveRequestEvent} calls-leave-request - The Leave button (or a control inside) asks
 *   to leave; cancel it to stay.
 * @event {CallsMicToggleRequestEvent} calls-mic-toggle-request - The microphone button (or a control
 *   inside) asks to toggle the microphone, or to set it to `detail.enabled`; cancel it to keep it.
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
 * @event {CallsAudioResumeRequestEvent} calls-audio-resume-request - The sound prompt's button (or a
 *   control inside) asks to start the sound the browser blocked.
 *
 * @csspart view - The default view (only without children).
 * @csspart grid - The participant tiles.
 * @csspart tile - Each `<calls-tile>` of the default view.
 * @csspart lobby - The preview shown before joining.
 * @csspart controls - The button bar.
 * @csspart control - Every button in the bar, and the sound prompt's button.
 * @csspart join-button - The Join button.
 * @csspart mic-button - The microphone toggle (`aria-pressed` true while on).
 * @csspart camera-button - The camera toggle.
 * @csspart leave-button - The Leave button.
 * @csspart status - The connection status line.
 * @csspart error - The latest error, shown to the person (role `alert`).
 * @csspart audio-prompt - Asks for a click when the browser blocks sound.
 * @csspart audio-button - The button inside the sound prompt.
 * @csspart announcer - The live region that announces joins and leaves.
 *
 * @cssstate connecting - Joining, before the backend has answered.
 * @cssstate connected - In the room.
 * @cssstate reconnecting - The connection dropped; trying again.
 * @cssstate disconnected - Not in the room (before joining, after leaving or a fatal error).
 *
 * @cssproperty --calls-background - Background of the room.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-muted-foreground - Secondary text.
 * @cssproperty --calls-control-background - Buttons.
 * @cssproperty --calls-control-foreground - Button text and icons.
 * @cssproperty --calls-accent - The Join button, focus rings, avatars.
 * @cssproperty --calls-accent-foreground - Text on the accent color.
 * @cssproperty --calls-danger - Leave, devices that are off, errors.
 * @cssproperty --calls-danger-foreground - Text on the danger color.
 * @cssproperty --calls-gap - Space between tiles and controls.
 * @cssproperty --calls-radius - Corner radius.
 * @cssproperty --calls-font-family - Font.
 * @cssproperty --calls-room-min-height - Minimum height of the default view.
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

  /** The host app's credential for the backend (property only; never an attribute). */
  @property({ attribute: false }) token: string | undefined;

  /** Returns a fresh credential before every (re)connection; wins over `token`. */
  @property({ attribute: false }) getToken:
    | (() => string | undefined | Promise<string | undefined>)
    | undefined;

  @state() private participants: readonly Participant[] = [];
  @state() private connection: ConnectionState = 'disconnected';
  @state() private error: CallsError | undefined;
  @state() private audioBlocked = false;
  @state() private micOn = false;
  @state() private cameraOn = false;
  @state() private announcement = '';
  @state() private hasChildren = false;
  @state() private columns = 1;
  @state() private tileWidth = 0;
  /** The grid's usable box, measured by a ResizeObserver; the layout is computed from it before render. */
  @state() private gridBox: { width: number; height: number; gap: number } | undefined;

  readonly #media = new LocalMedia();
  readonly #room$ = new BehaviorSubject<Room | undefined>(undefined);
  readonly #context: CallsRoomContext = {
    room$: this.#room$.asObservable(),
    media: this.#media,
    handleRequest: (event) => this.#handleRequest(event),
  };
  /** Request events already handed to the request map (one may arrive by bubbling and by context). */
  readonly #handledRequests = new WeakSet<Event>();
  readonly #reported$ = new Subject<CallsError>();
  readonly #requestTarget: RequestTarget = {
    media: this.#media,
    room: () => this.#room$.value,
    report: (error) => this.#reported$.next(error),
    join: () => this.join(),
    leave: () => this.leave(),
    resumeAudio: async () => {
      await this.#room$.value?.resumeAudio();
    },
  };
  readonly #internals: ElementInternals | undefined;
  #joining: Promise<void> | undefined;
  #autojoinTried = false;
  #gridObserver: ResizeObserver | undefined;

  constructor() {
    super();
    new ContextProvider(this, { context: callsRoomContext, initialValue: this.#context });
    this.#internals = this.attachInternals?.();
    const room$ = this.#room$;
    const fromRoom = <T>(pick: (room: Room) => Observable<T>, fallback?: T) =>
      room$.pipe(switchMap((room) => (room ? pick(room) : fallback === undefined ? of() : of(fallback))));

    subscribe(
      this,
      () => fromRoom((room) => room.participants$, [] as readonly Participant[]),
      (people) => {
        this.participants = people;
      },
    );
    subscribe(
      this,
      () => fromRoom((room) => room.events$),
      (event) => this.#onRoomEvent(event),
    );
    subscribe(
      this,
      () =>
        fromRoom((room) => room.connectionState$, 'disconnected' as ConnectionState).pipe(
          startWith('disconnected' as ConnectionState),
          pairwise(),
        ),
      ([before, after]) => {
        this.connection = after;
        this.#setState(after);
        if (before !== after) this.dispatchEvent(new CallsConnectionChangeEvent({ state: after }));
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
      () => fromRoom((room) => room.audioBlocked$, false),
      (blocked) => {
        this.audioBlocked = blocked;
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
        this.error = error;
        this.dispatchEvent(new CallsErrorEvent(error));
      },
    );
    subscribe(
      this,
      () => this.#media.micEnabled$,
      (on) => {
        this.micOn = on;
      },
    );
    subscribe(
      this,
      () => this.#media.cameraEnabled$,
      (on) => {
        this.cameraOn = on;
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

  #handleRequest(event: Event): void {
    const handler = requestMap[event.type];
    const target = this.#requestTarget;
    if (!handler || this.#handledRequests.has(event)) return;
    this.#handledRequests.add(event);
    // Act after the event has reached every listener, so an ancestor may still cancel it.
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      Promise.resolve(handler(target, event as never)).catch(() => {
        // join() failures are reported as calls-error already.
      });
    });
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

  /** Joins the room. Resolves once joined; rejects with a `CallsError` (also sent as `calls-error`). */
  join(): Promise<void> {
    if (this.#joining) return this.#joining;
    if (this.#room$.value) return Promise.resolve();
    this.error = undefined;
    const room = new Room({
      endpoint: this.endpoint,
      room: this.room,
      displayName: this.displayName || undefined,
      token: this.token,
      getToken: this.getToken,
      media: this.#media,
    });
    this.#room$.next(room);
    this.#joining = room.join().then(
      () => {
        this.#joining = undefined;
      },
      (error: unknown) => {
        this.#joining = undefined;
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

  readonly #onWindowResize = () => this.#measureGrid();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#autojoinTried = false;
    window.addEventListener('resize', this.#onWindowResize);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.#onWindowResize);
    this.#gridObserver?.disconnect();
    void this.leave();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('endpoint') || changed.has('room') || changed.has('autojoin'))
      this.#autojoinTried = false;
    if (changed.has('gridBox') || changed.has('participants')) this.#layout();
  }

  protected override updated(): void {
    if (this.autojoin && !this.#autojoinTried && this.isConnected && this.endpoint && this.room) {
      this.#autojoinTried = true;
      // After this update has finished: joining changes state the next render shows.
      queueMicrotask(() => {
        if (!this.#room$.value) this.join().catch(() => undefined);
      });
    }
    this.#observeGrid();
  }

  protected override render() {
    const t = translationFor(this);
    return html`
      <slot @slotchange=${this.#onSlotChange}></slot>
      ${this.hasChildren ? nothing : this.#renderDefaultView()}
      ${this.hasChildren && this.error ? html`<p part="error" role="alert">${t.errors[this.error.code]}</p>` : nothing}
      ${this.hasChildren ? this.#renderAudioPrompt() : nothing}
      <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  #renderDefaultView() {
    const t = translationFor(this);
    const joined = this.connection === 'connected' || this.connection === 'reconnecting';
    const status =
      this.connection === 'connecting'
        ? t.joining
        : this.connection === 'reconnecting'
          ? t.reconnecting
          : joined
            ? ''
            : t.disconnected;
    return html`<div part="view">
      ${this.error ? html`<p part="error" role="alert">${t.errors[this.error.code]}</p>` : nothing}
      ${this.#renderAudioPrompt()}
      ${
        joined
          ? html`<div
              part="grid"
              style="--_columns: ${this.columns}; --_tile-width: ${this.tileWidth > 0 ? `${this.tileWidth}px` : '1fr'}"
            >
              ${videoTiles(this.participants).map(
                ({ participantId, source }) =>
                  html`<calls-tile part="tile" participant-id=${participantId} source=${source}></calls-tile>`,
              )}
            </div>`
          : html`<div part="lobby"><calls-publisher></calls-publisher></div>`
      }
      ${status ? html`<p part="status">${status}</p>` : nothing}
      <div part="controls">
        <button
          part="control mic-button"
          aria-pressed=${this.micOn ? 'true' : 'false'}
          aria-label=${t.toggleMic}
          title=${this.micOn ? t.micOn : t.micOff}
          @click=${() => this.#request(new CallsMicToggleRequestEvent())}
        >
          ${this.micOn ? micIcon : micOffIcon}
        </button>
        <button
          part="control camera-button"
          aria-pressed=${this.cameraOn ? 'true' : 'false'}
          aria-label=${t.toggleCamera}
          title=${this.cameraOn ? t.cameraOn : t.cameraOff}
          @click=${() => this.#request(new CallsCameraToggleRequestEvent())}
        >
          ${this.cameraOn ? cameraIcon : cameraOffIcon}
        </button>
        ${
          joined
            ? html`<button part="control leave-button" @click=${() => this.#request(new CallsLeaveRequestEvent({}))}>
                ${leaveIcon}<span>${t.leave}</span>
              </button>`
            : html`<button
                part="control join-button"
                ?disabled=${this.connection === 'connecting'}
                @click=${() => this.#request(new CallsJoinRequestEvent({}))}
              >
                ${t.join}
              </button>`
        }
      </div>
    </div>`;
  }

  #renderAudioPrompt() {
    if (!this.audioBlocked) return nothing;
    const t = translationFor(this);
    return html`<p part="audio-prompt" role="alert">
      <span>${t.soundBlocked}</span>
      <button part="control audio-button" @click=${() => this.#request(new CallsAudioResumeRequestEvent({}))}>
        ${soundIcon}<span>${t.enableSound}</span>
      </button>
    </p>`;
  }

  /** Default-view controls go through the same request path as any control a host adds. */
  #request(event: Event): void {
    this.renderRoot.querySelector('[part="controls"]')?.dispatchEvent(event) ?? this.dispatchEvent(event);
  }

  #onRoomEvent(event: RoomEvent): void {
    const t = translationFor(this);
    switch (event.type) {
      case 'joined':
        this.announcement = t.youJoined(this.room);
        this.dispatchEvent(new CallsJoinedEvent({ participantId: event.participantId, room: this.room }));
        break;
      case 'left':
        this.announcement = t.youLeft;
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

  #onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this.hasChildren = slot.assignedElements().length > 0;
  }

  #setState(state: ConnectionState): void {
    const states = this.#internals?.states;
    if (!states) return;
    for (const name of ['disconnected', 'connecting', 'connected', 'reconnecting']) states.delete(name);
    try {
      states.add(state);
    } catch {
      // Older engines only accept `--name` custom states; styling by state is optional there.
    }
  }

  #observeGrid(): void {
    const grid = this.renderRoot.querySelector<HTMLElement>('[part="grid"]');
    if (!grid) {
      this.#gridObserver?.disconnect();
      return;
    }
    // Its first callback comes right after observe(), then on every size change.
    this.#gridObserver ??= new ResizeObserver(() => this.#measureGrid());
    this.#gridObserver.observe(grid);
  }

  /** Reads the grid's box from the DOM (in a ResizeObserver callback, never during an update). */
  #measureGrid(): void {
    const grid = this.renderRoot.querySelector<HTMLElement>('[part="grid"]');
    if (!grid) return;
    const gap = Number.parseFloat(getComputedStyle(grid).columnGap) || 0;
    const controls = this.renderRoot.querySelector<HTMLElement>('[part="controls"]')?.offsetHeight ?? 0;
    const top = Math.max(0, grid.getBoundingClientRect().top);
    const visible = window.innerHeight - top - controls - 2 * gap;
    const height = Math.max(120, Math.min(grid.clientHeight || visible, visible));
    const box = { width: grid.clientWidth, height, gap };
    const known = this.gridBox;
    if (!known || known.width !== box.width || known.height !== box.height || known.gap !== box.gap) {
      this.gridBox = box;
    }
  }

  /** Tiles as large as the measured grid allows for the current participants. */
  #layout(): void {
    if (!this.gridBox) return;
    const { width, height, gap } = this.gridBox;
    const layout = gridLayout(videoTiles(this.participants).length, width, height, 16 / 9, gap);
    if (layout.columns > 0) {
      this.columns = layout.columns;
      this.tileWidth = layout.tileWidth;
    }
  }
}

defineElement('calls-room', CallsRoomElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-room': CallsRoomElement;
  }
}
