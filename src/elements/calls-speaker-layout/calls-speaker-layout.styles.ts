import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const speakerLayoutStyles = [
  themeStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      min-height: var(--calls-speaker-layout-min-height, 320px);
    }
    [part='main'] {
      flex: 1;
      min-height: 0;
      display: flex;
    }
    /* The large tile fills the area whatever its shape, and shows the whole picture in it. */
    [part='main-tile'] {
      flex: 1;
      aspect-ratio: auto;
      --calls-video-fit: contain;
    }
    [part='shares'] {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 8px;
    }
    [part='share-button'],
    [part='scroll-button'] {
      min-height: 44px;
      min-width: 44px;
      padding: 0 12px;
      border: 0;
      border-radius: var(--calls-control-radius, 999px);
      background: var(--_control-bg);
      color: var(--_control-fg);
      font: inherit;
      cursor: pointer;
    }
    [part='share-button'][aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_accent-fg);
    }
    [part='share-button']:focus-visible,
    [part='scroll-button']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    [part='scroll-button']:disabled {
      opacity: 0.5;
      cursor: default;
    }
    [part='filmstrip-bar'] {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    /* Tiles scrolled out of this strip are clipped, so their IntersectionObserver stops their pull. */
    [part='filmstrip'] {
      flex: 1;
      display: flex;
      gap: var(--_gap);
      overflow-x: auto;
      scroll-snap-type: x mandatory;
      scrollbar-width: thin;
    }
    [part='filmstrip-tile'] {
      flex: none;
      height: var(--calls-filmstrip-height, 112px);
      scroll-snap-align: start;
    }
    /* Nobody to see: a square, not a 16:9 box. */
    [part='filmstrip-tile'][compact] {
      aspect-ratio: 1;
    }
  `,
];
