import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const controlBarStyles = [
  themeStyles,
  css`
    :host {
      display: block;
    }
    [part='bar'] {
      display: flex;
      justify-content: center;
      align-items: center;
      flex-wrap: wrap;
      gap: var(--calls-control-bar-gap, var(--_gap));
      padding: var(--calls-control-bar-padding, 0);
      background: var(--calls-control-bar-background, transparent);
      border-radius: var(--_radius);
    }
  `,
];
