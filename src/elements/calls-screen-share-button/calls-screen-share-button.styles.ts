import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

/** Off is the ordinary state (most people never share); on stands out in the accent color. */
export const screenShareButtonStyles = [
  buttonStyles,
  css`
    [part='button'] {
      background: var(--_control-bg);
      color: var(--_control-fg);
    }
    [part='button'][aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_accent-fg);
    }
  `,
];
