import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BehaviorSubject, map, type Observable, of, switchMap } from 'rxjs';
import type { CallsError } from '../../core/errors.js';
import { LocalMedia } from '../../core/local-media.js';
import { CallsErrorEvent } from '../../events/error.js';
import { defineElement } from '../../internal/define.js';
import { translationFor } from '../../internal/i18n.js';
import { RoomConsumer } from '../../internal/room-consumer.js';
import { subscribe } from '../../internal/subscribe.js';
import { releaseVideo, showTrack } from '../../internal/video.js';
import { publisherStyles } from './calls-publisher.styles.js';

/** `audio="false"` / `audio="off"` turn a device off; any other value (or `audio`) turns it on. */
const onOffConverter = {
  fromAttribute: (value: string | null): boolean | undefined =>
    value === null ? undefined : !['false', 'off', '0'].includes(value.toLowerCase()),
  toAttribute: (value: boolean | undefined): string | null => (value === undefined ? null : String(value)),
};

/** A level meter is a perceptual thing: show the RMS on a rough loudness curve. */
const levelToFraction = (rms: number) => Math.min(1, Math.sqrt(rms) * 2.2);

/**
 * Inside a `<calls-room>` (or with `room="<id>"`), it shows what the room publishes, and its
 * `audio` / `video` attributes turn the room's microphone and camera on and off. On its own it is
 * a preview for a lobby: it opens the devices while it is on the page and releases them when
 * removed.
 *
 * @summary Your own camera and microphone: a mirrored self view and a mic level meter.
 *
 * @event {CallsErrorEvent} calls-error - On its own (outside a room): a device failed or was denied;
 *   `detail` is `{ code, message, error }` (`code` `camera_denied`, `microphone_unavailable`, …).
 *   Inside a room, the room reports it.
 *
 * @csspart video - The mirrored self view.
 * @csspart placeholder - Shown while the camera is off.
 * @csspart level - The microphone level meter (role `meter`).
 * @csspart level-bar - The filled part of the meter.
 * @csspart error - A device error message (on its own only).
 *
 * @cssproperty --calls-tile-background - Behind the video.
 * @cssproperty --calls-tile-aspect-ratio - Width / height of the element.
 * @cssproperty --calls-video-fit - `object-fit` of the video.
 * @cssproperty --calls-muted-foreground - The placeholder's text.
 * @cssproperty --calls-level-color - The meter's bar.
 * @cssproperty --calls-speaking-color - The meter's bar, unless `--calls-level-color` is set.
 * @cssproperty --calls-level-track-color - Behind the meter's bar.
 * @cssproperty --calls-danger - Background of the error message.
 * @cssproperty --calls-danger-foreground - Text of the error message.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 * @cssproperty --calls-radius - Corner radius.
 */
export class CallsPublisherElement extends LitElement {
  static override styles = publisherStyles;

  /**
   * Microphone on (`audio`, `audio="true"`) or off (`audio="false"`, `"off"` or `"0"`); unset: leave
   * it as it is.
   */
  @property({ converter: onOffConverter, reflect: true }) audio: boolean | undefined;

  /** Camera on or off, like `audio`. */
  @property({ converter: onOffConverter, reflect: true }) video: boolean | undefined;

  /** Id of the `<calls-room>` to publish to, when not inside one. */
  @property({ reflect: true }) room?: string;

  @state() private preview: MediaStreamTrack | undefined;
  @state() private level = 0;
  @state() private micOn = false;
  @state() private cameraOn = false;
  @state() private error: CallsError | undefined;

  readonly #consumer = new RoomConsumer(this);
  readonly #media$ = new BehaviorSubject<LocalMedia | undefined>(undefined);
  #ownMedia: LocalMedia | undefined;

  constructor() {
    super();
    const media$: Observable<LocalMedia | undefined> = this.#media$;
    const from = <T>(pick: (media: LocalMedia) => Observable<T>, fallback: T) =>
      media$.pipe(switchMap((media) => (media ? pick(media) : of(fallback))));
    subscribe(
      this,
      () => this.#consumer.context$.pipe(map((context) => context?.media)),
      (shared) => this.#useMedia(shared),
    );
    subscribe(
      this,
      () => from((media) => media.cameraPreview$, undefined),
      (track) => {
        this.preview = track;
      },
    );
    subscribe(
      this,
      () => from((media) => media.micLevel$, 0),
      (level) => {
        this.level = level;
      },
    );
    subscribe(
      this,
      () => from((media) => media.micEnabled$, false),
      (on) => {
        this.micOn = on;
      },
    );
    subscribe(
      this,
      () => from((media) => media.cameraEnabled$, false),
      (on) => {
        this.cameraOn = on;
      },
    );
    subscribe(
      this,
      () => from((media) => media.errors$, undefined),
      (error) => {
        if (!error || !this.#ownMedia) return;
        this.error = error;
        this.dispatchEvent(new CallsErrorEvent(error));
      },
    );
  }

  /** The camera and microphone shown (the room's, or this element's own when on its own). */
  get media(): LocalMedia | undefined {
    return this.#media$.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Standalone until a room's context arrives (context answers synchronously when there is one).
    if (!this.#consumer.context) this.#useMedia(undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The preview is re-subscribed on reconnect; meanwhile the detached <video> must not hold it.
    releaseVideo(this.renderRoot?.querySelector('video'));
    this.preview = undefined;
    this.#ownMedia?.dispose();
    this.#ownMedia = undefined;
    this.#media$.next(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('room')) this.#consumer.refresh();
    const media = this.#media$.value;
    if (!media) return;
    if (changed.has('audio') && this.audio !== undefined) media.setMicEnabled(this.audio);
    if (changed.has('video') && this.video !== undefined) media.setCameraEnabled(this.video);
  }

  protected override updated(): void {
    showTrack(this, this.renderRoot.querySelector('video'), this.preview);
  }

  protected override render() {
    const t = translationFor(this);
    const fraction = this.micOn ? levelToFraction(this.level) : 0;
    return html`
      <video part="video" autoplay muted playsinline aria-label=${t.selfView} ?hidden=${!this.preview}></video>
      <div part="placeholder" ?hidden=${Boolean(this.preview)}>${this.cameraOn ? '' : t.cameraOff}</div>
      <div
        part="level"
        role="meter"
        aria-label=${t.micLevel}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(fraction * 100)}
        ?hidden=${!this.micOn}
      >
        <div part="level-bar" style="transform: scaleX(${fraction.toFixed(3)})"></div>
      </div>
      ${this.error ? html`<p part="error" role="alert">${t.errors[this.error.code]}</p>` : ''}
    `;
  }

  #useMedia(shared: LocalMedia | undefined): void {
    if (shared) {
      this.#ownMedia?.dispose();
      this.#ownMedia = undefined;
      this.error = undefined;
    } else if (!this.#ownMedia && this.isConnected) {
      this.#ownMedia = new LocalMedia({ audio: this.audio ?? true, video: this.video ?? true });
    }
    const media = shared ?? this.#ownMedia;
    if (media === this.#media$.value) return;
    this.#media$.next(media);
    if (!media) return;
    if (this.audio !== undefined) media.setMicEnabled(this.audio);
    if (this.video !== undefined) media.setCameraEnabled(this.video);
  }
}

defineElement('calls-publisher', CallsPublisherElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-publisher': CallsPublisherElement;
  }
}
