import { CallsError } from './errors.js';
import type { ClientMessage, ServerMessage } from './protocol.js';

/** Ids of requests this module sends start with this, so their errors can be told apart. */
const ID_PREFIX = 'req-';
const DEFAULT_TIMEOUT_MS = 15_000;

type Pending = {
  resolve: () => void;
  reject: (error: CallsError) => void;
  timer: ReturnType<typeof setTimeout>;
};

/**
 * Presence messages that want an answer: each goes out with an `id`, and its promise settles on the
 * server's `ack` or `error` for that id. A refusal rejects with `message_refused`, its `detail` the
 * server's own code (`rate_limited`, `forbidden`, `message_too_large`…).
 */
export class PresenceRequests {
  readonly #pending = new Map<string, Pending>();
  #counter = 0;

  constructor(
    private readonly send: (message: ClientMessage) => boolean,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /** True for an answer to one of these requests (so nobody else reports it a second time). */
  static answers(message: ServerMessage): boolean {
    return (
      (message.type === 'ack' || message.type === 'error') && (message.id?.startsWith(ID_PREFIX) ?? false)
    );
  }

  request(message: ClientMessage): Promise<void> {
    this.#counter += 1;
    const id = `${ID_PREFIX}${this.#counter}`;
    return new Promise<void>((resolve, reject) => {
      if (!this.send({ ...message, id })) {
        reject(new CallsError('message_refused', 'Not connected to the room.', { detail: 'not_connected' }));
        return;
      }
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(
          new CallsError('message_refused', 'The room did not answer in time.', { detail: 'no_answer' }),
        );
      }, this.timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
    });
  }

  /** Feed every server message through here. */
  receive(message: ServerMessage): void {
    if (!PresenceRequests.answers(message)) return;
    const id = (message as { id: string }).id;
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    if (message.type === 'ack') pending.resolve();
    else if (message.type === 'error') {
      pending.reject(new CallsError('message_refused', message.message, { detail: message.code }));
    }
  }

  /** The room was left: nothing pending will be answered. */
  cancelAll(): void {
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(
        new CallsError('message_refused', 'Left the room before it answered.', { detail: 'left' }),
      );
    }
    this.#pending.clear();
  }
}
