import { CallsCameraToggleRequestEvent } from '../../events/camera-toggle-request.js';
import { defineElement } from '../../internal/define.js';
import { cameraIcon, cameraOffIcon } from '../../internal/icons.js';
import { CallsMediaToggleButtonElement } from '../../internal/media-toggle-button-element.js';
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
export class CallsCameraButtonElement extends CallsMediaToggleButtonElement {
  static override styles = cameraButtonStyles;

  constructor() {
    super({
      enabled$: (media) => media.cameraEnabled$,
      strings: (t) => ({ label: t.toggleCamera, on: t.cameraOn, off: t.cameraOff }),
      icons: { on: cameraIcon, off: cameraOffIcon },
      shortcut: 'camera',
      request: (enabled) => new CallsCameraToggleRequestEvent({ enabled }),
    });
  }
}

defineElement('calls-camera-button', CallsCameraButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-camera-button': CallsCameraButtonElement;
  }
}
