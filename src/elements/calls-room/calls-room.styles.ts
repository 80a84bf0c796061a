import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const roomStyles = [
  themeStyles,
  css`
    :host {
      display: block;
      position: relative;
      background: var(--_bg);
      border-radius: var(--_radius);
    }
    [part='view'] {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
      padding: var(--_gap);
      min-height: var(--calls-room-min-height, 360px);
      height: 100%;
      box-sizing: border-box;
    }
    [part='grid'] {
      flex: 1;
      display: grid;
      grid-template-columns: repeat(var(--_columns, 1), minmax(0, var(--_tile-width, 1fr)));
      justify-content: center;
      align-content: center;
      gap: var(--_gap);
      min-height: 0;
    }
    [part='lobby'] {
      flex: 1;
      display: grid;
      place-items: center;
    }
    [part='lobby'] calls-publisher {
      width: min(100%, 480px);
    }
    [part='controls'] {
      display: flex;
      justify-content: center;
      flex-wrap: wrap;
      gap: var(--_gap);
    }
    button {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-height: 40px;
      padding: 0 16px;
      border: 0;
      border-radius: 999px;
      font: inherit;
      font-size: 14px;
      cursor: pointer;
      background: var(--_control-bg);
      color: var(--_control-fg);
    }
    button:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    button[aria-pressed='false'] {
      background: var(--_danger);
      color: var(--_danger-fg);
    }
    [part~='join-button'] {
      background: var(--_accent);
      color: var(--_accent-fg);
    }
    [part~='leave-button'] {
      background: var(--_danger);
      color: var(--_danger-fg);
    }
    /* The leave icon points out of the door, the way reading goes: mirrored right to left. */
    [part~='leave-button'] svg:dir(rtl) {
      transform: scaleX(-1);
    }
    [part='status'] {
      margin: 0;
      color: var(--_muted-fg);
      font-size: 13px;
      text-align: center;
    }
    [part='error'] {
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--_danger);
      color: var(--_danger-fg);
      font-size: 14px;
    }
    [part='audio-prompt'] {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: var(--_gap);
      flex-wrap: wrap;
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--_control-bg);
      font-size: 14px;
    }
  `,
];
