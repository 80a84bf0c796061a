import type { ChatMessage } from './protocol.js';

/** One kept message and its place in the room's sequence (what storage keys it by). */
export interface ChatEntry {
  seq: number;
  message: ChatMessage;
}

/**
 * A room's recent chat, bounded by message count and by total characters so a late joiner's
 * `welcome` stays small and a Durable Object's storage use stays fixed. Oldest messages go first.
 */
export class ChatLog {
  #entries: ChatEntry[] = [];
  #chars = 0;
  #nextSeq = 1;

  constructor(
    private readonly maxMessages: number,
    private readonly maxChars: number,
  ) {}

  append(message: ChatMessage): void {
    this.#entries.push({ seq: this.#nextSeq, message });
    this.#nextSeq += 1;
    this.#chars += message.text.length;
    while (
      this.#entries.length > this.maxMessages ||
      (this.#chars > this.maxChars && this.#entries.length > 1)
    ) {
      const dropped = this.#entries.shift();
      if (dropped) this.#chars -= dropped.message.text.length;
    }
  }

  messages(): ChatMessage[] {
    return this.#entries.map((entry) => entry.message);
  }

  entries(): readonly ChatEntry[] {
    return this.#entries;
  }

  /** Takes back what an earlier incarnation kept (a Durable Object waking up), in sequence order. */
  restore(entries: readonly ChatEntry[]): void {
    this.#entries = [...entries].sort((a, b) => a.seq - b.seq);
    this.#chars = this.#entries.reduce((sum, entry) => sum + entry.message.text.length, 0);
    this.#nextSeq = (this.#entries.at(-1)?.seq ?? 0) + 1;
  }
}
