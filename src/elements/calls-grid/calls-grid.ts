import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  COMPACT_TILE,
  type Corner,
  clampInside,
  cornerAfterKey,
  cornerPoint,
  isPhoneBox,
  mixedGridLayout,
  nearestCorner,
  type Point,
} from '../../core/layout.js';
import {
  clampPage,
  pageCount,
  pageOf,
  pageSize,
  promoteSpeaker,
  stableOrder,
} from '../../core/pagination.js';
import type { Participant } from '../../core/participant.js';
import type { VideoSource } from '../../core/room.js';
import { showsCompact, type VideoTile, videoTiles } from '../../core/tiles.js';
import { CallsPageChangeEvent } from '../../events/page-change.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { nextIcon, previousIcon } from '../../internal/icons.js';
import { subscribe } from '../../internal/subscribe.js';
import '../calls-tile/calls-tile.js';
import { gridStyles } from './calls-grid.styles.js';

/** Tiles never get smaller than this, however little room the page leaves. */
const MIN_HEIGHT = 120;
/** Height kept below the tiles for the page controls while there is more than one page. */
const CONTROLS_HEIGHT = 52;
/** A horizontal drag at least this long (and mostly horizontal) turns the page. */
const SWIPE_DISTANCE = 60;
/** Space between the phone layout's self view and the edges of the grid. */
const PIP_MARGIN = 8;

function tileKey(tile: VideoTile): string {
  return `${tile.participantId}/${tile.source}`;
}

function tileOfKey(key: string): VideoTile {
  const slash = key.lastIndexOf('/');
  return { participantId: key.slice(0, slash), source: key.slice(slash + 1) as VideoSource };
}

