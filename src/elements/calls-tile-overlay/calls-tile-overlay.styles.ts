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
