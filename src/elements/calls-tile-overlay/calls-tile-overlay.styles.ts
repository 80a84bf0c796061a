import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const tileOverlayStyles = [
  themeStyles,
  css`
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
      overflow: hidden;
      border-radius: inherit;
    }
    [part='hand'] {
      position: absolute;
      top: 8px;
      inset-inline-start: 8px;
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      border-radius: 999px;
      background: var(--calls-hand-background, #f59e0b);
      color: var(--calls-hand-foreground, #1d1f24);
      font-weight: 600;
      font-size: 14px;
    }
    /* Faint until wanted, so it does not sit on everyone's face; solid while it holds a pin. */
    [part='pin-button'] {
      position: absolute;
      top: 4px;
      inset-inline-end: 4px;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 44px;
      height: 44px;
      border: 0;
      border-radius: 50%;
      background: var(--calls-label-background, rgb(0 0 0 / 55%));
      color: var(--calls-label-foreground, #ffffff);
      pointer-events: auto;
      cursor: pointer;
      opacity: 0.35;
      transition: opacity 120ms;
    }
    [part='pin-button']:hover,
    [part='pin-button']:focus-visible,
    [part='pin-button'][aria-pressed='true'] {
      opacity: 1;
    }
    [part='pin-button']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: -2px;
    }
    [part='reaction'] {
      position: absolute;
      bottom: 12px;
      font-size: var(--calls-reaction-size, 40px);
      animation: calls-reaction-rise var(--calls-reaction-duration, 2.5s) ease-out forwards;
    }
    @keyframes calls-reaction-rise {
      0% {
        transform: translateY(0) scale(0.6);
        opacity: 0;
      }
      15% {
        transform: translateY(-10%) scale(1);
        opacity: 1;
      }
      100% {
        transform: translateY(-220%) scale(1);
        opacity: 0;
      }
    }
    /* No movement for those who asked for less: the emoji appears in place and goes. */
    @keyframes calls-reaction-still {
      0%,
      90% {
        opacity: 1;
      }
      100% {
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      [part='reaction'] {
        animation-name: calls-reaction-still;
        animation-timing-function: linear;
      }
    }
  `,
];
