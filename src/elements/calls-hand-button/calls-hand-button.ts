import { state } from 'lit/decorators.js';
import type { Participant } from '../../core/participant.js';
import { CallsHandToggleRequestEvent } from '../../events/hand-toggle-request.js';
import { CallsButtonElement } from '../../internal/button-element.js';
import { defineElement } from '../../internal/define.js';
import { handIcon } from '../../internal/icons.js';
import { subscribe } from '../../internal/subscribe.js';
import { handButtonStyles } from './calls-hand-button.styles.js';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`). A press asks the room to raise
 * your hand, or to lower it while it is up. The backend keeps the order in which hands went up; a
 * moderator may lower yours. Disabled while not in a room.
 *
 * @summary Raises and lowers your hand (`aria-pressed` is true while it is up).
 *
 * @event {CallsHandToggleRequestEvent} calls-hand-toggle-request - A press: `detail.raised` is the
 *   state asked for. Cancel it to leave the hand as it is.
 *
 * @csspart button - The native button.
 * @csspart icon - The hand icon.
 * @csspart label - The label (visually hidden with `icon-only`).
 *
 * @cssstate pressed - Your hand is up.
 *
 * @cssproperty --calls-control-background - The button while your hand is down.
 * @cssproperty --calls-control-foreground - Its icon and text.
 * @cssproperty --calls-accent - The button while your hand is up, and the focus ring.
 * @cssproperty --calls-accent-foreground - Its icon and text while up.
 * @cssproperty --calls-control-radius - Corner radius of the button.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsHandButtonElement extends CallsButtonElement {
  static override styles = handButtonStyles;

  @state() private self: Participant | undefined;

  constructor() {
    super();
    this.iconOnly = true;
    subscribe(
      this,
      () => this.fromRoom((room) => room.self$, undefined),
      (self) => {
        this.self = self;
      },
    );
  }

  protected override label(): string {
    return this.t.raiseHand;
  }

  protected override tooltip(): string {
    const order = this.self?.handOrder;
    return order ? `${this.t.handRaised(order)} — ${this.t.lowerHand}` : this.t.raiseHand;
  }

  protected override icon() {
    return handIcon;
  }

  protected override pressed(): boolean {
    return this.self?.handRaised ?? false;
  }

  protected override busy(): boolean {
    return this.self === undefined;
  }

  protected override createRequest(): Event {
    return new CallsHandToggleRequestEvent({ raised: !(this.self?.handRaised ?? false) });
  }
}

defineElement('calls-hand-button', CallsHandButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-hand-button': CallsHandButtonElement;
  }
}
