import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { pairwise, startWith } from 'rxjs';
import type { Participant } from '../../core/participant.js';
import type { ChatMessage } from '../../core/protocol.js';
import type { RoomEvent } from '../../core/room.js';
import { playChime } from '../../internal/chime.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { subscribe } from '../../internal/subscribe.js';
import { toastsStyles } from './calls-toasts.styles.js';

type ToastKind = 'join' | 'leave' | 'hand' | 'chat';

interface Toast {
  key: number;
  kind: ToastKind;
  text: string;
}

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`), typically in a corner. It shows
 * short notices — someone joined or left, raised their hand, or wrote in the chat while the chat
 * (`chat-panel`) is hidden — and removes each after `duration` ms, or when dismissed. Notices are
 * announced politely to screen readers. With `sound`, each plays a short chime synthesised in the
 * browser (nothing is fetched).
 *
 * @summary A stack of short notices about the room.
 *
 * @csspart stack - The stack (a polite live region).
 * @csspart toast - Each notice (`data-kind` is `join`, `leave`, `hand` or `chat`).
 * @csspart message - Its text.
 * @csspart dismiss - Its close button.
 *
 * @cssproperty --calls-toast-background - Behind a notice.
 * @cssproperty --calls-toast-foreground - Its text.
 * @cssproperty --calls-toast-align - `flex-end` (default), `flex-start` or `center`.
 * @cssproperty --calls-accent - Focus ring of the close button.
 * @cssproperty --calls-radius - Corner radius of a notice.
 * @cssproperty --calls-foreground - Text color outside notices.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsToastsElement extends CallsControlElement {
  static override styles = toastsStyles;

  /** Which notices to show, space-separated among `joins leaves hands chat`. */
  @property() events = 'joins leaves hands chat';

  /** Id of the `<calls-chat>`: chat notices show only while it is hidden. Without it, always. */
  @property({ attribute: 'chat-panel' }) chatPanel = '';

  /** How long a notice stays, in milliseconds. */
  @property({ type: Number }) duration = 6000;

  /** Most notices shown at once; the oldest goes first. */
  @property({ type: Number }) max = 4;

  /** Play a short synthesised chime with each notice. */
  @property({ type: Boolean }) sound = false;

  @state() private toasts: readonly Toast[] = [];

  readonly #timers = new Map<number, ReturnType<typeof setTimeout>>();
  readonly #chatSeen = new Set<string>();
  #self: Participant | undefined;
  #counter = 0;

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => room.events$, undefined as RoomEvent | undefined),
      (event) => {
        if (event?.type === 'participant-joined')
          this.#add('join', this.t.participantJoined(event.participant.name));
        if (event?.type === 'participant-left')
          this.#add('leave', this.t.participantLeft(event.participant.name));
      },
    );
    subscribe(
      this,
      () =>
        this.fromRoom((room) => room.participants$, [] as readonly Participant[]).pipe(
          startWith([] as readonly Participant[]),
          pairwise(),
        ),
      ([before, after]) => {
        this.#self = after.find((person) => person.isSelf);
        const wasRaised = new Set(before.filter((p) => p.handRaised).map((p) => p.id));
        // Only changes within one room: the first list after joining is not news.
        if (before.length === 0) return;
        for (const person of after) {
          if (person.handRaised && !wasRaised.has(person.id) && !person.isSelf) {
            this.#add('hand', this.t.handRaisedBy(person.name));
          }
        }
      },
    );
    subscribe(
      this,
      () => this.fromRoom((room) => room.chat$, [] as readonly ChatMessage[]),
      (messages) => {
        const self = this.#self;
        if (messages.length === 0) this.#chatSeen.clear();
        for (const message of messages) {
          if (this.#chatSeen.has(message.id)) continue;
          this.#chatSeen.add(message.id);
          if (!self || message.from === self.id || message.at <= self.joinedAt || this.#chatShowing())
            continue;
          this.#add('chat', this.t.chatFrom(message.name, message.text));
        }
      },
    );
  }

  /** Removes one notice now. */
  dismiss(key: number): void {
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    this.toasts = this.toasts.filter((toast) => toast.key !== key);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.toasts = [];
  }

  protected override render() {
    return html`<div part="stack" role="status" aria-live="polite" aria-label=${this.t.notifications}>
      ${this.toasts.map(
        (toast) => html`<div part="toast" data-kind=${toast.kind}>
          <span part="message">${toast.text}</span>
          <button part="dismiss" type="button" aria-label=${this.t.dismiss} @click=${() => this.dismiss(toast.key)}>×</button>
        </div>`,
      )}
    </div>`;
  }

  #wanted(kind: ToastKind): boolean {
    const names: Record<ToastKind, string> = { join: 'joins', leave: 'leaves', hand: 'hands', chat: 'chat' };
    return this.events.split(/\s+/u).includes(names[kind]);
  }

  #chatShowing(): boolean {
    if (!this.chatPanel) return false;
    const root = this.getRootNode() as Document | ShadowRoot;
    const panel = root.getElementById?.(this.chatPanel) ?? document.getElementById(this.chatPanel);
    return panel !== null && !(panel as HTMLElement).hidden;
  }

  #add(kind: ToastKind, text: string): void {
    if (!this.#wanted(kind)) return;
    this.#counter += 1;
    const key = this.#counter;
    const kept = [...this.toasts, { key, kind, text }];
    for (const dropped of kept.slice(0, Math.max(0, kept.length - this.max))) this.dismiss(dropped.key);
    this.toasts = kept.slice(-this.max);
    this.#timers.set(
      key,
      setTimeout(() => this.dismiss(key), this.duration),
    );
    if (this.sound) playChime();
  }
}

defineElement('calls-toasts', CallsToastsElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-toasts': CallsToastsElement;
  }
}
