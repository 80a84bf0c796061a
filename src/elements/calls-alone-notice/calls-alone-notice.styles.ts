import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const aloneNoticeStyles = [
  themeStyles,
  css`
    :host {
      display: block;
    }
    /* Takes no room (not even a gap in a flex column) while there is someone else to see. */
    :host(:not(:state(alone))) {
      display: none;
    }
    [part='base'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-radius: var(--_radius);
      background: var(--_control-bg);
    }
    [part='title'] {
      font-weight: 600;
    }
    [part='link'] {
      flex: 1;
      min-width: 12em;
      min-height: 44px;
      padding: 0 8px;
      border: 1px solid var(--_muted-fg);
      border-radius: 6px;
      background: var(--_bg);
      color: var(--_fg);
      font: inherit;
    }
    [part='copy-button'] {
      min-height: 44px;
      padding: 0 16px;
      border: 0;
      border-radius: var(--calls-control-radius, 999px);
      background: var(--_accent);
      color: var(--_accent-fg);
      font: inherit;
      cursor: pointer;
    }
    [part='copy-button']:focus-visible,
    [part='link']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    [part='status'] {
      flex-basis: 100%;
      color: var(--_muted-fg);
    }
  `,
];
