import { css } from 'lit';
import { meetingOverlayStyles } from '../../internal/meeting-overlays.styles.js';
import { themeStyles } from '../../internal/theme.styles.js';

export const meetingStyles = [
  themeStyles,
  meetingOverlayStyles,
  css`
    :host {
      display: block;
      height: var(--calls-meeting-height, auto);
      min-height: var(--calls-meeting-min-height, 480px);
    }
    [part='room'] {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      padding: var(--_gap);
      box-sizing: border-box;
      height: 100%;
      min-height: inherit;
      background: var(--_bg);
      border-radius: var(--_radius);
    }
    calls-lobby,
    calls-grid,
    calls-speaker-layout,
    calls-left-screen {
      flex: 1;
    }
  `,
];
