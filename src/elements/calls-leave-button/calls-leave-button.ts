import { state } from 'lit/decorators.js';
import type { ConnectionState } from '../../core/presence-client.js';
import { CallsLeaveRequestEvent } from '../../events/leave-request.js';
import { CallsButtonElement } from '../../internal/button-element.js';
import { defineElement } from '../../internal/define.js';
import { leaveIcon } from '../../internal/icons.js';
import { subscribe } from '../../internal/subscribe.js';
import { leaveButtonStyles } from './calls-leave-button.styles.js';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`). A press asks the room to leave;
 * the room leaves (and releases the camera and microphone) unless a listener cancels the request.
 * It is disabled while not in a room.
 *
 * @summary Leaves the call.
 *
 * @event {CallsLeaveRequestEvent} calls-leave-request - A press. Cancel it to stay (e.g. to ask
 *   "Leave the call?" first).
 *
 * @csspart button - The native button.
 * @csspart icon - The leave icon.
 * @csspart label - The label (visually hidden with `icon-only`).
 *
 * @cssproperty --calls-danger - The button.
 * @cssproperty --calls-danger-foreground - Its icon and text.
 * @cssproperty --calls-accent - The focus ring.
 * @cssproperty --calls-control-radius - Corner radius of the button.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsLeaveButtonElement extends CallsButtonElement {
  static override styles = leaveButtonStyles;

  @state() private connection: ConnectionState = 'disconnected';

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => room.connectionState$, 'disconnected' as ConnectionState),
      (connection) => {
        this.connection = connection;
      },
    );
  }

  protected override label(): string {
    return this.t.leave;
  }

  protected override icon() {
    return leaveIcon;
  }

  protected override busy(): boolean {
    return this.connection === 'disconnected';
  }

  protected override createRequest(): Event {
    return new CallsLeaveRequestEvent({});
  }
}

defineElement('calls-leave-button', CallsLeaveButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-leave-button': CallsLeaveButtonElement;
  }
}
