import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BehaviorSubject, combineLatest, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';
import { chooseLayer } from '../../core/layout.js';
import { initialsOf, type Participant } from '../../core/participant.js';
import type { ConnectionQuality } from '../../core/quality.js';
import type { VideoSource } from '../../core/room.js';
import { defineElement } from '../../internal/define.js';
import { languageOf, type Translation, translationFor } from '../../internal/i18n.js';
import { micOffIcon } from '../../internal/icons.js';
import { RoomConsumer } from '../../internal/room-consumer.js';
import { subscribe } from '../../internal/subscribe.js';
import { releaseVideo, showTrack } from '../../internal/video.js';
import { VisibilityController } from '../../internal/visibility.js';
import '../calls-tile-overlay/calls-tile-overlay.js';
import { tileStyles } from './calls-tile.styles.js';

/** Publishers capture 1280 px wide by default; layer choice assumes that for remote cameras. */
const ASSUMED_CAPTURE_WIDTH = 1280;

/** "Ada, Microphone off, Camera off": the language's own list separator (`、`, `،`, …). */
const listFormats = new Map<string, Intl.ListFormat>();
function listIn(language: string, items: string[]): string {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(language, { type: 'unit', style: 'short' });
    listFormats.set(language, format);
  }
  return format.format(items);
}

/**
 * The tile pulls the participant's video from the SFU only while it is visible on screen
 * (scrolled away, hidden or paged out, it pulls nothing) and asks for the simulcast layer that
 * fits its size. Sound does not play here: the room plays everyone through one audio sink. Place
 * it inside a `<calls-room>`, or anywhere with `room="<id of a calls-room>"`.
 *
 * A layout makes it `compact` for someone without a camera: a short tile with their initials,
 * name and microphone state, a ring round the initials while they speak, and no video pulled.
 *
 * While their camera is on but no picture has arrived yet (the pull is starting, or the call is
 * recovering from a lost connection), the tile shows their initials with a spinner instead of an
 * empty box. The quality indicator shows how well their media reaches you, measured from the
 * connection's statistics (for yourself: how well yours reaches the SFU).
 *
 * Its accessible name says who it is and what they send ("Ada, Microphone off, Camera off", with a
 * raised hand or a lost connection added), as its own `aria-label` unless the page set one. It is a
 * `role="group"` unless it already has a role (`<calls-grid>` makes its tiles list items).
 *
 * @summary One participant of a room: their camera, name, network quality, and muted and speaking
 * indicators, with their initials while their camera is off or its picture is on its way.
 *
 * @csspart base - The frame; outlined while the participant speaks.
 * @csspart video - The `<video>` element.
 * @csspart placeholder - Shown instead of video while the camera is off or no picture has arrived.
 * @csspart initials - The initials inside the placeholder.
 * @csspart spinner - Turns inside the placeholder while waiting for their picture (still under `prefers-reduced-motion`).
 * @csspart status - "Reconnecting" under the spinner while their connection is lost.
 * @csspart label - The name tag.
 * @csspart name - The participant's name.
 * @csspart muted-indicator - The icon shown while their microphone is off.
 * @csspart overlay - The `<calls-tile-overlay>` with their raised hand and reactions.
 * @csspart hand - The overlay's raised-hand badge (re-exported).
 * @csspart reaction - Each of the overlay's reactions (re-exported).
 * @csspart quality - The network-quality bars (`data-quality` is the level; its label says it).
 *
 * @cssproperty --calls-tile-background - Behind the video and placeholder.
 * @cssproperty --calls-tile-aspect-ratio - Width / height of the tile.
 * @cssproperty --calls-video-fit - `object-fit` of the video.
 * @cssproperty --calls-speaking-color - Outline while speaking (and a compact tile's ring).
 * @cssproperty --calls-compact-tile-height - Height of a compact tile (default 56px; a layout may set its own).
 * @cssproperty --calls-avatar-background - Behind the initials.
 * @cssproperty --calls-avatar-foreground - The initials.
 * @cssproperty --calls-accent - Behind the initials, unless `--calls-avatar-background` is set.
 * @cssproperty --calls-accent-foreground - The initials, unless `--calls-avatar-foreground` is set.
 * @cssproperty --calls-label-background - Behind the name tag.
 * @cssproperty --calls-label-foreground - The name tag text.
 * @cssproperty --calls-muted-indicator-color - The muted icon.
 * @cssproperty --calls-danger - The muted icon of a compact tile, unless `--calls-muted-indicator-color` is set.
 * @cssproperty --calls-quality-good-color - Quality bars while excellent or good.
 * @cssproperty --calls-quality-poor-color - Quality bars while poor (over 3 % loss).
 * @cssproperty --calls-quality-bad-color - Quality bars while bad (over 5 % loss) or lost.
 * @cssproperty --calls-muted-foreground - The "Reconnecting" status under the spinner.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 * @cssproperty --calls-radius - Corner radius.
 */
