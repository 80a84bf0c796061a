import { css } from 'lit';
import { themeStyles } from '../../internal/theme.styles.js';

export const participantListStyles = [
  themeStyles,
  css`
    /* A panel toggle hides the panel with the hidden attribute; the display below must not undo it. */
    :host([hidden]) {
      display: none !important;
    }
    :host {
      display: block;
      background: var(--calls-panel-background, var(--_bg));
      border-radius: var(--_radius);
      padding: var(--_gap);
      box-sizing: border-box;
    }
    [part='heading'] {
      margin: 0 0 var(--_gap);
      font-size: 16px;
    }
    [part='list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    [part='participant'] {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: center;
      gap: 4px 8px;
      padding: 6px;
      border-radius: calc(var(--_radius) / 2);
    }
    [part='participant'][data-speaking] {
      box-shadow: inset 3px 0 0 var(--_speaking);
    }
    [part='avatar'] {
      display: grid;
      place-items: center;
      width: 32px;
      height: 32px;
      border-radius: 50%;
      background: var(--_accent);
      color: var(--_accent-fg);
      font-size: 13px;
      font-weight: 600;
    }
    [part='name'] {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [part='role'] {
      color: var(--_muted-fg);
      font-size: 12px;
      margin-inline-start: 4px;
    }
    [part='status'] {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: var(--_muted-fg);
    }
    [part~='mic-off'],
    [part~='camera-off'] {
      color: var(--_danger);
    }
    [part='hand'] {
      display: inline-flex;
      align-items: center;
      padding: 0 6px;
      border-radius: 999px;
      background: var(--calls-hand-background, #f59e0b);
      color: var(--calls-hand-foreground, #1d1f24);
      font-weight: 600;
    }
    [part='quality'] {
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--_muted-fg);
    }
    [part='quality'][data-quality='excellent'],
    [part='quality'][data-quality='good'] {
      background: var(--_speaking);
    }
    [part='quality'][data-quality='poor'] {
      background: #f59e0b;
    }
    [part='quality'][data-quality='lost'] {
      background: var(--_danger);
    }
    [part='actions'],
    [part='confirm'] {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: center;
    }
    [part~='action'],
    [part~='confirm-button'],
    [part~='cancel-button'] {
      min-width: 44px;
      min-height: 44px;
      border: 0;
      border-radius: var(--calls-control-radius, 999px);
      padding: 4px 10px;
      background: var(--_control-bg);
      color: var(--_control-fg);
      font: inherit;
      font-size: 13px;
      cursor: pointer;
    }
    [part~='confirm-button'] {
      background: var(--_danger);
      color: var(--_danger-fg);
    }
    [part~='action']:focus-visible,
    [part~='confirm-button']:focus-visible,
    [part~='cancel-button']:focus-visible,
    [part='heading']:focus-visible,
    [part='list']:focus-visible {
      outline: 2px solid var(--_accent);
    }
    [part~='action']:disabled {
      opacity: 0.5;
      cursor: default;
    }
  `,
];
