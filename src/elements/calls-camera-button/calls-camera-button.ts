import { state } from 'lit/decorators.js';
import { CallsCameraToggleRequestEvent } from '../../events/camera-toggle-request.js';
import { CallsButtonElement } from '../../internal/button-element.js';
import { defineElement } from '../../internal/define.js';
import { cameraIcon, cameraOffIcon } from '../../internal/icons.js';
import { shortcutText } from '../../internal/shortcuts.js';
import { subscribe } from '../../internal/subscribe.js';
import { cameraButtonStyles } from './calls-camera-button.styles.js';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`). A press asks the room to turn
 * the camera the other way; the room does it unless a listener cancels the request.
 *
 * @summary Turns your camera on and off (`aria-pressed` is true while it is on).
 *
 * @event {CallsCameraToggleRequestEvent} calls-camera-toggle-request - A press: `detail.enabled` is
 *   the state asked for. Cancel it to keep the camera as it is.
 *
 * @csspart button - The native button.
 * @csspart icon - The camera icon.
 * @csspart label - The label (visually hidden with `icon-only`).
 *
 * @cssstate pressed - The camera is on.
 *
 * @cssproperty --calls-control-background - The button while the camera is on.
 * @cssproperty --calls-control-foreground - Its icon and text.
 * @cssproperty --calls-danger - The button while the camera is off.
 * @cssproperty --calls-danger-foreground - Its icon and text while off.
 * @cssproperty --calls-accent - The focus ring.
 * @cssproperty --calls-control-radius - Corner radius of the button.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsCameraButtonElement extends CallsButtonElement {
  static override styles = cameraButtonStyles;

  @state() private on = false;

  constructor() {
    super();
    this.iconOnly = true;
    subscribe(
      this,
      () => this.fromMedia((media) => media.cameraEnabled$, false),
      (on) => {
        this.on = on;
      },
    );
  }

  protected override label(): string {
    return this.t.toggleCamera;
  }

  protected override tooltip(): string {
    return `${this.on ? this.t.cameraOn : this.t.cameraOff} (${shortcutText('camera')})`;
  }

  protected override icon() {
    return this.on ? cameraIcon : cameraOffIcon;
  }

  protected override pressed(): boolean {
    return this.on;
  }

  protected override createRequest(): Event {
    return new CallsCameraToggleRequestEvent({ enabled: !this.on });
  }
}

defineElement('calls-camera-button', CallsCameraButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-camera-button': CallsCameraButtonElement;
  }
}
