import { html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { CallsAudioResumeRequestEvent } from '../../events/audio-resume-request.js';
import { CallsButtonElement } from '../../internal/button-element.js';
import { defineElement } from '../../internal/define.js';
import { soundIcon } from '../../internal/icons.js';
import { subscribe } from '../../internal/subscribe.js';
import { audioPromptStyles } from './calls-audio-prompt.styles.js';

/**
 * Browsers may refuse to play sound until the person interacts with the page. While the room's
 * sound is blocked this shows why and a button that starts it; otherwise it takes no space.
 *
 * @summary Asks for a click when the browser blocks the call's sound.
 *
 * @event {CallsAudioResumeRequestEvent} calls-audio-resume-request - A press of its button. Cancel it
 *   to keep the sound off.
 *
 * @csspart message - Why the sound is off.
 * @csspart button - The native button that starts the sound.
 * @csspart icon - The sound icon.
 * @csspart label - The button's label.
 *
 * @cssstate blocked - The browser blocks the sound (the prompt shows).
 *
 * @cssproperty --calls-control-background - Behind the prompt.
 * @cssproperty --calls-gap - Space between the message and the button.
 * @cssproperty --calls-accent - The button, and its focus ring.
 * @cssproperty --calls-accent-foreground - The button's text.
 * @cssproperty --calls-control-radius - Corner radius of the button.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsAudioPromptElement extends CallsButtonElement {
  static override styles = audioPromptStyles;

  @state() private blocked = false;

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => room.audioBlocked$, false),
      (blocked) => {
        this.blocked = blocked;
      },
    );
  }

  protected override label(): string {
    return this.t.enableSound;
  }

  protected override icon() {
    return soundIcon;
  }

  protected override createRequest(): Event {
    return new CallsAudioResumeRequestEvent({});
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.toggleState('blocked', this.blocked);
  }

  protected override render() {
    return html`<span part="message" role=${this.blocked ? 'alert' : 'none'}>${this.t.soundBlocked}</span>${super.render()}`;
  }
}

defineElement('calls-audio-prompt', CallsAudioPromptElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-audio-prompt': CallsAudioPromptElement;
  }
}
