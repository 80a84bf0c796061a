import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const statusStyles = [
  themeStyles,
  css`
    :host {
      display: block;
    }
    :host(:not(:state(showing))) {
      display: none;
    }
    [part='status'] {
      margin: 0;
      color: var(--_muted-fg);
      font-size: 13px;
      text-align: center;
    }
    [part='error'] {
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--_danger);
      color: var(--_danger-fg);
      font-size: 14px;
    }
  `,
];
