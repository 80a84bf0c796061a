import { state } from 'lit/decorators.js';
import type { ConnectionState } from '../../core/presence-client.js';
import { CallsJoinRequestEvent } from '../../events/join-request.js';
import { CallsButtonElement } from '../../internal/button-element.js';
import { defineElement } from '../../internal/define.js';
import { subscribe } from '../../internal/subscribe.js';
import { joinButtonStyles } from './calls-join-button.styles.js';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`). A press asks the room to join;
 * the room joins unless a listener cancels the request. It is disabled while joining and while in
 * the room.
 *
 * @summary Joins the call.
 *
 * @event {CallsJoinRequestEvent} calls-join-request - A press. Cancel it to stop the join (e.g. to
 *   fetch a token first, then call `join()`).
 *
 * @csspart button - The native button.
 * @csspart icon - Empty unless a subclass adds an icon.
 * @csspart label - The label.
 *
 * @cssproperty --calls-accent - The button, and its focus ring.
 * @cssproperty --calls-accent-foreground - Its text.
 * @cssproperty --calls-control-radius - Corner radius of the button.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsJoinButtonElement extends CallsButtonElement {
  static override styles = joinButtonStyles;

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
    return this.connection === 'connecting' ? this.t.joining : this.t.join;
  }

  protected override busy(): boolean {
    return this.connection !== 'disconnected';
  }

  protected override createRequest(): Event {
    return new CallsJoinRequestEvent({});
  }
}

defineElement('calls-join-button', CallsJoinButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-join-button': CallsJoinButtonElement;
  }
}
