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
    /* The shared shape matches part="button" exactly; these buttons carry a second name. */
    [part~='button'] {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 44px;
      min-height: 44px;
      padding: 0 12px;
      border: 0;
      border-radius: var(--calls-control-radius, 999px);
      cursor: pointer;
      background: transparent;
      color: var(--_control-fg);
    }
    [part~='button'][aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_accent-fg);
    }
  `,
];
