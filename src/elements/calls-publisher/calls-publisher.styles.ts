import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';
import { videoSurfaceStyles } from '../../internal/video-surface.styles.js';

export const publisherStyles = [
  themeStyles,
  videoSurfaceStyles,
  css`
    video {
      /* A self view is a mirror: people expect to move left and see themselves move left. */
      transform: scaleX(-1);
    }
    [part='placeholder'] {
      color: var(--_muted-fg);
      font-size: 14px;
      text-align: center;
      padding: 12px;
    }
    [part='level'] {
      position: absolute;
      inset-inline-start: 8px;
      inset-inline-end: 8px;
      bottom: 8px;
      height: 6px;
      border-radius: 3px;
      background: var(--calls-level-track-color, rgb(0 0 0 / 0.35));
      overflow: hidden;
    }
    [part='level-bar'] {
      height: 100%;
      width: 100%;
      transform-origin: left;
      background: var(--calls-level-color, var(--_speaking));
      transition: transform 60ms linear;
    }
    [part='error'] {
      position: absolute;
      inset-inline-start: 8px;
      inset-inline-end: 8px;
      top: 8px;
      margin: 0;
      padding: 6px 10px;
      border-radius: 8px;
      background: var(--_danger);
      color: var(--_danger-fg);
      font-size: 13px;
    }
  `,
];
