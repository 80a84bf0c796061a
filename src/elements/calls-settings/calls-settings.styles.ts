import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

export const settingsStyles = [
  buttonStyles,
  css`
    [part='trigger'],
    [part='close-button'] {
      background: var(--_control-bg);
      color: var(--_control-fg);
    }
    /* A thumb-sized target like every control in the bar (the shared shape styles part="button" only). */
    [part='trigger'] {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 44px;
      min-height: 44px;
    }
    [part='dialog'] {
      width: min(92vw, 420px);
      padding: 20px;
      border: 0;
      border-radius: var(--_radius);
      background: var(--calls-dialog-background, var(--_bg));
      color: var(--_fg);
      box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
    }
    [part='dialog']::backdrop {
      background: var(--calls-dialog-backdrop, rgb(0 0 0 / 0.45));
    }
    [part='heading'] {
      margin: 0 0 16px;
      font-size: 18px;
    }
    [part='devices'] {
      display: grid;
      gap: 12px;
    }
    [part='devices'] calls-device-select {
      display: block;
    }
    [part='mic-test'] {
      display: grid;
      gap: 4px;
      margin-top: 16px;
      font-size: 13px;
    }
    [part='mic-meter'] {
      height: 8px;
      border-radius: 999px;
      background: var(--_control-bg);
      overflow: hidden;
    }
    [part='mic-meter-level'] {
      height: 100%;
      width: calc(var(--_level, 0) * 100%);
      background: var(--_speaking);
      transition: width 50ms linear;
    }
    [part='footer'] {
      display: flex;
      justify-content: flex-end;
      margin-top: 20px;
    }
  `,
];