export class CallsTileElement extends LitElement {
  static override styles = tileStyles;

  /** The participant to show (`Participant.id` from the room). */
  @property({ attribute: 'participant-id' }) participantId = '';

  /** `camera`, or `screen` for the screen the participant shares (one full-size layer, never mirrored). */
  @property({ reflect: true }) source: VideoSource = 'camera';

  /** Id of the `<calls-room>` this tile belongs to, when it is not inside one. */
  @property({ reflect: true }) room?: string;

  /** Their microphone is off. Kept up to date by the tile and reflected, for `calls-tile[muted]` styles. */
  @property({ type: Boolean, reflect: true }) muted = false;

  /** They are speaking now. Kept up to date by the tile and reflected, for `calls-tile[speaking]` styles. */
  @property({ type: Boolean, reflect: true }) speaking = false;

  /**
   * Their camera is on but its picture has not arrived. Kept up to date by the tile and reflected,
   * for `calls-tile[waiting]` styles.
   */
  @property({ type: Boolean, reflect: true }) waiting = false;

  /**
   * Show them as a compact tile (their initials, name and microphone, with a ring while they speak)
   * that pulls no video: set by a layout for someone without a camera, reflected.
   */
  @property({ type: Boolean, reflect: true }) compact = false;

  /**
   * How well their media reaches you: `excellent`, `good`, `poor`, `bad`, `lost` or `unknown`.
   * Kept up to date by the tile and reflected, for `calls-tile[quality='bad']` styles.
   */
  @property({ reflect: true }) quality: ConnectionQuality = 'unknown';

  @state() private participant: Participant | undefined;
  @state() private track: MediaStreamTrack | undefined;
  /** The track whose first frame the `<video>` has shown. */
  @state() private pictureOf: MediaStreamTrack | undefined;

  readonly #consumer = new RoomConsumer(this);
  readonly #visibility = new VisibilityController(this);
  readonly #participantId$ = new BehaviorSubject('');
  readonly #source$ = new BehaviorSubject<VideoSource>('camera');
  readonly #compact$ = new BehaviorSubject(false);
  /** The aria-label this tile gave itself; any other value is the page's and is kept. */
  #ownLabel: string | null = null;

  constructor() {
    super();
    const room$ = this.#consumer.room$;
    subscribe(
      this,
      () =>
        combineLatest([room$, this.#participantId$]).pipe(
          switchMap(([room, id]) => (room && id ? room.participant$(id) : of(undefined))),
        ),
      (participant) => {
        this.participant = participant;
        this.muted = participant ? !participant.audioEnabled : false;
        this.speaking = participant?.speaking ?? false;
        this.quality = participant?.quality ?? 'unknown';
      },
    );
    // Wait for a measured size, so the first pull already asks for the right layer.
    const preferredRid$ = this.#visibility.width$.pipe(
      filter((width) => width > 0),
      map((width) => chooseLayer(width, ASSUMED_CAPTURE_WIDTH)),
      distinctUntilChanged(),
    );
    subscribe(
      this,
      () =>
        combineLatest([
          room$,
          this.#participantId$,
          this.#visibility.visible$,
          this.#source$,
          this.#compact$,
        ]).pipe(
          switchMap(([room, id, visible, source, compact]) =>
            room && id && visible && !compact ? room.video$(id, preferredRid$, source) : of(undefined),
          ),
        ),
      (track) => {
        this.track = track;
      },
    );
  }

