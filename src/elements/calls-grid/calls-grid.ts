import { html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { gridLayout } from '../../core/layout.js';
import type { Participant } from '../../core/participant.js';
import { videoTiles } from '../../core/tiles.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { subscribe } from '../../internal/subscribe.js';
import '../calls-tile/calls-tile.js';
import { gridStyles } from './calls-grid.styles.js';

/** Tiles never get smaller than this, however little room the page leaves. */
const MIN_HEIGHT = 120;

/**
 * Lays out a `<calls-tile>` per participant (you included) as large as its box allows. Each tile
 * is keyed by the participant's id, so a tile always shows the same person and is removed when they
 * leave. Give it a height (e.g. `flex: 1` in a column of a room with a height); without one it
 * takes the height that fits the viewport below it.
 *
 * @summary The participants of a room as a grid of tiles.
 *
 * @csspart tiles - The grid that holds the tiles.
 * @csspart tile - Each `<calls-tile>`.
 *
 * @cssproperty --calls-gap - Space between tiles.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsGridElement extends CallsControlElement {
  static override styles = gridStyles;

  @state() private participants: readonly Participant[] = [];
  /** The box the tiles may fill, measured by a ResizeObserver. */
  @state() private box: { width: number; height: number; gap: number; given: boolean } | undefined;
  /** The height this grid set on itself because nothing outside gave it one. */
  @state() private ownHeight: number | undefined;

  #observer: ResizeObserver | undefined;
  #frame = 0;

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => room.participants$, [] as readonly Participant[]),
      (people) => {
        this.participants = people;
      },
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Measured out of the observer's callback (next frame): changing the layout inside it would
    // resize what it observes during delivery ("ResizeObserver loop completed with undelivered
    // notifications").
    this.#observer = new ResizeObserver(() => this.#scheduleMeasure());
    this.#observer.observe(this);
    window.addEventListener('resize', this.#scheduleMeasure);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    window.removeEventListener('resize', this.#scheduleMeasure);
    cancelAnimationFrame(this.#frame);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('participants') || changed.has('box')) this.#applyOwnHeight();
  }

  protected override render() {
    const layout = this.#layout();
    const columns = layout?.columns || 1;
    const width = layout && layout.tileWidth > 0 ? `${layout.tileWidth}px` : '1fr';
    return html`<div part="tiles" style="--_columns: ${columns}; --_tile-width: ${width}">
      ${repeat(
        videoTiles(this.participants),
        (tile) => `${tile.participantId}/${tile.source}`,
        (tile) =>
          html`<calls-tile
            part="tile"
            room=${ifDefined(this.room)}
            participant-id=${tile.participantId}
            source=${tile.source}
          ></calls-tile>`,
      )}
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.style.height = this.ownHeight === undefined ? '' : `${this.ownHeight}px`;
  }

  readonly #scheduleMeasure = () => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#measure());
  };

  #measure(): void {
    const tiles = this.renderRoot.querySelector<HTMLElement>('[part="tiles"]');
    // Not rendered (e.g. in a hidden slot before joining): nothing to measure yet.
    if (!tiles || !this.isConnected || this.getClientRects().length === 0) return;
    const gap = Number.parseFloat(getComputedStyle(tiles).columnGap) || 0;
    const visible = Math.max(MIN_HEIGHT, window.innerHeight - Math.max(0, this.getBoundingClientRect().top));
    // The height the page gives the grid, read without the one it set on itself (the tiles are out
    // of flow, so they add nothing): 0 when the page leaves the height to the grid.
    const own = this.style.height;
    this.style.height = '';
    const given = this.clientHeight;
    this.style.height = own;
    const height = given > 0 ? Math.min(given, visible) : visible;
    const box = { width: this.clientWidth, height, gap, given: given > 0 };
    const known = this.box;
    if (
      !known ||
      known.width !== box.width ||
      known.height !== box.height ||
      known.gap !== box.gap ||
      known.given !== box.given
    ) {
      this.box = box;
    }
  }

  /** Without a height from the page, the grid is as tall as its tiles need (they are out of flow). */
  #applyOwnHeight(): void {
    if (!this.box) return;
    if (this.box.given) {
      this.ownHeight = undefined;
      return;
    }
    const layout = this.#layout();
    this.ownHeight = layout ? layout.rows * layout.tileHeight + (layout.rows - 1) * this.box.gap : MIN_HEIGHT;
  }

  #layout() {
    if (!this.box) return undefined;
    const { width, height, gap } = this.box;
    const layout = gridLayout(videoTiles(this.participants).length, width, height, 16 / 9, gap);
    return layout.columns > 0 ? layout : undefined;
  }
}

defineElement('calls-grid', CallsGridElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-grid': CallsGridElement;
  }
}
