import { BehaviorSubject, type Observable, Subject, Subscription } from 'rxjs';
import { CallsError } from './errors.js';
import type { PresenceClient } from './presence-client.js';
import { PresenceRequests } from './presence-requests.js';
import type { ChatMessage, MuteKind, ServerMessage, Welcome } from './protocol.js';

/** Someone's reaction, as the backend relayed it (yours too). */
export interface Reaction {
  readonly participantId: string;
  readonly emoji: string;
  readonly at: number;
}

/** Which kind of request a refusal answers, so each control can show its own. */
export type PeopleRequest = 'chat' | 'react' | 'hand' | 'mute' | 'remove' | 'lower-hand';

export interface Refusal {
  readonly request: PeopleRequest;
  readonly error: CallsError;
}

/**
 * The social side of a room in the browser: chat (with the history the backend keeps), reactions,
 * raising a hand, and what a moderator may do to others. The backend decides everything — who sent a
 * message, the raise order, who may moderate — so every action is a request that the backend acks or
 * refuses; a refusal rejects the promise and is also reported on `refusals$`.
 */
export class PeopleController {
  readonly #chat$ = new BehaviorSubject<readonly ChatMessage[]>([]);
  readonly #reactions$ = new Subject<Reaction>();
  readonly #reactionSet$ = new BehaviorSubject<readonly string[]>([]);
  readonly #refusals$ = new Subject<Refusal>();
  readonly #limits = { maxMessageBytes: Number.POSITIVE_INFINITY, maxChatChars: Number.POSITIVE_INFINITY };
  #requests: PresenceRequests | undefined;
  #revision = 1;

  /** The room's chat, oldest first: the history the backend kept when you joined, then what follows. */
  readonly chat$: Observable<readonly ChatMessage[]> = this.#chat$.asObservable();
  /** Every reaction as it happens (nothing is replayed to late subscribers). */
  readonly reactions$: Observable<Reaction> = this.#reactions$.asObservable();
  /** The emoji this room accepts (empty until joined, or from a backend without reactions). */
  readonly reactionSet$: Observable<readonly string[]> = this.#reactionSet$.asObservable();
  /** Requests the backend (or a check before sending) refused. */
  readonly refusals$: Observable<Refusal> = this.#refusals$.asObservable();

  constructor(private readonly reportError: (error: CallsError) => void) {}

  /** Follows a presence connection until the returned subscription ends. */
  attach(presence: PresenceClient): Subscription {
    const requests = new PresenceRequests((message) => presence.send(message));
    this.#requests = requests;
    const subscription = new Subscription(() => {
      requests.cancelAll();
      if (this.#requests === requests) this.#requests = undefined;
      this.#chat$.next([]);
      this.#reactionSet$.next([]);
    });
    subscription.add(presence.welcome$.subscribe((welcome) => this.#onWelcome(welcome)));
    subscription.add(
      presence.message$.subscribe((message) => {
        requests.receive(message);
        this.#onMessage(message);
      }),
    );
    return subscription;
  }

  /**
   * Sends a chat message — to everyone, or privately to one participant (`to`, their id). Resolves
   * once the backend accepted it (it then arrives on `chat$`).
   */
  sendChat(text: string, options: { to?: string } = {}): Promise<void> {
    const to = options.to === undefined ? {} : { to: options.to };
    if (typeof text !== 'string' || text.trim() === '') {
      return this.#refuse('chat', 'invalid_message', 'A chat message needs some text.');
    }
    const chars = Array.from(text).length;
    if (chars > this.#limits.maxChatChars) {
      return this.#refuse(
        'chat',
        'invalid_message',
        `Chat text of ${chars} characters exceeds the limit of ${this.#limits.maxChatChars}.`,
      );
    }
    // The frame would be cut by the backend before it could say which request it was.
    const bytes = new TextEncoder().encode(
      JSON.stringify({ type: 'chat', id: 'req-0000000', text, ...to }),
    ).byteLength;
    if (bytes > this.#limits.maxMessageBytes) {
      return this.#refuse(
        'chat',
        'message_too_large',
        `Chat message of ${bytes} bytes exceeds the limit of ${this.#limits.maxMessageBytes}.`,
      );
    }
    return this.#request('chat', { type: 'chat', text, ...to });
  }

  react(emoji: string): Promise<void> {
    return this.#request('react', { type: 'react', emoji });
  }

  setHandRaised(raised: boolean): Promise<void> {
    return this.#request('hand', { type: 'update', patch: { handRaised: raised } });
  }

  muteParticipant(participantId: string, kind: MuteKind = 'audio'): Promise<void> {
    return this.#request('mute', { type: 'mute', participantId, kind });
  }

  removeParticipant(participantId: string): Promise<void> {
    return this.#request('remove', { type: 'remove', participantId });
  }

  lowerHandOf(participantId: string): Promise<void> {
    return this.#request('lower-hand', { type: 'lower-hand', participantId });
  }

  #onWelcome(welcome: Welcome): void {
    this.#revision = welcome.revision ?? 1;
    this.#limits.maxMessageBytes = welcome.limits.maxMessageBytes;
    this.#limits.maxChatChars = welcome.limits.maxChatChars ?? Number.POSITIVE_INFINITY;
    // A resumed welcome carries the whole history again: it replaces what we had, so nothing doubles.
    // Private messages are not in it; those of the same participant are kept, in time order.
    const history = welcome.chat ?? [];
    const kept = welcome.resumed ? this.#chat$.value.filter((message) => message.to !== undefined) : [];
    this.#chat$.next(kept.length === 0 ? history : [...history, ...kept].sort((a, b) => a.at - b.at));
    this.#reactionSet$.next(welcome.reactions ?? []);
  }

  #onMessage(message: ServerMessage): void {
    if (message.type === 'chat') this.#chat$.next([...this.#chat$.value, message.message]);
    else if (message.type === 'reaction') {
      this.#reactions$.next({ participantId: message.participantId, emoji: message.emoji, at: message.at });
    }
  }

  async #request(kind: PeopleRequest, message: Parameters<PresenceRequests['request']>[0]): Promise<void> {
    const requests = this.#requests;
    if (!requests) return this.#refuse(kind, 'not_connected', 'Not in a room.');
    if (kind !== 'mute' && kind !== 'remove' && kind !== 'hand' && this.#revision < 2) {
      return this.#refuse(kind, 'unsupported', 'This backend does not support chat and reactions.');
    }
    try {
      await requests.request(message);
    } catch (error) {
      const callsError =
        error instanceof CallsError
          ? error
          : new CallsError('message_refused', String(error), { cause: error });
      this.#report(kind, callsError);
      throw callsError;
    }
  }

  #refuse(kind: PeopleRequest, detail: string, text: string): Promise<never> {
    const error = new CallsError('message_refused', text, { detail });
    this.#report(kind, error);
    return Promise.reject(error);
  }

  #report(kind: PeopleRequest, error: CallsError): void {
    this.#refusals$.next({ request: kind, error });
    this.reportError(error);
  }
}
