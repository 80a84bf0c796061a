import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const toastsStyles = [
  themeStyles,
  css`
    /* A panel toggle hides the panel with the hidden attribute; the display below must not undo it. */
    :host([hidden]) {
      display: none !important;
    }
    :host {
      display: block;
      pointer-events: none;
    }
    [part='stack'] {
      display: flex;
      flex-direction: column;
      gap: 6px;
      align-items: var(--calls-toast-align, flex-end);
    }
    [part='toast'] {
      pointer-events: auto;
      display: flex;
      align-items: center;
      gap: 8px;
      max-width: 320px;
      padding: 8px 8px 8px 12px;
      border-radius: var(--_radius);
      background: var(--calls-toast-background, #1d1f24);
      color: var(--calls-toast-foreground, #ffffff);
      box-shadow: 0 2px 10px rgb(0 0 0 / 25%);
      animation: calls-toast-in 160ms ease-out;
    }
    [part='message'] {
      flex: 1;
      overflow-wrap: anywhere;
      white-space: pre-wrap;
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    [part='dismiss'] {
      border: 0;
      background: transparent;
      color: inherit;
      font: inherit;
      font-size: 18px;
      line-height: 1;
      min-width: 44px;
      min-height: 44px;
      cursor: pointer;
    }
    [part='dismiss']:focus-visible {
      outline: 2px solid var(--_accent);
    }
    @keyframes calls-toast-in {
      from {
        opacity: 0;
        transform: translateY(8px);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      [part='toast'] {
        animation: none;
      }
    }
    /* High contrast paints the toast like the page behind it: an edge keeps it apart. */
    @media (forced-colors: active) {
      [part='toast'] {
        border: 1px solid CanvasText;
      }
      [part='dismiss']:focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];
