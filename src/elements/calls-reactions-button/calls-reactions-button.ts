import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CallsReactionRequestEvent } from '../../events/reaction-request.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { smileIcon } from '../../internal/icons.js';
import { subscribe } from '../../internal/subscribe.js';
import { reactionsButtonStyles } from './calls-reactions-button.styles.js';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`). A press opens a row of emoji;
 * choosing one asks the room to send it, and everyone sees it on your tile (`<calls-tile-overlay>`).
 * The emoji are the ones the backend accepts (its `reactions.emoji` option), or the subset of them
 * listed in `emoji`. The backend limits how fast one person may react. Escape closes the row.
 *
 * @summary Sends a short emoji reaction to the room.
 *
 * @event {CallsReactionRequestEvent} calls-reaction-request - An emoji was chosen: `detail.emoji`.
 *   Cancel it to send nothing.
 *
 * @csspart button - The button that opens the emoji row.
 * @csspart icon - Its icon.
 * @csspart label - Its label (visually hidden with `icon-only`).
 * @csspart picker - The emoji row.
 * @csspart emoji - Each emoji button.
 *
 * @cssproperty --calls-control-background - The button, and an emoji under the pointer.
 * @cssproperty --calls-control-foreground - The button's icon and text.
 * @cssproperty --calls-popup-background - Behind the emoji row.
 * @cssproperty --calls-background - Behind the emoji row, unless `--calls-popup-background` is set.
 * @cssproperty --calls-accent - Focus rings.
 * @cssproperty --calls-control-radius - Corner radius of the button and the row.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsReactionsButtonElement extends CallsControlElement {
  static override styles = reactionsButtonStyles;

  /** Space-separated emoji to offer, among those the backend accepts. Default: all of them. */
  @property() emoji = '';

  /** Shows only the icon; the label stays the accessible name and the tooltip. */
  @property({ type: Boolean, reflect: true, attribute: 'icon-only' }) iconOnly = true;

  /** Whether the emoji row is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private accepted: readonly string[] = [];

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => room.reactionSet$, [] as readonly string[]),
      (accepted) => {
        this.accepted = accepted;
      },
    );
  }

  /** What the row shows: the backend's set, narrowed to `emoji` when given. */
  get offered(): string[] {
    const wanted = this.emoji.split(/\s+/u).filter(Boolean);
    return wanted.length > 0 ? wanted.filter((e) => this.accepted.includes(e)) : [...this.accepted];
  }

  /** Sends one reaction, exactly as choosing it from the row would. */
  react(emoji: string): void {
    if (!this.offered.includes(emoji)) return;
    this.request(new CallsReactionRequestEvent({ emoji }));
    this.open = false;
  }

  protected override render() {
    const t = this.t;
    const offered = this.offered;
    return html`<button
        part="button"
        type="button"
        aria-haspopup="true"
        aria-expanded=${this.open ? 'true' : 'false'}
        title=${t.react}
        ?disabled=${offered.length === 0}
        @click=${() => {
          this.open = !this.open;
        }}
        @keydown=${this.#onKeydown}
      >
        <span part="icon">${smileIcon}</span><span part="label" class=${this.iconOnly ? 'visually-hidden' : ''}>${t.react}</span>
      </button>
      ${
        this.open && offered.length > 0
          ? html`<div part="picker" role="group" aria-label=${t.react} @keydown=${this.#onKeydown}>
              ${offered.map(
                (emoji) =>
                  html`<button part="emoji" type="button" aria-label=${emoji} @click=${() => this.react(emoji)}>${emoji}</button>`,
              )}
            </div>`
          : nothing
      }`;
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.open) return;
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="button"]')?.focus();
  };
}

defineElement('calls-reactions-button', CallsReactionsButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-reactions-button': CallsReactionsButtonElement;
  }
}