  /** The `<video>` this tile renders into (for tests and advanced styling hooks). */
  get videoElement(): HTMLVideoElement | null {
    return this.renderRoot.querySelector('video');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('participantId')) this.#participantId$.next(this.participantId);
    if (changed.has('source')) this.#source$.next(this.source === 'screen' ? 'screen' : 'camera');
    if (changed.has('room')) this.#consumer.refresh();
    if (changed.has('compact')) this.#compact$.next(this.compact);
    const person = this.participant;
    this.waiting = Boolean(
      !this.compact &&
        person?.videoEnabled &&
        (person.connection === 'reconnecting' || !this.track || this.pictureOf !== this.track),
    );
  }

  /** The `<video>` shows a frame of its current track (`loadeddata`, and `resize` on a new track). */
  readonly #onPicture = (event: Event) => {
    const video = event.currentTarget as HTMLVideoElement;
    if (video.videoWidth > 0) this.pictureOf = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The pull stops with the subscription and starts again on reconnect; meanwhile the detached
    // <video> must not hold the track.
    releaseVideo(this.videoElement);
    this.track = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Named as a whole ("Ada, Microphone off, Camera off"): a group on its own; a layout makes it a
    // list item by giving it `role="listitem"` first.
    if (!this.hasAttribute('role')) this.setAttribute('role', 'group');
  }

  protected override updated(): void {
    showTrack(this, this.videoElement, this.track);
    const label = this.#accessibleName(translationFor(this));
    const current = this.getAttribute('aria-label');
    if (current !== null && current !== this.#ownLabel) return;
    this.#ownLabel = label;
    if (label) this.setAttribute('aria-label', label);
    else this.removeAttribute('aria-label');
  }

  /** Who this is and what they send, with a raised hand or a lost connection: what a screen reader says for the tile. */
  #accessibleName(t: Translation): string | null {
    const person = this.participant;
    if (!person) return null;
    const name = person.isSelf ? t.you(person.name) : person.name;
    if (this.source === 'screen') return t.participantScreen(name);
    const items = [
      name,
      person.audioEnabled ? t.micOn : t.micOff,
      person.videoEnabled ? t.cameraOn : t.cameraOff,
    ];
    if (person.handOrder) items.push(t.handRaised(person.handOrder));
    if (person.connection === 'reconnecting') items.push(t.participantReconnecting);
    return listIn(languageOf(this), items);
  }

  protected override render() {
    const t = translationFor(this);
    const person = this.participant;
    const name = person ? (person.isSelf ? t.you(person.name) : person.name) : '';
    // The <video> stays in place while waiting (it must decode to end the wait); the placeholder
    // covers it until its first frame.
    const screen = this.source === 'screen';
    const showVideo = Boolean((screen ? person?.screenshareEnabled : person?.videoEnabled) && this.track);
    const reconnecting = person?.connection === 'reconnecting';
    const videoLabel =
      person &&
      (screen ? t.participantScreen(name) : person.isSelf ? t.selfView : t.participantVideo(person.name));
    return html`<div part="base">
      <video
        part="video"
        class=${person?.isSelf && !screen ? 'mirrored' : ''}
        autoplay
        muted
        playsinline
        ?hidden=${!showVideo}
        aria-label=${videoLabel || nothing}
        @loadeddata=${this.#onPicture}
        @resize=${this.#onPicture}
      ></video>
      <div part="placeholder" ?hidden=${showVideo && !this.waiting}>
        ${person ? html`<span part="initials" aria-hidden="true">${initialsOf(person.name)}</span>` : nothing}
        ${
          this.waiting
            ? html`<span part="spinner" role="img" aria-label=${t.waitingForVideo}></span>
                ${reconnecting ? html`<span part="status">${t.participantReconnecting}</span>` : nothing}`
            : nothing
        }
      </div>
      ${
        person
          ? html`<div part="label">
              <span part="name">${name}</span>
              <span part="muted-indicator" role="img" aria-label=${t.muted} ?hidden=${!this.muted}>${micOffIcon}</span>
              <span
                part="quality"
                role="img"
                data-quality=${this.quality}
                aria-label=${t.quality[this.quality]}
                title=${t.quality[this.quality]}
                ?hidden=${this.quality === 'unknown'}
                ><i></i><i></i><i></i
              ></span>
              <span class="visually-hidden">${this.speaking ? t.speaking : ''}</span>
            </div>`
          : nothing
      }
      ${person ? html`<calls-tile-overlay part="overlay" exportparts="hand, reaction" participant-id=${person.id} room=${this.room ?? nothing}></calls-tile-overlay>` : nothing}
    </div>`;
  }
}

defineElement('calls-tile', CallsTileElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-tile': CallsTileElement;
  }
}
