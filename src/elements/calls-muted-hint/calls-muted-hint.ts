import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { speakingWhileMuted$ } from '../../core/muted-speech.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { shortcutText } from '../../internal/shortcuts.js';
import { subscribe } from '../../internal/subscribe.js';
import { mutedHintStyles } from './calls-muted-hint.styles.js';

/**
 * While you are in a call with your microphone off and you talk, it says so and how to unmute. To
 * hear you while muted it listens to the microphone in the page only (nothing is sent), so the
 * browser shows the microphone as in use; leave this element out of your layout to avoid that.
 *
 * @summary "You are speaking while muted".
 *
 * @csspart hint - The message (role `status`).
 *
 * @cssstate showing - The hint shows.
 *
 * @cssproperty --calls-hint-background - Behind the message.
 * @cssproperty --calls-hint-foreground - The message.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsMutedHintElement extends CallsControlElement {
  static override styles = mutedHintStyles;

  @state() private showing = false;
  @state() private shortcuts = false;

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => speakingWhileMuted$(room.media), false),
      (showing) => {
        this.showing = showing;
      },
    );
    subscribe(
      this,
      () => this.fromContext((context) => context.shortcuts$, false),
      (on) => {
        this.shortcuts = on;
      },
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.toggleState('showing', this.showing);
  }

  protected override render() {
    return html`<p part="hint" role="status">
      ${this.showing ? this.t.speakingWhileMuted(this.shortcuts ? shortcutText('mic') : undefined) : nothing}
    </p>`;
  }
}

defineElement('calls-muted-hint', CallsMutedHintElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-muted-hint': CallsMutedHintElement;
  }
}
