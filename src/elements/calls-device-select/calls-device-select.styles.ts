import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const deviceSelectStyles = [
  themeStyles,
  css`
    :host {
      display: inline-block;
    }
    [part='base'] {
      display: grid;
      gap: 4px;
    }
    [part='label'] {
      font-size: 13px;
      color: var(--_muted-fg);
    }
    [part='select'] {
      min-height: 44px;
      min-width: 12em;
      max-width: 100%;
      padding: 0 8px;
      border: 1px solid var(--calls-select-border-color, var(--_muted-fg));
      border-radius: var(--calls-control-radius, 8px);
      background: var(--_control-bg);
      color: var(--_control-fg);
      font: inherit;
    }
    [part='select']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    [part='select']:disabled {
      opacity: 0.6;
    }
    [part='hint'] {
      margin: 0;
      font-size: 12px;
      color: var(--_muted-fg);
    }
  `,
];
