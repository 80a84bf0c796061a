import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const gridStyles = [
  themeStyles,
  css`
    :host {
      display: block;
      position: relative;
      min-height: 0;
    }
    /* Out of flow: the tiles never size the grid, so measuring it cannot feed back into the layout. */
    [part='tiles'] {
      position: absolute;
      inset: 0;
      display: grid;
      grid-template-columns: repeat(var(--_columns, 1), minmax(0, var(--_tile-width, 1fr)));
      justify-content: center;
      align-content: center;
      gap: var(--_gap);
      /* Vertical scrolling stays the page's; a horizontal drag turns the grid's page. */
      touch-action: pan-y;
    }
    /* A camera spans a few columns; people without one sit in compact rows of their own below. */
    [part='tiles'] > calls-tile {
      grid-column: span var(--_video-span, 1);
    }
    [part='tiles'] > calls-tile.compact {
      grid-column: auto;
      height: var(--_compact-height);
    }
    [part='tiles'] > calls-tile.first-compact {
      grid-column-start: 1;
    }
    /* The phone layout: portrait tiles, and your own view floating over them. */
    :host([phone]) [part='tiles'] {
      --calls-tile-aspect-ratio: 3 / 4;
    }
    [part='self-view'] {
      position: absolute;
      z-index: 1;
      aspect-ratio: auto;
      --calls-tile-aspect-ratio: 3 / 4;
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.35);
      cursor: grab;
      /* The drag is the grid's, not the page's scroll. */
      touch-action: none;
    }
    [part='self-view'].dragging {
      cursor: grabbing;
    }
    [part='self-view']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }

    /* Room below the tiles for the page controls (the grid's CONTROLS_HEIGHT). */
    [part='tiles'].paged {
      bottom: 52px;
    }
    [part='pagination'] {
      position: absolute;
      left: 0;
      right: 0;
      bottom: 0;
      height: 52px;
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 12px;
    }
    [part='page-button'] {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 44px;
      min-height: 44px;
      border: 0;
      border-radius: var(--calls-control-radius, 999px);
      background: var(--_control-bg);
      color: var(--_control-fg);
      cursor: pointer;
    }
    [part='page-button']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    [part='page-button']:disabled {
      opacity: 0.5;
      cursor: default;
    }
    @media (forced-colors: active) {
      [part='page-button'] {
        border: 1px solid ButtonText;
      }
      [part='page-button']:focus-visible {
        outline-color: Highlight;
      }
    }
    [part='page-label'] {
      font-variant-numeric: tabular-nums;
    }
  `,
];
