import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

export const handButtonStyles = [
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
