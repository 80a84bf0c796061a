import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { CallsError } from '../../core/errors.js';
import type { ConnectionState } from '../../core/presence-client.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { subscribe } from '../../internal/subscribe.js';
import { statusStyles } from './calls-status.styles.js';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`). It takes no space while there
 * is nothing to say.
 *
 * @summary The room's state in words: "Joining…", "Reconnecting…", and the latest error.
 *
 * @csspart status - The connection line ("Joining…", "Reconnecting…").
 * @csspart error - The latest error, in the person's language (role `alert`).
 *
 * @cssstate showing - It has something to show.
 *
 * @cssproperty --calls-muted-foreground - The connection line.
 * @cssproperty --calls-danger - Background of the error.
 * @cssproperty --calls-danger-foreground - Text of the error.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsStatusElement extends CallsControlElement {
  static override styles = statusStyles;

  @state() private connection: ConnectionState = 'disconnected';
  @state() private error: CallsError | undefined;

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => room.connectionState$, 'disconnected' as ConnectionState),
      (connection) => {
        this.connection = connection;
      },
    );
    subscribe(
      this,
      () => this.fromContext((context) => context.error$, undefined),
      (error) => {
        this.error = error;
      },
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.toggleState('showing', Boolean(this.#line() || this.error));
  }

  protected override render() {
    const line = this.#line();
    return html`
      ${this.error ? html`<p part="error" role="alert">${this.t.errors[this.error.code]}</p>` : nothing}
      ${line ? html`<p part="status">${line}</p>` : nothing}
    `;
  }

  #line(): string {
    if (this.connection === 'connecting') return this.t.joining;
    if (this.connection === 'reconnecting') return this.t.reconnecting;
    return '';
  }
}

defineElement('calls-status', CallsStatusElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-status': CallsStatusElement;
  }
}
