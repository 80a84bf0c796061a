import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const mutedHintStyles = [
  themeStyles,
  css`
    :host {
      display: block;
    }
    :host(:not(:state(showing))) {
      display: none;
    }
    [part='hint'] {
      margin: 0 auto;
      width: fit-content;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--calls-hint-background, #1d1f24);
      color: var(--calls-hint-foreground, #ffffff);
      font-size: 14px;
    }
  `,
];
