import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { filter } from 'rxjs';
import type { Participant } from '../../core/participant.js';
import type { ChatMessage } from '../../core/protocol.js';
import { CallsChatSendRequestEvent } from '../../events/chat-send-request.js';
import { defineElement } from '../../internal/define.js';
import { languageOf } from '../../internal/i18n.js';
import { linkify } from '../../internal/linkify.js';
import { CallsPanelElement } from '../../internal/panel-element.js';
import { subscribe } from '../../internal/subscribe.js';
import { VisibilityController } from '../../internal/visibility.js';
import { chatStyles } from './calls-chat.styles.js';

/** How close to the bottom counts as "reading the latest", in pixels. */
const NEAR_BOTTOM_PX = 48;

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`); `<calls-chat-button>` can show
 * and hide it. It shows the room's chat — the history the backend kept for you when you joined, then
 * every new message — with the sender's name as the backend gave it and the time. Messages are text:
 * markup shows as the characters it is, and only http(s) addresses become links (opened in a new tab,
 * without referrer or opener). Enter sends, Shift+Enter starts a new line. Choose someone under
 * "Send to" for a private message: only they and you get it, and the backend does not keep it.
 * Messages that arrive while the chat is not on screen get a "new messages" line above them. A refused message (too long, too
 * many too fast) is put back in the box, with the reason.
 *
 * @summary The room's text chat.
 *
 * @event {CallsChatSendRequestEvent} calls-chat-send-request - Enter or the Send button:
 *   `detail.text`, and `detail.to` (a participant id) for a private message. Cancel it to keep the message from being sent.
 *
 * @csspart heading - The title.
 * @csspart messages - The messages, a log: new ones are announced.
 * @csspart empty - Shown while there are no messages.
 * @csspart message - Each message (`data-self` on yours).
 * @csspart sender - The sender's name.
 * @csspart time - When it was sent.
 * @csspart text - The text, links included.
 * @csspart private - "privately to …" on a private message.
 * @csspart recipient - The "Send to" choice: everyone, or one participant.
 * @csspart new-marker - The "new messages" line.
 * @csspart error - Why the last message was refused.
 * @csspart form - The input and the Send button.
 * @csspart input - The text box.
 * @csspart send-button - The Send button.
 *
 * @cssproperty --calls-panel-background - Behind the chat.
 * @cssproperty --calls-background - Behind the chat and the text box, unless `--calls-panel-background` is set.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-muted-foreground - Times, borders, the empty note.
 * @cssproperty --calls-accent - Links, the Send button and focus rings.
 * @cssproperty --calls-accent-foreground - The Send button's text.
 * @cssproperty --calls-danger - Errors; the "new messages" line unless `--calls-chat-marker-color` is set.
 * @cssproperty --calls-chat-marker-color - The "new messages" line.
 * @cssproperty --calls-chat-max-height - Tallest the chat grows before it scrolls.
 * @cssproperty --calls-control-radius - Corner radius of the Send button.
 * @cssproperty --calls-radius - Corner radius of the chat.
 * @cssproperty --calls-gap - Padding.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsChatElement extends CallsPanelElement {
  static override styles = chatStyles;

  /** Hides the heading (when the surrounding panel has its own). */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;

  @state() private messages: readonly ChatMessage[] = [];
  @state() private self: Participant | undefined;
  @state() private people: readonly Participant[] = [];
  /** The participant a private message goes to; empty for everyone. */
  @state() private recipient = '';
  @state() private error = '';
  /** The first message that arrived while nobody could see the chat. */
  @state() private firstUnseen: string | undefined;

  readonly #visibility = new VisibilityController(this);
  #known = new Set<string>();
  /** What was last sent, to put back in the box if the backend refuses it. */
  #sending: string | undefined;

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => room.self$, undefined),
      (self) => {
        this.self = self;
      },
    );
    subscribe(
      this,
      () => this.fromRoom((room) => room.participants$, [] as readonly Participant[]),
      (people) => {
        this.people = people;
        if (this.recipient && !people.some((person) => person.id === this.recipient)) this.recipient = '';
      },
    );
    subscribe(
      this,
      () => this.fromRoom((room) => room.chat$, [] as readonly ChatMessage[]),
      (messages) => this.#onMessages(messages),
    );
    subscribe(
      this,
      () =>
        this.fromRoom(
          (room) => room.refusals$.pipe(filter((refusal) => refusal.request === 'chat')),
          undefined,
        ),
      (refusal) => {
        if (!refusal) return;
        this.error = refusal.error.message;
        const input = this.#input;
        if (input && input.value === '' && this.#sending !== undefined) input.value = this.#sending;
        this.#sending = undefined;
      },
    );
  }

  /** The text box. */
  get #input(): HTMLTextAreaElement | null {
    return this.renderRoot?.querySelector('textarea') ?? null;
  }

  /**
   * Focuses the text box — where someone opening the chat wants to be — or, while they cannot write
   * yet (not joined), the messages.
   */
  override focus(options?: FocusOptions): void {
    const input = this.#input;
    const target =
      input && !input.disabled ? input : this.renderRoot?.querySelector<HTMLElement>('[part="messages"]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** Sends `text` (or what is in the box) as a chat message, exactly as Enter would. */
  send(text?: string): void {
    const input = this.#input;
    const value = text ?? input?.value ?? '';
    if (value.trim() === '' || !this.self) return;
    this.error = '';
    this.firstUnseen = undefined;
    this.#sending = value;
    const to = this.recipient ? { to: this.recipient } : {};
    if (!this.request(new CallsChatSendRequestEvent({ text: value, ...to }))) return;
    if (input && text === undefined) input.value = '';
  }

  protected override render() {
    const t = this.t;
    const joined = this.self !== undefined;
    const time = new Intl.DateTimeFormat(languageOf(this), { hour: '2-digit', minute: '2-digit' });
    return html`
      ${this.noHeading ? nothing : html`<h2 part="heading">${t.chat}</h2>`}
      <div part="messages" role="log" aria-label=${t.chat} tabindex="0">
        ${this.messages.length === 0 ? html`<div part="empty">${t.noMessages}</div>` : nothing}
        ${this.messages.map(
          (message) => html`
            ${message.id === this.firstUnseen ? html`<div part="new-marker" role="separator" aria-label=${t.newMessages}>${t.newMessages}</div>` : nothing}
            <div part="message" data-id=${message.id} ?data-self=${message.from === this.self?.id}>
              <span part="sender">${message.from === this.self?.id ? t.you(message.name) : message.name}</span>
              <time part="time" datetime=${new Date(message.at).toISOString()}>${time.format(message.at)}</time>
              ${this.#privateLabel(message)}
              <span part="text" dir="auto">${linkify(message.text).map((piece) =>
                piece.href
                  ? html`<a href=${piece.href} target="_blank" rel="noopener noreferrer nofollow ugc">${piece.text}</a>`
                  : piece.text,
              )}</span>
            </div>
          `,
        )}
      </div>
      ${this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing}
      <form part="form" @submit=${this.#onSubmit}>
        ${this.#renderRecipient()}
        <textarea
          part="input"
          rows="1"
          aria-label=${t.chatInput}
          placeholder=${t.chatPlaceholder}
          ?disabled=${!joined}
          @keydown=${this.#onKeydown}
        ></textarea>
        <button part="send-button" type="submit" ?disabled=${!joined}>${t.send}</button>
      </form>
    `;
  }

  #renderRecipient() {
    const others = this.people.filter((person) => !person.isSelf);
    if (others.length === 0) return nothing;
    return html`<select
      part="recipient"
      aria-label=${this.t.chatRecipient}
      @change=${(event: Event) => {
        this.recipient = (event.target as HTMLSelectElement).value;
      }}
    >
      <option value="" ?selected=${this.recipient === ''}>${this.t.everyone}</option>
      ${others.map((person) => html`<option value=${person.id} ?selected=${this.recipient === person.id}>${person.name}</option>`)}
    </select>`;
  }

  #privateLabel(message: ChatMessage) {
    if (message.to === undefined) return nothing;
    const label =
      message.to === this.self?.id
        ? this.t.privateToYou
        : this.t.privateTo(this.people.find((person) => person.id === message.to)?.name ?? '…');
    return html`<span part="private">${label}</span>`;
  }

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.send();
  };

  #onKeydown = (event: KeyboardEvent) => {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME composition is not a send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.send();
  };

  #onMessages(messages: readonly ChatMessage[]): void {
    const list = this.renderRoot.querySelector<HTMLElement>('[part="messages"]');
    const atBottom = !list || list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_BOTTOM_PX;
    for (const message of messages) {
      if (this.#known.has(message.id)) continue;
      this.#known.add(message.id);
      if (message.from === this.self?.id) {
        this.#sending = undefined;
        continue;
      }
      // History you got on joining is not "new"; later messages are, while nobody sees them.
      const later = this.self !== undefined && message.at > this.self.joinedAt;
      const unseen = later && (!this.#visibility.visible || !atBottom);
      if (unseen && this.firstUnseen === undefined) this.firstUnseen = message.id;
    }
    if (messages.length === 0) {
      this.#known = new Set();
      this.firstUnseen = undefined;
    }
    this.messages = messages;
    if (atBottom) void this.updateComplete.then(() => list?.scrollTo({ top: list.scrollHeight }));
  }
}

defineElement('calls-chat', CallsChatElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-chat': CallsChatElement;
  }
}
