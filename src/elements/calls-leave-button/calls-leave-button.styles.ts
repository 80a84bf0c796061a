import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

export const leaveButtonStyles = [
  buttonStyles,
  css`
    [part='button'] {
      background: var(--_danger);
      color: var(--_danger-fg);
      padding: 0 16px;
    }
  `,
];
