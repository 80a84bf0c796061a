import { css } from 'lit';
import { themeStyles } from './theme.styles.js';

/** The shape every kit button shares (`part~="button"`: a button may carry a second part name); its colors come from `toggleButtonStyles` (toggle-button.styles.ts) or the control's own styles. */
export const buttonStyles = [
  themeStyles,
  css`
    :host {
      display: inline-block;
    }
    [part~='button'] {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 6px;
      min-width: 44px;
      min-height: 44px;
      padding: 0 12px;
      border: 0;
      border-radius: var(--calls-control-radius, 999px);
      font: inherit;
      cursor: pointer;
    }
    [part~='button']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    [part~='button']:disabled {
      opacity: 0.5;
      cursor: default;
    }
    [part='icon']:empty {
      display: none;
    }
    [part='icon'] {
      display: inline-flex;
    }
    /* High contrast (Windows): backgrounds become one system colour, so each button gets an edge,
       its focus ring and pressed state take the system's highlight. */
    @media (forced-colors: active) {
      :host [part~='button'] {
        border: 1px solid ButtonText;
      }
      :host [part~='button']:focus-visible {
        outline-color: Highlight;
      }
      :host [part~='button'][aria-pressed='true'] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }
    }
  `,
];
