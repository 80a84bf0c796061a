import type { ChatEntry, ChatLog } from '../rooms/chat-log.js';
import type { RoomStorage } from './runtime-types.js';

const CHAT_PREFIX = 'chat:';

/** Zero-padded, so storage (which lists keys in order) lists messages in the order they were sent. */
function keyOf(seq: number): string {
  return CHAT_PREFIX + String(seq).padStart(12, '0');
}

/**
 * A room's chat history in Durable Object storage, one key per message: a new message writes one key
 * and the message it pushed out of the bounded history deletes one, so a busy room never rewrites its
 * whole history. Lives beside RoomStore and is wiped with it (`deleteAll`) when the room empties.
 */
export class ChatStore {
  readonly #storage: RoomStorage;
  /** Sequence numbers as stored. */
  readonly #stored = new Set<number>();

  constructor(storage: RoomStorage) {
    this.#storage = storage;
  }

  async load(): Promise<ChatEntry[]> {
    const entries = [...(await this.#storage.list<ChatEntry>({ prefix: CHAT_PREFIX })).values()];
    for (const entry of entries) this.#stored.add(entry.seq);
    return entries;
  }

  async save(log: ChatLog): Promise<void> {
    const entries = log.entries();
    const kept = new Set(entries.map((entry) => entry.seq));
    const added = entries.filter((entry) => !this.#stored.has(entry.seq));
    const dropped = [...this.#stored].filter((seq) => !kept.has(seq));
    if (added.length > 0) {
      await this.#storage.put(Object.fromEntries(added.map((entry) => [keyOf(entry.seq), entry])));
      for (const entry of added) this.#stored.add(entry.seq);
    }
    if (dropped.length > 0) {
      await this.#storage.delete(dropped.map(keyOf));
      for (const seq of dropped) this.#stored.delete(seq);
    }
  }

  /** The room's storage was wiped (RoomStore.clear). */
  forget(): void {
    this.#stored.clear();
  }
}
