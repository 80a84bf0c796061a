import { positive } from '../options.js';

export interface ChatOptions {
  /** Longest chat text, in code points (after sanitising). Default 2000. */
  maxChars?: number;
  /** Messages the room keeps for late joiners. Default 100. */
  historyMessages?: number;
  /** Total characters of text the room keeps; the oldest messages go first beyond it. Default 64000. */
  historyChars?: number;
  /** Sustained chat messages per second per participant. Default 1. */
  messagesPerSecond?: number;
  /** Chat messages a participant may send at once above the sustained rate. Default 5. */
  burst?: number;
}

export interface ReactionOptions {
  /** The emoji `react` accepts (each 1–16 code points). Default 👍 👏 🎉 😂 😮 ❤️. */
  emoji?: readonly string[];
  /** Sustained reactions per second per participant. Default 2. */
  perSecond?: number;
  /** Reactions a participant may send at once above the sustained rate. Default 6. */
  burst?: number;
}

export interface ResolvedPeopleOptions {
  chat: Required<ChatOptions>;
  reactions: { emoji: readonly string[]; perSecond: number; burst: number };
}

export const DEFAULT_REACTIONS: readonly string[] = ['👍', '👏', '🎉', '😂', '😮', '❤️'];

/** Chat and reaction rules, resolved once at start-up so a bad option fails with its name. */
export function resolvePeopleOptions(
  chat: ChatOptions = {},
  reactions: ReactionOptions = {},
): ResolvedPeopleOptions {
  const emoji = reactions.emoji ?? DEFAULT_REACTIONS;
  if (
    emoji.length === 0 ||
    emoji.length > 32 ||
    emoji.some((e) => typeof e !== 'string' || e === '' || Array.from(e).length > 16)
  ) {
    throw new TypeError('calls-elements/server: reactions.emoji must list 1–32 strings of 1–16 code points');
  }
  return {
    chat: {
      maxChars: positive(chat.maxChars, 2000, 'chat.maxChars'),
      historyMessages: positive(chat.historyMessages, 100, 'chat.historyMessages'),
      historyChars: positive(chat.historyChars, 64000, 'chat.historyChars'),
      messagesPerSecond: positive(chat.messagesPerSecond, 1, 'chat.messagesPerSecond'),
      burst: positive(chat.burst, 5, 'chat.burst'),
    },
    reactions: {
      emoji: [...emoji],
      perSecond: positive(reactions.perSecond, 2, 'reactions.perSecond'),
      burst: positive(reactions.burst, 6, 'reactions.burst'),
    },
  };
}
