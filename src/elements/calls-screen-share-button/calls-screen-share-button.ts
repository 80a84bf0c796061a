import { state } from 'lit/decorators.js';
import { combineLatest, map } from 'rxjs';
import { CallsScreenShareToggleRequestEvent } from '../../events/screen-share-toggle-request.js';
import { CallsButtonElement } from '../../internal/button-element.js';
import { defineElement } from '../../internal/define.js';
import { screenShareIcon } from '../../internal/icons.js';
import { subscribe } from '../../internal/subscribe.js';
import { screenShareButtonStyles } from './calls-screen-share-button.styles.js';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`). A press asks the room to start
 * sharing your screen (the browser then asks which screen, window or tab, and tab or system audio
 * where it offers it) or to stop. Sharing also stops from the browser's own "Stop sharing"; the
 * button follows. It is disabled outside a call, since there is nobody to share with.
 *
 * @summary Starts and stops sharing your screen (`aria-pressed` is true while sharing).
 *
 * @event {CallsScreenShareToggleRequestEvent} calls-screen-share-toggle-request - A press:
 *   `detail.enabled` is the state asked for. Cancel it to leave sharing as it is.
 *
 * @csspart button - The native button.
 * @csspart icon - The screen icon.
 * @csspart label - The label (visually hidden with `icon-only`).
 *
 * @cssstate pressed - Your screen is being shared.
 *
 * @cssproperty --calls-control-background - The button while not sharing.
 * @cssproperty --calls-control-foreground - Its icon and text.
 * @cssproperty --calls-accent - The button while sharing, and the focus ring.
 * @cssproperty --calls-accent-foreground - Its icon and text while sharing.
 * @cssproperty --calls-control-radius - Corner radius of the button.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsScreenShareButtonElement extends CallsButtonElement {
  static override styles = screenShareButtonStyles;

  @state() private on = false;
  @state() private inCall = false;

  constructor() {
    super();
    this.iconOnly = true;
    subscribe(
      this,
      () =>
        this.fromRoom(
          (room) =>
            combineLatest([room.screenShareEnabled$, room.connectionState$]).pipe(
              map(([on, state]) => ({ on, inCall: state === 'connected' || state === 'reconnecting' })),
            ),
          { on: false, inCall: false },
        ),
      ({ on, inCall }) => {
        this.on = on;
        this.inCall = inCall;
      },
    );
  }

  protected override label(): string {
    return this.t.shareScreen;
  }

  protected override tooltip(): string {
    return this.on ? this.t.screenShareOn : this.t.screenShareOff;
  }

  protected override icon() {
    return screenShareIcon;
  }

  protected override pressed(): boolean {
    return this.on;
  }

  protected override busy(): boolean {
    return !this.inCall;
  }

  protected override createRequest(): Event {
    return new CallsScreenShareToggleRequestEvent({ enabled: !this.on });
  }
}

defineElement('calls-screen-share-button', CallsScreenShareButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-screen-share-button': CallsScreenShareButtonElement;
  }
}
