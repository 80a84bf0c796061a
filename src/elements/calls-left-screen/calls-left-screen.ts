import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CallsErrorCode } from '../../core/errors.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { subscribe } from '../../internal/subscribe.js';
import '../calls-join-button/calls-join-button.js';
import { leftScreenStyles } from './calls-left-screen.styles.js';

/**
 * What a person sees after the call: "You left the call" (or why the call ended, e.g. removed by a
 * moderator) and a Rejoin button. It holds no camera or microphone, so the devices are released.
 * Put it in a `<calls-room>`'s `left` slot to show it only after leaving.
 *
 * @summary The screen after leaving: why, and Rejoin.
 *
 * @slot - Extra content under the Rejoin button (a survey link, a "Back to the app" link…).
 *
 * @csspart title - "You left the call".
 * @csspart reason - Why the call ended, when it was not the person's choice.
 * @csspart rejoin-button - The `<calls-join-button>`.
 *
 * @cssproperty --calls-muted-foreground - The reason.
 * @cssproperty --calls-gap - Space between the pieces.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsLeftScreenElement extends CallsControlElement {
  static override styles = leftScreenStyles;

  @state() private reason: 'left' | CallsErrorCode | undefined;

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromContext((context) => context.leftReason$, undefined),
      (reason) => {
        this.reason = reason;
      },
    );
  }

  protected override render() {
    const ended = this.reason && this.reason !== 'left' ? this.t.errors[this.reason] : '';
    return html`
      <h2 part="title">${this.t.youLeftTitle}</h2>
      ${ended ? html`<p part="reason">${ended}</p>` : nothing}
      <calls-join-button room=${ifDefined(this.room)} part="rejoin-button" rejoin></calls-join-button>
      <slot></slot>
    `;
  }
}

defineElement('calls-left-screen', CallsLeftScreenElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-left-screen': CallsLeftScreenElement;
  }
}
