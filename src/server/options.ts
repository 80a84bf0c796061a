import type { IceServer } from '../protocol/presence.js';
import type { AuthorizeHook } from './auth/authorize.js';
import type { RoomDirectory } from './rooms/directory.js';
import type { ChatOptions, ReactionOptions } from './rooms/people-options.js';

export type { IceServer };

export interface TurnKeyOptions {
  /** The TURN key id from the Cloudflare dashboard. */
  keyId: string;
  /** The TURN key's API token. */
  apiToken: string;
  /** Lifetime of the generated credentials. Default 86400 (one day). */
  ttlSeconds?: number;
  /** Base of the TURN key API. Default `https://rtc.live.cloudflare.com/v1`. */
  apiBaseUrl?: string;
}

export interface CorsOptions {
  /**
   * Origins other than the backend's own that may call it: exact origins (`https://app.example`),
   * `'*'` for any, or a predicate. Default: none (same-origin only).
   */
  allowedOrigins?: readonly string[] | '*' | ((origin: string) => boolean);
  /** How long a browser may cache a preflight answer. Default 600. */
  maxAgeSeconds?: number;
}

export interface LimitOptions {
  /** Participants per room, counting those inside their reconnect grace. Default 50. */
  maxParticipantsPerRoom?: number;
  /** Rooms one directory (one Node process) holds at once. Default 1000. */
  maxRooms?: number;
  /** Largest WebSocket message, in UTF-8 bytes. Default 16384. */
  maxMessageBytes?: number;
  /** Sustained WebSocket messages per second per connection. Default 20. */
  messagesPerSecond?: number;
  /** Messages a connection may send at once above the sustained rate. Default 2 × messagesPerSecond. */
  messageBurst?: number;
  /** Rate-limited messages after which the connection is closed (4429). Default 200. */
  floodDisconnectAfter?: number;
  /** Largest HTTP request body the proxy accepts, in bytes. Default 524288. */
  maxHttpBodyBytes?: number;
  /** Calls sessions remembered per participant; the oldest is forgotten beyond this. Default 8. */
  maxSessionsPerParticipant?: number;
  /**
   * Calls sessions one participant may create through the proxy in any 60 s; more are refused
   * (429 `too_many_sessions`), so one credential cannot pile up sessions on the SFU. Default 10.
   */
  maxNewSessionsPerMinute?: number;
  /** How long the proxy waits for the Calls API before answering 504 `upstream_timeout`. Default 10000. */
  upstreamTimeoutMs?: number;
}

export interface HeartbeatOptions {
  /** How often clients should send `ping` (advertised in `welcome`). Default 5000. */
  intervalMs?: number;
  /**
   * Silence after which a connection is dropped and its participant leaves. Default 15000 (three
   * missed pings), so a tab that vanished without closing its socket is gone within 15 s.
   */
  timeoutMs?: number;
}

