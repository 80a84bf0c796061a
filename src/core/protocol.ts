/**
 * The presence protocol as the widget uses it: the shared wire types (src/protocol/presence.ts,
 * which imports nothing, so no server code reaches the bundle) plus the client's helpers.
 */

import {
  CloseCode,
  type Participant,
  type ParticipantTracks,
  type ServerMessage,
} from '../protocol/presence.js';

export type {
  ChatMessage,
  ClientMessage,
  LeaveReason,
  MuteKind,
  ParticipantPatch,
  ServerMessage,
  TrackRef,
  TrackSlot,
} from '../protocol/presence.js';

export const PRESENCE_SUBPROTOCOL = 'calls-presence.v1';

/** A participant record exactly as the backend sends it. */
export type WireParticipant = Participant;
export type WireTracks = ParticipantTracks;
export type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

/** Close codes after which reconnecting cannot help (docs/protocol.md, "Close codes"). */
export const FINAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [CloseCode.badRequest, 'invalid_room'],
  [CloseCode.unauthorized, 'unauthorized'],
  [CloseCode.forbidden, 'forbidden'],
  [CloseCode.replaced, 'replaced'],
  [CloseCode.removed, 'removed'],
  [CloseCode.full, 'room_full'],
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

/**
 * Whether `value` is a list `RTCPeerConnection` takes as `iceServers` (each entry names its `urls`):
 * what a backend sends is checked before it can make the peer connection's constructor throw.
 */
export function isIceServerList(value: unknown): value is RTCIceServer[] {
  return (
    Array.isArray(value) &&
    value.every((server) => {
      const urls = [(server as { urls?: unknown } | null)?.urls].flat();
      return urls.length > 0 && urls.every((url) => typeof url === 'string');
    })
  );
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
