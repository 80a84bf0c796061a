import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { combineLatest, map } from 'rxjs';
import type { Participant } from '../../core/participant.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import type { RoomStage } from '../../internal/room-context.js';
import { subscribe } from '../../internal/subscribe.js';
import { aloneNoticeStyles } from './calls-alone-notice.styles.js';

/**
 * Shown only while you are in the call and nobody else is: it says so and offers the link to share
 * (`link`, by default the page's own address) with a Copy button. Where the browser refuses the
 * clipboard, it selects the link and says to copy it by hand. It hides itself as soon as someone
 * joins, and comes back when the last other person leaves.
 *
 * @summary "You're the only one here", with the link to invite others and a Copy button.
 *
 * @cssstate alone - You are alone in the call (the notice shows).
 *
 * @csspart base - The notice.
 * @csspart title - "You're the only one here".
 * @csspart link - The read-only field with the link.
 * @csspart copy-button - Copies the link.
 * @csspart status - "Link copied", or how to copy by hand (a live region).
 *
 * @cssproperty --calls-control-background - Behind the notice.
 * @cssproperty --calls-accent - The Copy button.
 * @cssproperty --calls-accent-foreground - The Copy button's text.
 * @cssproperty --calls-control-radius - Corner radius of the button.
 * @cssproperty --calls-muted-foreground - The status line and the field's border.
 * @cssproperty --calls-background - Behind the field.
 * @cssproperty --calls-radius - Corner radius of the notice.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsAloneNoticeElement extends CallsControlElement {
  static override styles = aloneNoticeStyles;

  /** The link to share; the page's address (`location.href`) when empty. */
  @property() link = '';

  @state() private alone = false;
  @state() private status: 'copied' | 'failed' | undefined;

  constructor() {
    super();
    subscribe(
      this,
      () =>
        combineLatest([
          this.fromContext((context) => context.stage$, 'lobby' as RoomStage),
          this.fromRoom((room) => room.participants$, [] as readonly Participant[]),
        ]).pipe(
          map(
            ([stage, people]) =>
              stage === 'call' &&
              people.some((person) => person.isSelf) &&
              people.every((person) => person.isSelf),
          ),
        ),
      (alone) => {
        this.alone = alone;
        this.toggleState('alone', alone);
        if (!alone) this.status = undefined;
      },
    );
  }

  /** The link shown and copied. */
  get shareLink(): string {
    return this.link || globalThis.location?.href || '';
  }

  protected override render() {
    if (!this.alone) return nothing;
    const t = this.t;
    return html`<div part="base">
      <span part="title">${t.aloneInRoom}</span>
      <input part="link" readonly aria-label=${t.inviteLink} .value=${this.shareLink} />
      <button part="copy-button" @click=${this.#copy}>${t.copyLink}</button>
      <span part="status" role="status" aria-live="polite"
        >${this.status === 'copied' ? t.linkCopied : this.status === 'failed' ? t.copyFailed : ''}</span
      >
    </div>`;
  }

  readonly #copy = async () => {
    try {
      await navigator.clipboard.writeText(this.shareLink);
      this.status = 'copied';
    } catch {
      // No clipboard (permission refused, insecure page): leave the link selected for Ctrl+C.
      this.status = 'failed';
      const field = this.renderRoot.querySelector<HTMLInputElement>('[part="link"]');
      field?.focus();
      field?.select();
    }
  };
}

defineElement('calls-alone-notice', CallsAloneNoticeElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-alone-notice': CallsAloneNoticeElement;
  }
}
