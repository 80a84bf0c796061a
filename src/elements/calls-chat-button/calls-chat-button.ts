import { state } from 'lit/decorators.js';
import type { Participant } from '../../core/participant.js';
import type { ChatMessage } from '../../core/protocol.js';
import { defineElement } from '../../internal/define.js';
import { chatIcon } from '../../internal/icons.js';
import { CallsPanelButtonElement } from '../../internal/panel-button-element.js';
import { subscribe } from '../../internal/subscribe.js';
import { chatButtonStyles } from './calls-chat-button.styles.js';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`) and point `for` at a
 * `<calls-chat>` by id. A press shows or hides it; while it is hidden, the badge counts messages
 * from others that arrived since it was last open (the history you got on joining counts as read).
 *
 * @summary Shows and hides the chat, with the number of unread messages.
 *
 * @event {CallsPanelToggleEvent} calls-panel-toggle - A press, before the chat changes: `detail` is
 *   `{ panel, open }`. Cancel it to keep the chat as it is.
 *
 * @csspart button - The native button.
 * @csspart icon - The icon.
 * @csspart label - The label (visually hidden with `icon-only`).
 * @csspart badge - The count badge.
 *
 * @cssstate pressed - The chat shows.
 *
 * @cssproperty --calls-control-background - The button while the panel is hidden.
 * @cssproperty --calls-control-foreground - Its icon and text.
 * @cssproperty --calls-accent - The button while the panel shows, and the focus ring.
 * @cssproperty --calls-accent-foreground - Its icon and text while the panel shows.
 * @cssproperty --calls-badge-background - Behind the count badge.
 * @cssproperty --calls-badge-foreground - The count.
 * @cssproperty --calls-danger - Behind the badge, unless `--calls-badge-background` is set.
 * @cssproperty --calls-danger-foreground - The count, unless `--calls-badge-foreground` is set.
 * @cssproperty --calls-control-radius - Corner radius of the button.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsChatButtonElement extends CallsPanelButtonElement {
  static override styles = chatButtonStyles;

  @state() private unread = 0;

  /** Messages already counted, so a resumed welcome (the same history again) adds nothing. */
  readonly #seen = new Set<string>();
  #messages: readonly ChatMessage[] = [];
  #self: Participant | undefined;

  constructor() {
    super();
    this.iconOnly = true;
    subscribe(
      this,
      () => this.fromRoom((room) => room.chat$, [] as readonly ChatMessage[]),
      (messages) => {
        this.#messages = messages;
        this.#count();
      },
    );
    subscribe(
      this,
      () => this.fromRoom((room) => room.self$, undefined),
      (self) => {
        this.#self = self;
        this.#count();
      },
    );
  }

  protected override label(): string {
    return this.t.chat;
  }

  protected override icon() {
    return chatIcon;
  }

  protected override badge(): number {
    return this.unread;
  }

  protected override badgeLabel(count: number): string {
    return this.t.unreadMessages(count);
  }

  protected override onPanelChange(open: boolean): void {
    if (open) this.unread = 0;
  }

  /**
   * Unread: from someone else, sent after you joined (the history you got on joining counts as
   * read; what arrived during a reconnect does not), and not yet counted.
   */
  #count(): void {
    const self = this.#self;
    if (!self) {
      this.#seen.clear();
      this.unread = 0;
      return;
    }
    for (const message of this.#messages) {
      if (this.#seen.has(message.id)) continue;
      this.#seen.add(message.id);
      if (!this.panelOpen && message.from !== self.id && message.at > self.joinedAt) this.unread += 1;
    }
  }
}

defineElement('calls-chat-button', CallsChatButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-chat-button': CallsChatButtonElement;
  }
}
