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
      gap: var(--calls-gap, 8px);
    }
  `,
];
