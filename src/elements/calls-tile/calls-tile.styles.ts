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
    video {
      background: transparent;
    }
    video.mirrored {
      transform: scaleX(-1);
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
  `,
];