export interface CallsHandlerOptions {
  /** Calls (Realtime SFU) app id. */
  appId: string;
  /** Calls app secret; never leaves the server. Also the default key for participant credentials. */
  appSecret: string;
  /** Default `https://rtc.live.cloudflare.com/v1`; the local SFU's `apiBaseUrl` in development. */
  realtimeApiBaseUrl?: string;
  /** Path prefix the handler is mounted at. Default `/calls`. */
  endpoint?: string;
  /**
   * Decides who may join a room. Required unless `anonymous` is true. Gets the upgrade request with
   * the widget's token as `Authorization: Bearer …` (whether it came as a header or a subprotocol).
   */
  authorize?: AuthorizeHook;
  /** Let anyone join, with a sanitised name of their choosing, when no `authorize` hook is given. */
  anonymous?: boolean;
  /** Key for participant credentials. Default: derived from `appSecret`. */
  credentialSecret?: string;
  /** Participant credential lifetime. Default 3600. */
  credentialTtlSeconds?: number;
  /**
   * How long a participant whose connection dropped is kept for a resume. Default 30000, the time
   * the Calls API keeps a disconnected session: a page back within it resumes its media too.
   */
  reconnectGraceMs?: number;
  /**
   * ICE servers for participants when no TURN key is set: sent in each `welcome` and answered by
   * `generate-ice-servers`. Default Cloudflare STUN.
   */
  iceServers?: IceServer[];
  /** When set, `generate-ice-servers` answers TURN credentials from Cloudflare's TURN key API. */
  turn?: TurnKeyOptions;
  cors?: CorsOptions;
  limits?: LimitOptions;
  heartbeat?: HeartbeatOptions;
  /** Chat limits and history (docs/protocol.md, "Chat"). */
  chat?: ChatOptions;
  /** The reaction emoji and their rate (docs/protocol.md, "Reactions"). */
  reactions?: ReactionOptions;
  /** Where rooms live. Default: in memory, in this process. A Workers adapter passes Durable Objects. */
  rooms?: RoomDirectory;
  /** Reports unexpected failures (a thrown `authorize`, an upstream fault). Default `console.error`. */
  onError?: (error: unknown, context: string) => void;
  /** Clock, for tests and runtimes with their own notion of time. Default `Date.now`. */
  now?: () => number;
}

export interface ResolvedLimits {
  maxParticipantsPerRoom: number;
  maxRooms: number;
  maxMessageBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
  floodDisconnectAfter: number;
  maxHttpBodyBytes: number;
  maxSessionsPerParticipant: number;
  maxNewSessionsPerMinute: number;
  upstreamTimeoutMs: number;
}

export interface ResolvedHeartbeat {
  intervalMs: number;
  timeoutMs: number;
}

export const DEFAULT_REALTIME_API_BASE_URL = 'https://rtc.live.cloudflare.com/v1';
export const DEFAULT_ICE_SERVERS: IceServer[] = [{ urls: ['stun:stun.cloudflare.com:3478'] }];

export function resolveLimits(limits: LimitOptions = {}): ResolvedLimits {
  const messagesPerSecond = positive(limits.messagesPerSecond, 20, 'limits.messagesPerSecond');
  return {
    maxParticipantsPerRoom: positive(limits.maxParticipantsPerRoom, 50, 'limits.maxParticipantsPerRoom'),
    maxRooms: positive(limits.maxRooms, 1000, 'limits.maxRooms'),
    maxMessageBytes: positive(limits.maxMessageBytes, 16384, 'limits.maxMessageBytes'),
    messagesPerSecond,
    messageBurst: positive(limits.messageBurst, messagesPerSecond * 2, 'limits.messageBurst'),
    floodDisconnectAfter: positive(limits.floodDisconnectAfter, 200, 'limits.floodDisconnectAfter'),
    maxHttpBodyBytes: positive(limits.maxHttpBodyBytes, 524288, 'limits.maxHttpBodyBytes'),
    maxSessionsPerParticipant: positive(
      limits.maxSessionsPerParticipant,
      8,
      'limits.maxSessionsPerParticipant',
    ),
    maxNewSessionsPerMinute: positive(limits.maxNewSessionsPerMinute, 10, 'limits.maxNewSessionsPerMinute'),
    upstreamTimeoutMs: positive(limits.upstreamTimeoutMs, 10000, 'limits.upstreamTimeoutMs'),
  };
}

export function resolveHeartbeat(heartbeat: HeartbeatOptions = {}): ResolvedHeartbeat {
  const intervalMs = positive(heartbeat.intervalMs, 5000, 'heartbeat.intervalMs');
  const timeoutMs = positive(heartbeat.timeoutMs, Math.max(15000, intervalMs * 3), 'heartbeat.timeoutMs');
  return { intervalMs, timeoutMs };
}

/** Normalises `/calls/` and `calls` to `/calls`; the empty string mounts at the root. */
export function normaliseEndpoint(endpoint = '/calls'): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Misconfiguration fails at start-up with the option's name, not at the first request. */
export function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(`calls-elements/server: ${name} must be a positive number, got ${value}`);
  }
  return value;
}
