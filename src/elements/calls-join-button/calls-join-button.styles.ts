import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

export const joinButtonStyles = [
  buttonStyles,
  css`
    [part='button'] {
      background: var(--_accent);
      color: var(--_accent-fg);
      padding: 0 20px;
    }
  `,
];
