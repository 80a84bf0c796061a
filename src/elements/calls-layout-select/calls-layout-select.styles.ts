import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

export const layoutSelectStyles = [
  buttonStyles,
  css`
    [part='group'] {
      display: inline-flex;
      gap: 2px;
      padding: 2px;
      border-radius: var(--calls-control-radius, 999px);
      background: var(--_control-bg);
    }
    [part~='button'] {
      background: transparent;
      color: var(--_control-fg);
    }
    [part~='button'][aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_accent-fg);
    }
  `,
];
