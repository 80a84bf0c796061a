import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const roomStyles = [
  themeStyles,
  css`
    :host {
      display: block;
      position: relative;
      background: var(--_bg);
      border-radius: var(--_radius);
    }
    /* The default meeting: a column whose grid takes the height the others leave. */
    :host(:state(default-meeting)) {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      padding: var(--_gap);
      min-height: var(--calls-room-min-height, 360px);
      box-sizing: border-box;
    }
    [part='grid'],
    [part='lobby'],
    [part='left-screen'] {
      flex: 1;
    }
    /* Over the tiles, out of the layout: the grid does not jump when it appears. */
    [part='banner'] {
      position: absolute;
      inset-block-start: calc(var(--_gap) * 2);
      inset-inline-start: 50%;
      transform: translateX(-50%);
      z-index: 1;
      width: max-content;
      max-width: calc(100% - var(--_gap) * 4);
    }
  `,
];
