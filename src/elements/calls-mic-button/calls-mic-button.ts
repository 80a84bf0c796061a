import { state } from 'lit/decorators.js';
import { CallsMicToggleRequestEvent } from '../../events/mic-toggle-request.js';
import { CallsButtonElement } from '../../internal/button-element.js';
import { defineElement } from '../../internal/define.js';
import { micIcon, micOffIcon } from '../../internal/icons.js';
import { shortcutText } from '../../internal/shortcuts.js';
import { subscribe } from '../../internal/subscribe.js';
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
export class CallsMicButtonElement extends CallsButtonElement {
  static override styles = micButtonStyles;

  @state() private on = false;

  constructor() {
    super();
    this.iconOnly = true;
    subscribe(
      this,
      () => this.fromMedia((media) => media.micEnabled$, false),
      (on) => {
        this.on = on;
      },
    );
  }

  protected override label(): string {
    return this.t.toggleMic;
  }

  protected override tooltip(): string {
    return `${this.on ? this.t.micOn : this.t.micOff} (${shortcutText('mic')})`;
  }

  protected override icon() {
    return this.on ? micIcon : micOffIcon;
  }

  protected override pressed(): boolean {
    return this.on;
  }

  protected override createRequest(): Event {
    return new CallsMicToggleRequestEvent({ enabled: !this.on });
  }
}

defineElement('calls-mic-button', CallsMicButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-mic-button': CallsMicButtonElement;
  }
}
