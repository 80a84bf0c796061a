import { ChatLog } from './chat-log.js';
import { sanitiseChatText } from './chat-text.js';
import type { ResolvedPeopleOptions } from './people-options.js';
import type { ChatMessage, Participant, PresenceError } from './protocol.js';
import { PROTOCOL_REVISION } from './protocol.js';
import { TokenBucket } from './rate-limiter.js';

export type Refusable<T> = { ok: true; value: T } | { ok: false; error: PresenceError };

/**
 * The social side of a room — chat, reactions and the raise order of hands — kept apart from
 * presence bookkeeping in room-state.ts. Decides and records; the room does the sending.
 * Rate limits are per participant (not per connection), so reconnecting does not refill them.
 */
export class RoomPeople {
  readonly chat: ChatLog;
  readonly #options: ResolvedPeopleOptions;
  readonly #chatBuckets = new Map<string, TokenBucket>();
  readonly #reactionBuckets = new Map<string, TokenBucket>();
  #lastHandRaisedAt = 0;

  constructor(options: ResolvedPeopleOptions) {
    this.#options = options;
    this.chat = new ChatLog(options.chat.historyMessages, options.chat.historyChars);
  }

  /** What `welcome` carries for revision-2 clients. */
  welcomeFields(): { revision: number; chat: ChatMessage[]; reactions: string[] } {
    return {
      revision: PROTOCOL_REVISION,
      chat: this.chat.messages(),
      reactions: [...this.#options.reactions.emoji],
    };
  }

  get maxChatChars(): number {
    return this.#options.chat.maxChars;
  }

  /**
   * A chat message from `sender`, stamped with the server's idea of who sent it and when. A private
   * one (`to`) is not kept: late joiners must never see it.
   */
  sendChat(sender: Participant, raw: string, now: number, to?: string): Refusable<ChatMessage> {
    const text = sanitiseChatText(raw);
    const { maxChars, messagesPerSecond, burst } = this.#options.chat;
    if (text === '')
      return refuse('invalid_message', 'Chat text is empty after removing invisible characters.', 'text');
    const length = Array.from(text).length;
    if (length > maxChars) {
      return refuse(
        'invalid_message',
        `Chat text of ${length} characters exceeds the limit of ${maxChars}.`,
        'text',
      );
    }
    const bucket = bucketFor(this.#chatBuckets, sender.id, messagesPerSecond, burst, now);
    if (!bucket.take(now)) {
      return {
        ok: false,
        error: {
          code: 'rate_limited',
          message: `At most ${burst} chat messages at once and ${messagesPerSecond} per second after that.`,
          retryAfterMs: bucket.waitMs(now),
        },
      };
    }
    const message: ChatMessage = {
      id: crypto.randomUUID(),
      from: sender.id,
      name: sender.name,
      text,
      at: now,
    };
    if (to === undefined) this.chat.append(message);
    else message.to = to;
    return { ok: true, value: message };
  }

  /** A reaction from `sender`: only the room's emoji, at the reaction rate. */
  react(sender: Participant, emoji: string, now: number): Refusable<string> {
    const { emoji: allowed, perSecond, burst } = this.#options.reactions;
    if (!allowed.includes(emoji)) {
      return refuse('invalid_message', `emoji must be one of ${allowed.join(' ')}.`, 'emoji');
    }
    const bucket = bucketFor(this.#reactionBuckets, sender.id, perSecond, burst, now);
    if (!bucket.take(now)) {
      return {
        ok: false,
        error: {
          code: 'rate_limited',
          message: `At most ${burst} reactions at once and ${perSecond} per second after that.`,
          retryAfterMs: bucket.waitMs(now),
        },
      };
    }
    return { ok: true, value: emoji };
  }

  /**
   * Keeps `handRaisedAt` in step with `handRaised` after any change to the record. A raise gets a
   * time later than every earlier raise in the room, so the times alone give the raise order.
   */
  stampHand(record: Participant, now: number): void {
    if (!record.handRaised) {
      record.handRaisedAt = null;
      return;
    }
    if (record.handRaisedAt !== null && record.handRaisedAt !== undefined) return;
    this.#lastHandRaisedAt = Math.max(now, this.#lastHandRaisedAt + 1);
    record.handRaisedAt = this.#lastHandRaisedAt;
  }

  /** A moderator's "lower hand"; false when it was already down. */
  lowerHand(record: Participant): boolean {
    if (!record.handRaised) return false;
    record.handRaised = false;
    record.handRaisedAt = null;
    return true;
  }

  /** After a wake-up: records saved before revision 2 lack `handRaisedAt`; later raises stay later. */
  restoreHands(records: readonly Participant[]): void {
    for (const record of records) {
      record.handRaisedAt ??= record.handRaised ? record.joinedAt : null;
      if (record.handRaisedAt !== null)
        this.#lastHandRaisedAt = Math.max(this.#lastHandRaisedAt, record.handRaisedAt);
    }
  }

  forget(participantId: string): void {
    this.#chatBuckets.delete(participantId);
    this.#reactionBuckets.delete(participantId);
  }
}

function bucketFor(
  buckets: Map<string, TokenBucket>,
  id: string,
  perSecond: number,
  burst: number,
  now: number,
): TokenBucket {
  let bucket = buckets.get(id);
  if (!bucket) {
    bucket = new TokenBucket(perSecond, burst, now);
    buckets.set(id, bucket);
  }
  return bucket;
}

function refuse(
  code: PresenceError['code'],
  message: string,
  field: string,
): { ok: false; error: PresenceError } {
  return { ok: false, error: { code, message, field } };
}
