import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

export const audioPromptStyles = [
  buttonStyles,
  css`
    :host {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: var(--_gap);
      flex-wrap: wrap;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--_control-bg);
      font-size: 14px;
    }
    :host(:not(:state(blocked))) {
      display: none;
    }
    [part='button'] {
      background: var(--_accent);
      color: var(--_accent-fg);
    }
  `,
];
