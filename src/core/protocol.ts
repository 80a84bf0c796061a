/**
 * The presence protocol as the widget sees it (docs/protocol.md, version 1). Declared here rather
 * than imported from the server kit: any backend may implement the protocol, and the browser
 * bundle must not depend on server code.
 */

export const PRESENCE_SUBPROTOCOL = 'calls-presence.v1';

export interface TrackRef {
  sessionId: string;
  trackName: string;
}

export type TrackSlot = 'audio' | 'video' | 'screenshare' | 'screenshareAudio';

export type WireTracks = Record<TrackSlot, TrackRef | null>;

/** A participant record exactly as the backend sends it. */
export interface WireParticipant {
  id: string;
  userId: string | null;
  name: string;
  moderator: boolean;
  joinedAt: number;
  connection: 'connected' | 'reconnecting';
  sessionId: string | null;
  tracks: WireTracks;
  audioEnabled: boolean;
  videoEnabled: boolean;
  screenshareEnabled: boolean;
  speaking: boolean;
  handRaised: boolean;
}

export interface ParticipantPatch {
  sessionId?: string | null;
  tracks?: Partial<WireTracks>;
  audioEnabled?: boolean;
  videoEnabled?: boolean;
  screenshareEnabled?: boolean;
  speaking?: boolean;
  handRaised?: boolean;
}

export type ClientMessage =
  | { type: 'update'; id?: string; patch: ParticipantPatch }
  | { type: 'ping'; id?: string }
  | { type: 'sync'; id?: string }
  | { type: 'leave'; id?: string };

export type LeaveReason = 'left' | 'timeout' | 'disconnected' | 'removed' | 'shutdown';

export interface Welcome {
  type: 'welcome';
  protocol: number;
  room: string;
  participantId: string;
  credential: string;
  credentialExpiresAt: number;
  resumed: boolean;
  participants: WireParticipant[];
  heartbeat: { intervalMs: number; timeoutMs: number };
}

export type ServerMessage =
  | Welcome
  | { type: 'participant-joined'; participant: WireParticipant }
  | { type: 'participant-updated'; participant: WireParticipant }
  | { type: 'participant-left'; participantId: string; reason: LeaveReason }
  | { type: 'room-state'; participants: WireParticipant[] }
  | { type: 'credential'; credential: string; credentialExpiresAt: number }
  | { type: 'muted'; kind: 'audio' | 'video' | 'screenshare'; by: string }
  | { type: 'removed'; by: string }
  | { type: 'ack'; id: string }
  | { type: 'pong'; id?: string }
  | { type: 'error'; code: string; message: string; id?: string; field?: string };

/** Close codes after which reconnecting cannot help (docs/protocol.md, "Close codes"). */
export const FINAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [4400, 'invalid_room'],
  [4401, 'unauthorized'],
  [4403, 'forbidden'],
  [4409, 'replaced'],
  [4410, 'removed'],
  [4503, 'room_full'],
]);

/** Same rule as the backend's, checked early so a typo fails with a clear message. */
export const ROOM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Parses one text frame; anything that is not an object with a string `type` is dropped. */
export function parseServerMessage(text: string): ServerMessage | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { type?: unknown }).type === 'string'
    ) {
      return value as ServerMessage;
    }
  } catch {
    // Not JSON: a broken backend; the caller treats it like an unknown message.
  }
  return undefined;
}

/** base64url of UTF-8, without padding: how a token travels in a WebSocket subprotocol. */
export function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The WebSocket URL of a room: `endpoint` may be relative to the page, http(s) or ws(s). */
export function presenceUrl(endpoint: string, room: string, name: string | undefined, base?: string): string {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/rooms/${encodeURIComponent(room)}`, base);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  if (name) url.searchParams.set('name', name);
  return url.toString();
}

/** The HTTP base of the Calls API proxy for partytracks. */
export function partyTracksPrefix(endpoint: string, base?: string): string {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/partytracks`, base);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  else if (url.protocol === 'wss:') url.protocol = 'https:';
  return url.toString();
}
