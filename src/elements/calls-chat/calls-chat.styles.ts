import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const chatStyles = [
  themeStyles,
  css`
    /* A panel toggle hides the panel with the hidden attribute; the display below must not undo it. */
    :host([hidden]) {
      display: none !important;
    }
    :host {
      display: flex;
      flex-direction: column;
      min-height: 240px;
      max-height: var(--calls-chat-max-height, 480px);
      background: var(--calls-panel-background, var(--_bg));
      border-radius: var(--_radius);
      box-sizing: border-box;
    }
    [part='heading'] {
      margin: 0;
      padding: var(--_gap);
      font-size: 16px;
    }
    [part='messages'] {
      flex: 1;
      overflow-y: auto;
      margin: 0;
      padding: 0 var(--_gap);
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    [part='empty'] {
      color: var(--_muted-fg);
      padding: var(--_gap);
    }
    [part='message'] {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0 8px;
    }
    [part='sender'] {
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [part='time'] {
      color: var(--_muted-fg);
      font-size: 12px;
    }
    [part='private'] {
      grid-column: 1 / -1;
      color: var(--_accent);
      font-size: 12px;
      font-style: italic;
    }
    [part='text'] {
      grid-column: 1 / -1;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      unicode-bidi: isolate;
    }
    [part='text'] a {
      color: var(--_accent);
    }
    [part='new-marker'] {
      display: flex;
      align-items: center;
      gap: 8px;
      color: var(--calls-chat-marker-color, var(--_danger));
      font-size: 12px;
      font-weight: 600;
    }
    [part='new-marker']::before,
    [part='new-marker']::after {
      content: '';
      flex: 1;
      border-block-start: 1px solid currentColor;
    }
    [part='error'] {
      margin: 0 var(--_gap);
      color: var(--_danger);
      font-size: 13px;
    }
    [part='form'] {
      display: flex;
      gap: 6px;
      padding: var(--_gap);
    }
    [part='input'] {
      flex: 1;
      resize: none;
      min-height: 44px;
      max-height: 120px;
      padding: 8px;
      border: 1px solid var(--_muted-fg);
      border-radius: calc(var(--_radius) / 2);
      background: var(--_bg);
      color: var(--_fg);
      font: inherit;
    }
    [part='recipient'] {
      max-width: 30%;
      min-height: 44px;
      border: 1px solid var(--_muted-fg);
      border-radius: calc(var(--_radius) / 2);
      background: var(--_bg);
      color: var(--_fg);
      font: inherit;
    }
    [part='recipient']:focus-visible,
    [part='input']:focus-visible,
    [part='send-button']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 1px;
    }
    [part='send-button'] {
      min-width: 44px;
      min-height: 44px;
      border: 0;
      border-radius: var(--calls-control-radius, 999px);
      padding: 0 14px;
      background: var(--_accent);
      color: var(--_accent-fg);
      font: inherit;
      cursor: pointer;
    }
    [part='send-button']:disabled {
      opacity: 0.5;
      cursor: default;
    }
  `,
];
