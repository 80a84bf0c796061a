import { css } from 'lit';
import { buttonStyles } from '../../internal/button.styles.js';

// The trigger and Close are native buttons with parts of their own: they get the same shape, 44 px
// target and focus ring as every kit button here.
export const settingsStyles = [
  buttonStyles,
  css`
    [part='trigger'],
    [part='close-button'] {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 44px;
      min-height: 44px;
      padding: 0 12px;
      border: 0;
      border-radius: var(--calls-control-radius, 999px);
      font: inherit;
      cursor: pointer;
      background: var(--_control-bg);
      color: var(--_control-fg);
    }
    [part='trigger']:focus-visible,
    [part='close-button']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
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
