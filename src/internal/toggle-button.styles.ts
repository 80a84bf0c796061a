import { css } from 'lit';
import { buttonStyles } from './button.styles.js';

/** An on/off control (microphone, camera): the control color while on, the danger color while off. */
export const toggleButtonStyles = [
  buttonStyles,
  css`
    [part='button'] {
      background: var(--_control-bg);
      color: var(--_control-fg);
    }
    [part='button'][aria-pressed='false'] {
      background: var(--_danger);
      color: var(--_danger-fg);
    }
    /* As in colour: the switched-off microphone or camera is the one that stands out. */
    @media (forced-colors: active) {
      :host [part='button'][aria-pressed='true'] {
        forced-color-adjust: auto;
        background: ButtonFace;
        color: ButtonText;
      }
      :host [part='button'][aria-pressed='false'] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }
    }
  `,
];
