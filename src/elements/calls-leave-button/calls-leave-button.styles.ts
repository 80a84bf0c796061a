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
    /* The leave icon points out of the door, the way reading goes: mirrored right to left. */
    svg:dir(rtl) {
      transform: scaleX(-1);
    }
  `,
];
