import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

export const reactionsButtonStyles = [
  buttonStyles,
  css`
    :host {
      position: relative;
    }
    [part='button'] {
      background: var(--_control-bg);
      color: var(--_control-fg);
    }
    [part='picker'] {
      position: absolute;
      bottom: calc(100% + 6px);
      left: 50%;
      transform: translateX(-50%);
      display: flex;
      gap: 2px;
      padding: 4px;
      background: var(--calls-popup-background, var(--_bg));
      border-radius: var(--calls-control-radius, 999px);
      box-shadow: 0 2px 12px rgb(0 0 0 / 25%);
      z-index: 1;
    }
    [part='emoji'] {
      min-width: 44px;
      min-height: 44px;
      border: 0;
      border-radius: 50%;
      background: transparent;
      font-size: 22px;
      cursor: pointer;
    }
    [part='emoji']:hover,
    [part='emoji']:focus-visible {
      background: var(--_control-bg);
      outline: 2px solid var(--_accent);
    }
  `,
];
