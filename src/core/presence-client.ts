import { BehaviorSubject, Subject } from 'rxjs';
import { type BackoffOptions, backoffAtCap, backoffDelay, resolveBackoff } from './backoff.js';
import { CallsError, type CallsErrorCode } from './errors.js';
import {
  base64url,
  type ClientMessage,
  FINAL_CLOSE_CODES,
  PRESENCE_SUBPROTOCOL,
  parseServerMessage,
  presenceUrl,
  type ServerMessage,
  type Welcome,
} from './protocol.js';

export type ConnectionState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

/** When the next reconnect attempt happens, while reconnecting. */
export interface RetrySchedule {
  /** 1 for the first retry after the drop. */
  attempt: number;
  /** `Date.now()` of the next attempt. */
  at: number;
  /** The delays have reached their cap: the moment to offer "retry now". */
  atCap: boolean;
}

export interface PresenceClientOptions {
  endpoint: string;
  room: string;
  displayName?: string;
  /** Called before every connection attempt, so a reconnect presents a fresh token. */
  getToken: () => string | undefined | Promise<string | undefined>;
  reconnect?: BackoffOptions;
  /** How long to wait for `welcome` after opening. Default 10 s. */
  welcomeTimeoutMs?: number;
}

/** Pongs missed before a silent socket counts as dead (a black-holed connection never closes). */
const MISSED_PONGS = 2;

/**
 * The room presence WebSocket: joins, keeps the connection alive with pings, follows credential
 * renewals and, when the connection drops, resumes the same participant with backoff.
 */
export class PresenceClient {
  readonly state$ = new BehaviorSubject<ConnectionState>('disconnected');
  /** Every `welcome`: the first one, and one per successful reconnect (`resumed` tells which kind). */
  readonly welcome$ = new Subject<Welcome>();
  /** Every other server message. */
  readonly message$ = new Subject<ServerMessage>();
  /** Failures after the join succeeded: fatal ones come with state `disconnected`. */
  readonly error$ = new Subject<CallsError>();
  /** The latest participant credential; the proxy headers follow it. */
  readonly credential$ = new BehaviorSubject<string | undefined>(undefined);
  /** The next reconnect attempt while reconnecting; undefined otherwise. */
  readonly retry$ = new BehaviorSubject<RetrySchedule | undefined>(undefined);

  readonly #options: PresenceClientOptions;
  readonly #backoff;
  #socket: WebSocket | undefined;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #closedByUs = false;
  #lastHeardAt = 0;

  constructor(options: PresenceClientOptions) {
    this.#options = options;
    this.#backoff = resolveBackoff(options.reconnect);
  }

  /** The network came back: no reason to wait for the next scheduled attempt. */
  readonly #onOnline = () => this.retryNow();

  /**
   * The tab is closing: say goodbye, so the others see us leave now rather than after the
   * reconnect grace. A page kept in the back/forward cache comes back and joins again.
   */
  readonly #onPageHide = () => this.close();

