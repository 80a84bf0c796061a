import { css } from 'lit';
import { meetingOverlayStyles } from '../../internal/meeting-overlays.styles.js';
import { themeStyles } from '../../internal/theme.styles.js';

export const roomStyles = [
  themeStyles,
  meetingOverlayStyles,
  css`
    :host {
      display: block;
      position: relative;
      background: var(--_bg);
      border-radius: var(--_radius);
    }
    /* The default meeting: a column whose grid takes the height the others leave. */
    :host(:state(default-meeting)) {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      padding: var(--_gap);
      min-height: var(--calls-room-min-height, 360px);
      box-sizing: border-box;
    }
    [part='grid'],
    [part='speaker-layout'],
    [part='lobby'],
    [part='left-screen'] {
      flex: 1;
    }
    [part='joining'] {
      flex: 1;
      display: grid;
      place-items: center;
    }
  `,
];
