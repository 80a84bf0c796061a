import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';
import { videoSurfaceStyles } from '../../internal/video-surface.styles.js';

export const tileStyles = [
  themeStyles,
  videoSurfaceStyles,
  css`
    [part='base'] {
      position: absolute;
      inset: 0;
      border-radius: inherit;
      outline: 3px solid transparent;
      outline-offset: -3px;
      transition: outline-color 120ms;
    }
    :host([speaking]) [part='base'] {
      outline-color: var(--_speaking);
    }
    /* High contrast forces every outline to one colour: only the speaker's frame has one, in Highlight. */
    @media (forced-colors: active) {
      [part='base'] {
        outline: none;
      }
      :host([speaking]) [part='base'] {
        outline: 3px solid Highlight;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      [part='base'] {
        transition: none;
      }
    }
    video {
      background: transparent;
    }
    video.mirrored {
      transform: scaleX(-1);
    }
    /* A shared screen is read, not framed: never crop it. */
    :host([source='screen']) video {
      object-fit: var(--calls-video-fit, contain);
    }
    [part='initials'] {
      display: grid;
      place-items: center;
      width: clamp(40px, 28cqi, 120px);
      aspect-ratio: 1;
      border-radius: 50%;
      background: var(--calls-avatar-background, var(--_accent));
      color: var(--calls-avatar-foreground, var(--_accent-fg));
      font-size: clamp(16px, 10cqi, 44px);
      font-weight: 600;
      letter-spacing: 0.02em;
    }
    [part='label'] {
      position: absolute;
      inset-inline-start: 8px;
      bottom: 8px;
      max-width: calc(100% - 16px);
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 3px 8px;
      border-radius: 999px;
      background: var(--calls-label-background, rgb(0 0 0 / 0.55));
      color: var(--calls-label-foreground, #ffffff);
      font-size: 13px;
      line-height: 1.3;
    }
    [part='name'] {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [part='muted-indicator'] {
      display: inline-flex;
      color: var(--calls-muted-indicator-color, #ff8a8a);
    }
    [part='muted-indicator'] svg {
      width: 16px;
      height: 16px;
    }
    [part='placeholder'] {
      background: var(--_tile-bg);
      align-content: center;
      gap: 8px;
    }
    [part='spinner'] {
      position: absolute;
      width: clamp(52px, calc(28cqi + 14px), 134px);
      aspect-ratio: 1;
      border-radius: 50%;
      border: 3px solid transparent;
      border-top-color: var(--calls-avatar-background, var(--_accent));
      animation: calls-tile-spin 1s linear infinite;
    }
    /* Still for those who asked for less motion: the arc and "Reconnecting" say it is waiting. */
    @media (prefers-reduced-motion: reduce) {
      [part='spinner'] {
        animation: none;
      }
    }
    @keyframes calls-tile-spin {
      to {
        transform: rotate(360deg);
      }
    }
    [part='status'] {
      font-size: 13px;
      color: var(--_muted-fg);
    }
    [part='quality'] {
      display: inline-flex;
      align-items: flex-end;
      gap: 2px;
      height: 12px;
    }
    [part='quality'] i {
      width: 3px;
      border-radius: 1px;
      background: currentColor;
      opacity: 0.35;
    }
    [part='quality'] i:nth-child(1) {
      height: 40%;
    }
    [part='quality'] i:nth-child(2) {
      height: 70%;
    }
    [part='quality'] i:nth-child(3) {
      height: 100%;
    }
    [data-quality='excellent'] i,
    [data-quality='good'] i:nth-child(-n + 2) {
      background: var(--calls-quality-good-color, #4ade80);
      opacity: 1;
    }
    [data-quality='poor'] i:nth-child(1) {
      background: var(--calls-quality-poor-color, #fbbf24);
      opacity: 1;
    }
    [data-quality='bad'] i:nth-child(1) {
      background: var(--calls-quality-bad-color, #f87171);
      opacity: 1;
    }
    [data-quality='lost'] {
      color: var(--calls-quality-bad-color, #f87171);
    }
      /* Compact (no camera): one short row, initials, name and microphone; a ring while speaking. */
    :host([compact]) {
      aspect-ratio: auto;
      height: var(--calls-compact-tile-height, 56px);
    }
    :host([compact]) [part='base'] {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 0 12px;
      box-sizing: border-box;
    }
    :host([compact]) [part='placeholder'] {
      position: static;
      flex: none;
    }
    :host([compact]) [part='initials'] {
      width: 36px;
      font-size: 14px;
    }
    :host([compact][speaking]) [part='initials'] {
      box-shadow: 0 0 0 3px var(--_tile-bg), 0 0 0 6px var(--_speaking);
    }
    :host([compact]) [part='label'] {
      position: static;
      flex: 1;
      min-width: 0;
      padding: 0;
      background: none;
      color: var(--_fg);
      font-size: 14px;
    }
    /* On the tile's own background rather than the dark name tag: the danger colour reads there. */
    :host([compact]) [part='muted-indicator'] {
      color: var(--calls-muted-indicator-color, var(--_danger));
    }
    /* Narrow (a filmstrip's square): the initials above the name. */
    @container (max-width: 140px) {
      :host([compact]) [part='base'] {
        flex-direction: column;
        justify-content: center;
        gap: 6px;
        padding: 6px;
      }
      :host([compact]) [part='label'] {
        flex: none;
        max-width: 100%;
        justify-content: center;
      }
    }
    @media (forced-colors: active) {
      :host([compact][speaking]) [part='initials'] {
        outline: 3px solid Highlight;
        outline-offset: 2px;
      }
    }
  `,
];
