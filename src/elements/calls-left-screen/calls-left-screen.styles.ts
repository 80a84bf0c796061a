import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const leftScreenStyles = [
  themeStyles,
  css`
    :host {
      display: grid;
      place-content: center;
      justify-items: center;
      gap: var(--_gap);
      padding: 24px;
      text-align: center;
    }
    [part='title'] {
      margin: 0;
      font-size: 20px;
      font-weight: 600;
    }
    [part='reason'] {
      margin: 0;
      color: var(--_muted-fg);
    }
  `,
];
