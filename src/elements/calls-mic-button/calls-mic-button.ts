import { CallsMicToggleRequestEvent } from '../../events/mic-toggle-request.js';
import { defineElement } from '../../internal/define.js';
import { micIcon, micOffIcon } from '../../internal/icons.js';
import { CallsMediaToggleButtonElement } from '../../internal/media-toggle-button-element.js';
import { micButtonStyles } from './calls-mic-button.styles.js';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`). A press asks the room to turn
 * the microphone the other way; the room does it unless a listener cancels the request.
 *
 * @summary Turns your microphone on and off (`aria-pressed` is true while it is on).
 *
 * @event {CallsMicToggleRequestEvent} calls-mic-toggle-request - A press: `detail.enabled` is the
 *   state asked for. Cancel it to keep the microphone as it is.
 *
 * @csspart button - The native button.
 * @csspart icon - The microphone icon.
 * @csspart label - The label (visually hidden with `icon-only`).
 *
 * @cssstate pressed - The microphone is on.
 *
 * @cssproperty --calls-control-background - The button while the microphone is on.
 * @cssproperty --calls-control-foreground - Its icon and text.
 * @cssproperty --calls-danger - The button while the microphone is off.
 * @cssproperty --calls-danger-foreground - Its icon and text while off.
 * @cssproperty --calls-accent - The focus ring.
 * @cssproperty --calls-control-radius - Corner radius of the button.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsMicButtonElement extends CallsMediaToggleButtonElement {
  static override styles = micButtonStyles;

  constructor() {
    super({
      enabled$: (media) => media.micEnabled$,
      strings: (t) => ({ label: t.toggleMic, on: t.micOn, off: t.micOff }),
      icons: { on: micIcon, off: micOffIcon },
      shortcut: 'mic',
      request: (enabled) => new CallsMicToggleRequestEvent({ enabled }),
    });
  }
}

defineElement('calls-mic-button', CallsMicButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-mic-button': CallsMicButtonElement;
  }
}
