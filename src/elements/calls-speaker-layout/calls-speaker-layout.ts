import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Participant } from '../../core/participant.js';
import { isSharingScreen } from '../../core/screen-share.js';
import { holdSpeaker, type SpeakerHold, spotlightTile } from '../../core/spotlight.js';
import { showsCompact, type VideoTile, videoTiles } from '../../core/tiles.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { nextIcon, previousIcon } from '../../internal/icons.js';
import { subscribe } from '../../internal/subscribe.js';
import '../calls-tile/calls-tile.js';
import { speakerLayoutStyles } from './calls-speaker-layout.styles.js';

const keyOf = (tile: VideoTile) => `${tile.participantId}/${tile.source}`;

/**
 * One tile large, everyone else in a filmstrip below it. The large tile is, in this order: the
 * person you pinned (`calls-pin-request`, e.g. the pin button on a tile; only you see your pin), a
 * shared screen (the newest; with several, buttons above the filmstrip switch between them), or
 * the active speaker — yourself only when nobody else is there. The speaker stays large for at least
 * 1.5 s before the next one takes over, so a cough does not flip the view.
 *
 * In the filmstrip, someone without a camera gets a square `compact` tile (initials, name,
 * microphone and a speaking ring; no video pulled), narrower than a camera's.
 *
 * The filmstrip scrolls (its buttons move it a strip at a time); tiles scrolled out of it are not
 * on screen, so they pull no video, and each tile asks for the simulcast layer its size needs.
 * Give it a height (e.g. `flex: 1` in a column with a height).
 *
 * @summary The active speaker, the pinned person or a shared screen large, the others in a filmstrip.
 *
 * @csspart main - The area of the large tile.
 * @csspart main-tile - The large `<calls-tile>`.
 * @csspart shares - The share switcher (shown while several screens are shared).
 * @csspart share-button - One button per shared screen; `aria-pressed` on the one shown.
 * @csspart filmstrip-bar - The filmstrip and its scroll buttons.
 * @csspart filmstrip - The scrolling strip of small tiles.
 * @csspart filmstrip-tile - Each small `<calls-tile>`.
 * @csspart scroll-button - The filmstrip's previous and next buttons.
 *
 * @cssproperty --calls-filmstrip-height - Height of the filmstrip's tiles (default 112px).
 * @cssproperty --calls-speaker-layout-min-height - Minimum height of the layout (default 320px).
 * @cssproperty --calls-gap - Space between the tiles.
 * @cssproperty --calls-control-background - Behind the buttons.
 * @cssproperty --calls-control-foreground - The buttons' text and icons.
 * @cssproperty --calls-control-radius - Corner radius of the buttons.
 * @cssproperty --calls-accent - The chosen share's button, and focus rings.
 * @cssproperty --calls-accent-foreground - The chosen share's button text.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsSpeakerLayoutElement extends CallsControlElement {
  static override styles = speakerLayoutStyles;

  @state() private participants: readonly Participant[] = [];
  @state() private pinned: string | null = null;
  @state() private hold: SpeakerHold = { shown: null, since: 0 };
  /** The share the person picked among several. */
  @state() private chosenSharer: string | null = null;
  @state() private canScrollBack = false;
  @state() private canScrollForward = false;

  /** The room's active speaker now (it may still wait for the hold to end). */
  #candidate: string | null = null;
  /** Sharers in the order they started, so the newest share is the one shown. */
  #sharers: string[] = [];
  #recheck: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => room.participants$, [] as readonly Participant[]),
      (people) => {
        this.participants = people;
        const sharing = new Set(people.filter(isSharingScreen).map((person) => person.id));
        this.#sharers = [
          ...this.#sharers.filter((id) => sharing.has(id)),
          ...[...sharing].filter((id) => !this.#sharers.includes(id)),
        ];
        this.#follow();
      },
    );
    subscribe(
      this,
      () => this.fromRoom((room) => room.activeSpeaker$, null as string | null),
      (speaker) => {
        this.#candidate = speaker;
        this.#follow();
      },
    );
    subscribe(
      this,
      () => this.fromContext((context) => context.pinned$, null as string | null),
      (pinned) => {
        this.pinned = pinned;
      },
    );
  }

  /** The tile shown large now (`undefined` before joining). */
  get mainTile(): VideoTile | undefined {
    return spotlightTile(videoTiles(this.participants), this.#choice());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#recheck);
    cancelAnimationFrame(this.#frame);
  }

  /** Lets the active speaker in, now or once whoever is shown has had their time. */
  #follow(): void {
    clearTimeout(this.#recheck);
    const present = new Set(this.participants.map((person) => person.id));
    const { hold, recheckIn } = holdSpeaker(this.hold, this.#candidate, present, performance.now());
    this.hold = hold;
    if (recheckIn !== undefined) this.#recheck = setTimeout(() => this.#follow(), recheckIn);
  }

  #choice() {
    return {
      pinned: this.pinned,
      sharers: this.#sharers,
      chosenSharer: this.chosenSharer,
      speaker: this.hold.shown,
      selfId: this.participants.find((person) => person.isSelf)?.id,
    };
  }

  protected override render() {
    const tiles = videoTiles(this.participants);
    const main = spotlightTile(tiles, this.#choice());
    // Your own camera first in the strip, where you look for it, as in the grid.
    const strip = tiles
      .filter((tile) => !main || keyOf(tile) !== keyOf(main))
      .sort((a, b) => Number(this.#isSelf(b)) - Number(this.#isSelf(a)));
    const people = new Map(this.participants.map((person) => [person.id, person]));
    const t = this.t;
    return html`<div part="main">
        ${
          main
            ? html`<calls-tile
                part="main-tile"
                room=${ifDefined(this.room)}
                participant-id=${main.participantId}
                source=${main.source}
              ></calls-tile>`
            : nothing
        }
      </div>
      ${this.#sharers.length > 1 ? this.#renderShares(main) : nothing}
      <div part="filmstrip-bar" ?hidden=${strip.length === 0}>
        <button
          part="scroll-button"
          data-scroll="previous"
          aria-label=${t.previousPage}
          title=${t.previousPage}
          ?disabled=${!this.canScrollBack}
          @click=${() => this.#scrollStrip(-1)}
        >
          ${previousIcon}
        </button>
        <div part="filmstrip" aria-label=${t.participants} @scroll=${this.#measureStrip}>
          ${repeat(
            strip,
            keyOf,
            (tile) =>
              html`<calls-tile
                part="filmstrip-tile"
                ?compact=${showsCompact(tile, people)}
                room=${ifDefined(this.room)}
                participant-id=${tile.participantId}
                source=${tile.source}
              ></calls-tile>`,
          )}
        </div>
        <button
          part="scroll-button"
          data-scroll="next"
          aria-label=${t.nextPage}
          title=${t.nextPage}
          ?disabled=${!this.canScrollForward}
          @click=${() => this.#scrollStrip(1)}
        >
          ${nextIcon}
        </button>
      </div>`;
  }

  #renderShares(main: VideoTile | undefined) {
    const names = new Map(this.participants.map((person) => [person.id, person.name]));
    return html`<div part="shares" role="group" aria-label=${this.t.sharedScreens}>
      ${this.#sharers.map(
        (id) => html`<button
          part="share-button"
          data-sharer=${id}
          aria-pressed=${main?.source === 'screen' && main.participantId === id ? 'true' : 'false'}
          @click=${() => {
            this.chosenSharer = id;
          }}
        >
          ${this.t.participantScreen(names.get(id) ?? '')}
        </button>`,
      )}
    </div>`;
  }

  #isSelf(tile: VideoTile): boolean {
    return tile.source === 'camera' && this.participants.some((p) => p.isSelf && p.id === tile.participantId);
  }

  #scrollStrip(direction: 1 | -1): void {
    const strip = this.renderRoot.querySelector<HTMLElement>('[part="filmstrip"]');
    strip?.scrollBy({ left: direction * strip.clientWidth, behavior: 'smooth' });
  }

  readonly #measureStrip = () => {
    const strip = this.renderRoot.querySelector<HTMLElement>('[part="filmstrip"]');
    if (!strip) return;
    // scrollLeft is negative in right-to-left pages; its size says how far from the start we are.
    const from = Math.abs(strip.scrollLeft);
    this.canScrollBack = from > 1;
    this.canScrollForward = from + strip.clientWidth < strip.scrollWidth - 1;
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Tiles came or went: whether the strip overflows shows after layout, so measure in the next frame.
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(this.#measureStrip);
  }
}

defineElement('calls-speaker-layout', CallsSpeakerLayoutElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-speaker-layout': CallsSpeakerLayoutElement;
  }
}
