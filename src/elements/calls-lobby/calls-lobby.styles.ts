import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const lobbyStyles = [
  themeStyles,
  css`
    :host {
      display: grid;
      place-content: center;
      justify-items: center;
      gap: var(--_gap);
      padding: var(--_gap);
    }
    [part='heading'] {
      margin: 0;
      font-size: 20px;
      font-weight: 600;
    }
    [part='preview'] {
      width: min(100%, var(--calls-lobby-preview-width, 480px));
    }
    [part='devices'],
    [part='controls'] {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: var(--_gap);
    }
    [part='name-field'] {
      display: grid;
      gap: 4px;
      font-size: 14px;
    }
    [part='name-input'] {
      box-sizing: border-box;
      min-height: 44px;
      font: inherit;
      padding: 8px 10px;
      border: 1px solid var(--_muted-fg);
      border-radius: 8px;
      background: var(--_bg);
      color: var(--_fg);
    }
    [part='help'] {
      margin: 0;
      max-width: 480px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--_control-bg);
      font-size: 14px;
    }
  `,
];
