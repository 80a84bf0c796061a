import { css } from 'lit';
import { themeStyles } from './theme.styles.js';

/** What every kit button looks like; a control's own styles add to it (e.g. the danger color). */
export const buttonStyles = [
  themeStyles,
  css`
    :host {
      display: inline-block;
    }
    [part='button'] {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 6px;
      min-width: 44px;
      min-height: 44px;
      padding: 0 12px;
      border: 0;
      border-radius: var(--calls-control-radius, 999px);
      background: var(--_control-bg);
      color: var(--_control-fg);
      font: inherit;
      cursor: pointer;
    }
    [part='button'][aria-pressed='false'] {
      background: var(--_danger);
      color: var(--_danger-fg);
    }
    [part='button']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    [part='button']:disabled {
      opacity: 0.5;
      cursor: default;
    }
    [part='icon']:empty {
      display: none;
    }
    [part='icon'] {
      display: inline-flex;
    }
  `,
];
