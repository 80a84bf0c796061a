import { css } from 'lit';
import { buttonStyles } from './button.styles.js';

/** A panel toggle: the control colors, the accent while its panel is open, and a count badge. */
export const panelButtonStyles = [
  buttonStyles,
  css`
    :host {
      position: relative;
    }
    [part='button'] {
      background: var(--_control-bg);
      color: var(--_control-fg);
    }
    [part='button'][aria-pressed='true'] {
      background: var(--_accent);
      color: var(--_accent-fg);
    }
    [part='badge'] {
      position: absolute;
      top: -4px;
      inset-inline-end: -4px;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: var(--calls-badge-background, var(--_danger));
      color: var(--calls-badge-foreground, var(--_danger-fg));
      font-size: 11px;
      font-weight: 700;
      line-height: 18px;
      text-align: center;
      pointer-events: none;
    }
  `,
];