  /** Joins the room; resolves with the first `welcome`, rejects with a `CallsError`. */
  async connect(): Promise<Welcome> {
    this.#closedByUs = false;
    this.#attempt = 0;
    this.state$.next('connecting');
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.addEventListener?.('pagehide', this.#onPageHide);
    try {
      return await this.#open();
    } catch (error) {
      this.state$.next('disconnected');
      throw error;
    }
  }

  send(message: ClientMessage): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WebSocket.OPEN || this.state$.value !== 'connected') return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  /** While reconnecting: makes the next attempt now instead of at its scheduled time. */
  retryNow(): void {
    if (this.#closedByUs || this.state$.value !== 'reconnecting' || this.#retryTimer === undefined) return;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#attemptReconnect();
  }

  /** Leaves for good: tells the server (no reconnect grace for us) and closes. */
  close(): void {
    this.#closedByUs = true;
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('pagehide', this.#onPageHide);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.retry$.next(undefined);
    this.#stopHeartbeat();
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'leave' } satisfies ClientMessage));
      socket.close(1000, 'leave');
    } else socket?.close();
    if (this.state$.value !== 'disconnected') this.state$.next('disconnected');
  }

  async #open(): Promise<Welcome> {
    let token: string | undefined;
    try {
      const pending = this.#options.getToken();
      // A token at hand (or none needed) opens the socket in this same task, before whatever the
      // page queued meanwhile (the first render of a meeting) gets the main thread.
      token = pending instanceof Promise ? await pending : pending;
    } catch (cause) {
      throw new CallsError('token_failed', 'Could not get a token for the room.', { cause });
    }
    if (token !== undefined && typeof token !== 'string') {
      throw new CallsError('token_failed', 'getToken() must resolve to a string.');
    }
    if (this.#closedByUs) throw new CallsError('connection_lost', 'The room was left while joining.');
    const protocols = [PRESENCE_SUBPROTOCOL];
    if (token) protocols.push(`bearer.${base64url(token)}`);
    const credential = this.credential$.value;
    if (credential) protocols.push(`resume.${credential}`);
    const { endpoint, room, displayName } = this.#options;
    const url = presenceUrl(endpoint, room, displayName, globalThis.location?.href);

    return new Promise<Welcome>((resolve, reject) => {
      const socket = new WebSocket(url, protocols);
      this.#socket = socket;
      let welcomed = false;
      let refusal: CallsError | undefined;
      const welcomeTimer = setTimeout(() => {
        refusal = new CallsError('backend_unreachable', 'The backend did not answer the join.');
        socket.close();
      }, this.#options.welcomeTimeoutMs ?? 10_000);

      socket.addEventListener('message', (event) => {
        if (this.#socket !== socket || typeof event.data !== 'string') return;
        this.#lastHeardAt = Date.now();
        const message = parseServerMessage(event.data);
        if (!message) return;
        if (message.type === 'welcome') {
          welcomed = true;
          clearTimeout(welcomeTimer);
          this.#attempt = 0;
          this.retry$.next(undefined);
          this.credential$.next(message.credential);
          this.#startHeartbeat(socket, message.heartbeat.intervalMs);
          this.state$.next('connected');
          resolve(message);
          this.welcome$.next(message);
          return;
        }
        if (message.type === 'credential') this.credential$.next(message.credential);
        if (message.type === 'error' && !welcomed) {
          // A refusal: the server sends the reason, then closes with a 4xxx code.
          refusal = refusalError(message.code, message.message);
        }
        this.message$.next(message);
      });

      socket.addEventListener('close', (event) => {
        clearTimeout(welcomeTimer);
        if (this.#socket !== socket) return;
        this.#socket = undefined;
        this.#stopHeartbeat();
        if (!welcomed) {
          reject(refusal ?? closeError(event.code, event.reason) ?? unreachable(url));
          return;
        }
        if (this.#closedByUs) return;
        this.#onDropped(event.code, event.reason);
      });
    });
  }

  #onDropped(code: number, reason: string): void {
    const final = closeError(code, reason);
    if (final) {
      this.state$.next('disconnected');
      this.error$.next(final);
      return;
    }
    this.state$.next('reconnecting');
    this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    this.#attempt += 1;
    const delay = backoffDelay(this.#attempt, this.#backoff);
    if (delay === undefined) {
      this.retry$.next(undefined);
      this.state$.next('disconnected');
      this.error$.next(new CallsError('connection_lost', 'The connection to the room was lost.'));
      return;
    }
    this.retry$.next({
      attempt: this.#attempt,
      at: Date.now() + delay,
      atCap: backoffAtCap(this.#attempt, this.#backoff),
    });
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.#attemptReconnect();
    }, delay);
  }

  #attemptReconnect(): void {
    if (this.#closedByUs) return;
    this.#open().catch((error: unknown) => {
      if (this.#closedByUs) return;
      const callsError = error instanceof CallsError ? error : undefined;
      // Refusals on reconnect (token revoked, room full…) end the room; network errors retry.
      if (callsError && callsError.code !== 'backend_unreachable') {
        this.retry$.next(undefined);
        this.state$.next('disconnected');
        this.error$.next(callsError);
        return;
      }
      this.#scheduleRetry();
    });
  }

  #startHeartbeat(socket: WebSocket, intervalMs: number): void {
    this.#stopHeartbeat();
    this.#lastHeardAt = Date.now();
    this.#heartbeat = setInterval(() => {
      if (socket.readyState !== WebSocket.OPEN) return;
      // Every ping gets a pong; a socket silent for longer is black-holed (a blocked proxy, a cut
      // network) and would otherwise look open for minutes. Drop it and reconnect.
      if (Date.now() - this.#lastHeardAt > (MISSED_PONGS + 0.5) * intervalMs) {
        this.#socket = undefined;
        this.#stopHeartbeat();
        socket.close();
        this.#onDropped(1006, 'heartbeat');
        return;
      }
      socket.send(JSON.stringify({ type: 'ping' }));
    }, intervalMs);
  }

  #stopHeartbeat(): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }
}

const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'unauthorized',
  'forbidden',
  'origin_not_allowed',
  'room_full',
  'server_full',
  'invalid_room',
  'replaced',
  'removed',
]);

function refusalError(code: string, message: string): CallsError {
  const known = REFUSAL_CODES.has(code) ? (code as CallsErrorCode) : 'protocol_error';
  return new CallsError(known, message || code, { detail: code });
}

function closeError(code: number, reason: string): CallsError | undefined {
  const known = FINAL_CLOSE_CODES.get(code);
  if (!known) return undefined;
  const errorCode = (REFUSAL_CODES.has(reason) ? reason : known) as CallsErrorCode;
  return new CallsError(errorCode, `The backend closed the room connection (${reason || code}).`, {
    detail: String(code),
  });
}

function unreachable(url: string): CallsError {
  return new CallsError('backend_unreachable', `Could not reach the room backend at ${new URL(url).origin}.`);
}
