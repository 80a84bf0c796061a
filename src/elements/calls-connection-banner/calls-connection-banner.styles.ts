import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const bannerStyles = [
  themeStyles,
  css`
    :host {
      display: block;
      pointer-events: none;
    }
    [part='base'] {
      pointer-events: auto;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 8px 12px;
      padding: 8px 14px;
      border-radius: var(--_radius);
      background: var(--calls-banner-background, rgb(20 22 28 / 0.86));
      color: var(--calls-banner-foreground, #ffffff);
      font-family: var(--_font);
      font-size: 14px;
      line-height: 1.35;
    }
    [part='base']:empty {
      padding: 0;
      background: transparent;
    }
    :host(:state(upload-lossy)) [part='base'] {
      background: var(--calls-warning, #92400e);
      color: var(--calls-warning-foreground, #ffffff);
    }
    [part='spinner'] {
      width: 14px;
      height: 14px;
      border-radius: 50%;
      border: 2px solid rgb(255 255 255 / 0.3);
      border-top-color: var(--_accent);
      animation: calls-banner-spin 1s linear infinite;
    }
    /* Still for those who asked for less motion: the text says it is reconnecting. */
    @media (prefers-reduced-motion: reduce) {
      [part='spinner'] {
        animation: none;
      }
    }
    @media (forced-colors: active) {
      [part='base']:not(:empty) {
        border: 1px solid CanvasText;
      }
    }
    @keyframes calls-banner-spin {
      to {
        transform: rotate(360deg);
      }
    }
    [part='detail'] {
      opacity: 0.8;
    }
    [part='retry-button'] {
      font: inherit;
      padding: 4px 12px;
      border: 0;
      border-radius: 999px;
      background: var(--_accent);
      color: var(--_accent-fg);
      cursor: pointer;
    }
    [part='retry-button']:focus-visible {
      outline: 2px solid var(--_accent-fg);
      outline-offset: 2px;
    }
  `,
];