/**
 * Lays out a `<calls-tile>` per participant (you included), and one more per shared screen right
 * after its sharer, as large as its box allows, a page at a
 * time: a page holds as many tiles as fit at `min-tile-width` (1, 2, 4, 9, 16 or 25), and the
 * tiles of other pages are not rendered, so they pull no video. Turn pages with the page
 * controls, PageUp / PageDown (or ← / → on the controls) while focus is in the grid, or a swipe.
 * People keep their place when someone speaks; your own tile is always the first on page 1; with
 * `speakers-first`, whoever speaks on a later page swaps places with the person on page 1 who spoke
 * longest ago. Someone whose camera is off (or who has none) gets a `compact` tile in a row of
 * their own below the cameras (initials, name, microphone and a speaking ring; no video pulled), so
 * the cameras keep most of the box. In a phone held upright (its own box narrow and taller than
 * wide; `phone` is set), tiles turn portrait and your own view leaves the pages for a small
 * picture-in-picture over them: drag it, or focus it and press an arrow key, and it settles in a
 * corner, always inside the grid. Each tile is keyed by the participant's id. Give it a height
 * (e.g. `flex: 1` in a column of a room with a height); without one it takes the height that fits
 * the viewport below it.
 *
 * @summary The participants of a room as a paginated grid of tiles.
 *
 * @event {CallsPageChangeEvent} calls-page-change - The page turned: `detail` is `{ page, pages }`, `page` from 0.
 *
 * @csspart tiles - The grid that holds the current page's tiles: a list (`role="list"`) of them.
 * @csspart tile - Each `<calls-tile>`, a list item named after its participant and their mic and camera.
 * @csspart tile-base - Each tile's `base` part (re-exported, as are the others below).
 * @csspart tile-video - Each tile's `video`.
 * @csspart tile-placeholder - Each tile's `placeholder`.
 * @csspart tile-initials - Each tile's `initials`.
 * @csspart tile-spinner - Each tile's `spinner`.
 * @csspart tile-status - Each tile's `status` ("Reconnecting").
 * @csspart tile-label - Each tile's name tag.
 * @csspart tile-name - Each tile's participant name.
 * @csspart tile-muted-indicator - Each tile's muted icon.
 * @csspart tile-quality - Each tile's network-quality bars.
 * @csspart tile-overlay - Each tile's `<calls-tile-overlay>`.
 * @csspart tile-hand - Each tile's raised-hand badge.
 * @csspart tile-reaction - Each tile's reactions.
 * @csspart self-view - Your own `<calls-tile>` as the phone layout's picture-in-picture (re-exports the tile parts too).
 * @csspart pagination - The page controls (shown while there is more than one page).
 * @csspart page-button - The previous and next page buttons.
 * @csspart page-label - "Page 2 of 3".
 *
 * @cssproperty --calls-gap - Space between tiles.
 * @cssproperty --calls-control-background - Behind the page buttons.
 * @cssproperty --calls-control-foreground - The page buttons' icons.
 * @cssproperty --calls-control-radius - Corner radius of the page buttons.
 * @cssproperty --calls-accent - Focus ring of the page buttons.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsGridElement extends CallsControlElement {
  static override styles = gridStyles;

  /** The narrowest a tile may get before the grid moves people to another page, in CSS pixels. */
  @property({ type: Number, attribute: 'min-tile-width' }) minTileWidth = 160;

  /** Whoever speaks on a later page is brought onto page 1 (one swap; nobody else moves). */
  @property({ type: Boolean, attribute: 'speakers-first' }) speakersFirst = false;

  /** The page shown, from 0. Kept inside the pages there are. */
  @property({ type: Number }) page = 0;

  /**
   * The grid's own box is a phone held upright (narrow, taller than wide, its height given by the
   * page): tiles turn portrait and your own view floats as a small picture-in-picture. Kept up to
   * date by the grid and reflected, for `calls-grid[phone]` styles.
   */
  @property({ type: Boolean, reflect: true }) phone = false;

  @state() private participants: readonly Participant[] = [];
  @state() private order: readonly string[] = [];
  @state() private activeSpeaker: string | null = null;
  /** The box the tiles may fill, measured by a ResizeObserver. */
  @state() private box: { width: number; height: number; gap: number; given: boolean } | undefined;
  /** The height this grid set on itself because nothing outside gave it one. */
  @state() private ownHeight: number | undefined;

  /** When each person last became the active speaker (a counter: only the order matters). */
  readonly #lastSpoke = new Map<string, number>();
  #speakerTurns = 0;
  #observer: ResizeObserver | undefined;
  #frame = 0;
  #swipeStart: { x: number; y: number } | undefined;
  /** The inline height this grid last wrote; any other inline height is the author's and is kept. */
  #appliedHeight = '';
  /** The corner the phone layout's self view sits in, and where it is while being dragged. */
  @state() private pipCorner: Corner = 'bottom-right';
  @state() private pipPoint: Point | undefined;
  #pipDrag: { pointerId: number; grabX: number; grabY: number } | undefined;

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => room.participants$, [] as readonly Participant[]),
      (people) => {
        this.participants = people;
      },
    );
    subscribe(
      this,
      () => this.fromRoom((room) => room.activeSpeaker$, null as string | null),
      (speaker) => {
        if (speaker)
          this.#lastSpoke.set(tileKey({ participantId: speaker, source: 'camera' }), ++this.#speakerTurns);
        this.activeSpeaker = speaker;
      },
    );
    this.addEventListener('keydown', this.#onKeydown);
  }

  /** How many pages the participants fill now. */
  get pages(): number {
    return pageCount(this.#paged().length, this.#perPage());
  }

  nextPage(): void {
    this.#goTo(this.page + 1);
  }

  previousPage(): void {
    this.#goTo(this.page - 1);
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
    if (changed.has('participants') || changed.has('activeSpeaker') || changed.has('speakersFirst')) {
      // The order is of tiles (a camera, or a shared screen right after its sharer's camera), keyed
      // `id/source`; your own camera is the fixed first tile.
      const self = this.participants.find((person) => person.isSelf);
      const selfKey = self ? tileKey({ participantId: self.id, source: 'camera' }) : undefined;
      let order = stableOrder(this.order, videoTiles(this.participants).map(tileKey), selfKey);
      if (this.speakersFirst && this.activeSpeaker) {
        const speakerKey = tileKey({ participantId: this.activeSpeaker, source: 'camera' });
        order = promoteSpeaker(order, speakerKey, this.#perPage(order.length), this.#lastSpoke, selfKey);
      }
      this.order = order;
    }
    this.phone = Boolean(this.box?.given && isPhoneBox(this.box.width, this.box.height));
    const page = clampPage(this.page, this.pages);
    if (page !== this.page) this.page = page;
    if (
      changed.has('participants') ||
      changed.has('box') ||
      changed.has('minTileWidth') ||
      changed.has('page') ||
      changed.has('phone')
    )
      this.#applyOwnHeight();
  }

  protected override render() {
    const perPage = this.#perPage();
    const paged = this.#paged();
    const pages = pageCount(paged.length, perPage);
    const { cameras, compact } = this.#split(pageOf(paged, this.page, perPage));
    const layout = this.#layout(cameras.length, compact.length, pages > 1);
    const columns = layout?.columns || 1;
    const width = layout && layout.columnWidth > 0 ? `${layout.columnWidth}px` : '1fr';
    const span = layout?.videoSpan ?? 1;
    const shown = [...cameras, ...compact];
    return html`<div
        part="tiles"
        role="list"
        aria-label=${this.t.participants}
        class=${pages > 1 ? 'paged' : ''}
        style="--_columns: ${columns}; --_tile-width: ${width}; --_video-span: ${span}; --_compact-height: ${COMPACT_TILE.height}px"
        @pointerdown=${this.#onPointerDown}
        @pointerup=${this.#onPointerUp}
        @pointercancel=${this.#onPointerCancel}
      >
        ${repeat(
          shown,
          (key) => key,
          (key) => {
            const tile = tileOfKey(key);
            const isCompact = compact.includes(key);
            return html`<calls-tile
              part="tile"
              class=${key === compact[0] ? 'compact first-compact' : isCompact ? 'compact' : ''}
              ?compact=${isCompact}
              exportparts="base: tile-base, video: tile-video, placeholder: tile-placeholder, initials: tile-initials, spinner: tile-spinner, status: tile-status, label: tile-label, name: tile-name, muted-indicator: tile-muted-indicator, quality: tile-quality, overlay: tile-overlay, hand: tile-hand, reaction: tile-reaction"
              role="listitem"
              room=${ifDefined(this.room)}
              participant-id=${tile.participantId}
              source=${tile.source}
            ></calls-tile>`;
          },
        )}
      </div>
      ${this.#renderSelfView()}
      ${pages > 1 ? this.#renderPagination(pages) : nothing}`;
  }

  /** The phone layout's own view: a small tile over the others, dragged or moved by arrow keys to a corner. */
  #renderSelfView() {
    const selfKey = this.#pipKey();
    if (!selfKey || !this.box) return nothing;
    const size = this.#pipSize();
    const point = this.pipPoint ?? cornerPoint(this.pipCorner, size, this.box, PIP_MARGIN);
    return html`<calls-tile
      part="self-view"
      exportparts="base: tile-base, video: tile-video, placeholder: tile-placeholder, initials: tile-initials, spinner: tile-spinner, status: tile-status, label: tile-label, name: tile-name, muted-indicator: tile-muted-indicator, quality: tile-quality, overlay: tile-overlay, hand: tile-hand, reaction: tile-reaction"
      class=${this.pipPoint ? 'dragging' : ''}
      tabindex="0"
      aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight"
      data-corner=${this.pipCorner}
      style="left: ${point.x}px; top: ${point.y}px; width: ${size.width}px; height: ${size.height}px"
      room=${ifDefined(this.room)}
      participant-id=${tileOfKey(selfKey).participantId}
      source="camera"
      @pointerdown=${this.#onPipDown}
      @pointermove=${this.#onPipMove}
      @pointerup=${this.#onPipUp}
      @pointercancel=${this.#onPipUp}
      @keydown=${this.#onPipKey}
    ></calls-tile>`;
  }

  #renderPagination(pages: number) {
    const t = this.t;
    return html`<nav part="pagination" aria-label=${t.pages}>
      <button
        part="page-button"
        data-page="previous"
        aria-label=${t.previousPage}
        title=${t.previousPage}
        ?disabled=${this.page === 0}
        @click=${() => this.previousPage()}
      >
        ${previousIcon}
      </button>
      <span part="page-label" aria-live="polite">${t.pageOf(this.page + 1, pages)}</span>
      <button
        part="page-button"
        data-page="next"
        aria-label=${t.nextPage}
        title=${t.nextPage}
        ?disabled=${this.page >= pages - 1}
        @click=${() => this.nextPage()}
      >
        ${nextIcon}
      </button>
    </nav>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.style.height !== this.#appliedHeight) return;
    this.#appliedHeight = this.ownHeight === undefined ? '' : `${this.ownHeight}px`;
    this.style.height = this.#appliedHeight;
  }

  /** Your own camera's key while it floats as the phone layout's self view (only with someone else there). */
  #pipKey(): string | undefined {
    if (!this.phone) return undefined;
    const self = this.participants.find((person) => person.isSelf);
    if (!self || this.participants.length < 2) return undefined;
    return tileKey({ participantId: self.id, source: 'camera' });
  }

  /** The tiles that go on pages: all of them, less the self view while it floats. */
  #paged(): readonly string[] {
    const selfKey = this.#pipKey();
    return selfKey ? this.order.filter((key) => key !== selfKey) : this.order;
  }

  /** Small enough to leave the others in view, large enough to see yourself: portrait, like the phone. */
  #pipSize(): { width: number; height: number } {
    const width = Math.round(Math.min(120, Math.max(72, (this.box?.width ?? 0) * 0.28)));
    return { width, height: Math.round((width * 4) / 3) };
  }

  readonly #onPipDown = (event: PointerEvent) => {
    if (event.button !== 0 || !this.box) return;
    const tile = event.currentTarget as HTMLElement;
    const rect = tile.getBoundingClientRect();
    tile.setPointerCapture(event.pointerId);
    this.#pipDrag = {
      pointerId: event.pointerId,
      grabX: event.clientX - rect.left,
      grabY: event.clientY - rect.top,
    };
  };

  readonly #onPipMove = (event: PointerEvent) => {
    const drag = this.#pipDrag;
    if (!drag || event.pointerId !== drag.pointerId || !this.box) return;
    const host = this.getBoundingClientRect();
    this.pipPoint = clampInside(
      { x: event.clientX - host.left - drag.grabX, y: event.clientY - host.top - drag.grabY },
      this.#pipSize(),
      this.box,
      PIP_MARGIN,
    );
  };

  readonly #onPipUp = (event: PointerEvent) => {
    const drag = this.#pipDrag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.#pipDrag = undefined;
    if (this.pipPoint && this.box) this.pipCorner = nearestCorner(this.pipPoint, this.#pipSize(), this.box);
    this.pipPoint = undefined;
  };

  readonly #onPipKey = (event: KeyboardEvent) => {
    const corner = cornerAfterKey(this.pipCorner, event.key);
    if (!corner) return;
    event.preventDefault();
    this.pipCorner = corner;
  };

  /**
   * A page's tiles as the cameras (in order) and then the people without one, in compact rows of
   * their own below: stable within each group, so only a camera turning on or off moves someone.
   */
  #split(keys: readonly string[]): { cameras: string[]; compact: string[] } {
    const people = new Map(this.participants.map((person) => [person.id, person]));
    const cameras: string[] = [];
    const compact: string[] = [];
    for (const key of keys) (showsCompact(tileOfKey(key), people) ? compact : cameras).push(key);
    return { cameras, compact };
  }

  #goTo(page: number): void {
    const next = clampPage(page, this.pages);
    if (next === this.page) return;
    this.page = next;
    this.dispatchEvent(new CallsPageChangeEvent({ page: next, pages: this.pages }));
  }

  readonly #onKeydown = (event: KeyboardEvent) => {
    // ← / → only on the page controls: elsewhere in the grid they belong to whatever has focus.
    const onControls = event
      .composedPath()
      .some((node) => node instanceof Element && node.part?.contains('pagination'));
    if (event.key === 'PageDown' || (onControls && event.key === 'ArrowRight')) this.nextPage();
    else if (event.key === 'PageUp' || (onControls && event.key === 'ArrowLeft')) this.previousPage();
    else return;
    event.preventDefault();
  };

  readonly #onPointerDown = (event: PointerEvent) => {
    this.#swipeStart = { x: event.clientX, y: event.clientY };
  };

  readonly #onPointerUp = (event: PointerEvent) => {
    const start = this.#swipeStart;
    this.#swipeStart = undefined;
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) < 2 * Math.abs(dy)) return;
    if (dx < 0) this.nextPage();
    else this.previousPage();
  };

  readonly #onPointerCancel = () => {
    this.#swipeStart = undefined;
  };

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
    // The height the page gives the grid (its stylesheet, its layout or an inline height of its
    // own), read without the one the grid set on itself (the tiles are out of flow, so they add
    // nothing): 0 when the page leaves the height to the grid.
    const own = this.style.height;
    const ours = own === this.#appliedHeight;
    if (ours) this.style.height = '';
    const given = this.clientHeight;
    if (ours) this.style.height = own;
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

  /** Tiles per page: what fits the box at `min-tile-width`, less the page controls' room once paged. */
  #perPage(count = this.#paged().length): number {
    if (!this.box) return Math.max(1, count);
    const { width, height, gap } = this.box;
    const aspect = this.#aspect();
    const all = pageSize(count, width, height, this.minTileWidth, aspect, gap);
    if (all >= count) return Math.max(1, all);
    return Math.max(1, pageSize(count, width, height - CONTROLS_HEIGHT, this.minTileWidth, aspect, gap));
  }

  /** Tiles are 16:9, or portrait (3:4) in the phone layout. */
  #aspect(): number {
    return this.phone ? 3 / 4 : 16 / 9;
  }

  /** Without a height from the page, the grid is as tall as its tiles need (they are out of flow). */
  #applyOwnHeight(): void {
    if (!this.box) return;
    if (this.box.given) {
      this.ownHeight = undefined;
      return;
    }
    const perPage = this.#perPage();
    const keys = this.#paged();
    const paged = pageCount(keys.length, perPage) > 1;
    const { cameras, compact } = this.#split(pageOf(keys, this.page, perPage));
    const layout = this.#layout(cameras.length, compact.length, paged);
    this.ownHeight = layout ? layout.height + (paged ? CONTROLS_HEIGHT : 0) : MIN_HEIGHT;
  }

  #layout(cameras: number, compact: number, paged: boolean) {
    if (!this.box) return undefined;
    const { width, height, gap } = this.box;
    const layout = mixedGridLayout(
      cameras,
      compact,
      width,
      paged ? height - CONTROLS_HEIGHT : height,
      this.#aspect(),
      gap,
    );
    return layout.columns > 0 ? layout : undefined;
  }
}

defineElement('calls-grid', CallsGridElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-grid': CallsGridElement;
  }
}
