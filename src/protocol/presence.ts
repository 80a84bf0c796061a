// The room presence protocol, version 1 (revision 2), shared by the widget (src/core) and the backend kit
// (src/server). docs/protocol.md is the normative description; this file is its shape in types.
// It imports nothing, so it costs the browser bundle only the few constants it defines.

/** A track a participant publishes, as pullable through the Calls API. */
export interface TrackRef {
  sessionId: string;
  trackName: string;
}

export const TRACK_SLOTS = ['audio', 'video', 'screenshare', 'screenshareAudio'] as const;
export type TrackSlot = (typeof TRACK_SLOTS)[number];

export type ParticipantTracks = Record<TrackSlot, TrackRef | null>;

/** One participant as every member of the room sees it. Only the server writes `id`, `userId`, `name`, `moderator`. */
export interface Participant {
  id: string;
  userId: string | null;
  name: string;
  moderator: boolean;
  joinedAt: number;
  /** `reconnecting` while the connection is lost but the reconnect grace has not run out. */
  connection: 'connected' | 'reconnecting';
  /** The Calls session the participant currently uses; only one it created through this backend. */
  sessionId: string | null;
  tracks: ParticipantTracks;
  audioEnabled: boolean;
  videoEnabled: boolean;
  screenshareEnabled: boolean;
  speaking: boolean;
  handRaised: boolean;
  /**
   * Revision 2: when the hand went up (server time, strictly increasing within a room, so it is also
   * the raise order); null while the hand is down. Written only by the server; absent from
   * revision-1 servers.
   */
  handRaisedAt?: number | null;
}

/**
 * Additions within protocol 1, announced with `welcome.revision`; older clients ignore what they do
 * not know. Revision 2: chat, raise order, reactions, `lower-hand`. Revision 3: `welcome.iceServers`.
 */
export const PROTOCOL_REVISION = 3;

/** An ICE server as `RTCPeerConnection` takes it (declared here so the server needs no DOM types). */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** One chat message as the server keeps and relays it. `from` and `name` are set by the server. */
export interface ChatMessage {
  /** Server-assigned, unique within the room. */
  id: string;
  /** The sender's participant id. */
  from: string;
  /** The sender's display name when they sent it. */
  name: string;
  /** Plain text, sanitised by the server (no control or bidi-formatting characters except newlines). */
  text: string;
  /** Server time. */
  at: number;
  /** For a private message: the one participant it was sent to (only they and the sender get it). */
  to?: string;
}

/** The fields `update` may change, all optional. */
export interface ParticipantPatch {
  sessionId?: string | null;
  tracks?: Partial<ParticipantTracks>;
  audioEnabled?: boolean;
  videoEnabled?: boolean;
  screenshareEnabled?: boolean;
  speaking?: boolean;
  handRaised?: boolean;
}

export type MuteKind = 'audio' | 'video' | 'screenshare';

export type ClientMessage =
  | { type: 'update'; id?: string; patch: ParticipantPatch }
  | { type: 'ping'; id?: string }
  | { type: 'sync'; id?: string }
  | { type: 'mute'; id?: string; participantId: string; kind: MuteKind }
  | { type: 'remove'; id?: string; participantId: string }
  | { type: 'leave'; id?: string }
  | { type: 'chat'; id?: string; text: string; to?: string }
  | { type: 'react'; id?: string; emoji: string }
  | { type: 'lower-hand'; id?: string; participantId: string };

export type LeaveReason = 'left' | 'timeout' | 'disconnected' | 'removed' | 'shutdown';

export type ServerMessage =
  | {
      type: 'welcome';
      protocol: 1;
      room: string;
      participantId: string;
      credential: string;
      credentialExpiresAt: number;
      resumed: boolean;
      participants: Participant[];
      heartbeat: { intervalMs: number; timeoutMs: number };
      limits: {
        maxMessageBytes: number;
        messagesPerSecond: number;
        maxParticipantsPerRoom: number;
        /** Revision 2: longest chat text, in code points. */
        maxChatChars?: number;
      };
      /** Revision 2 and later; absent from revision-1 servers. */
      revision?: number;
      /** Revision 2: the room's recent chat, oldest first (bounded, see docs/protocol.md). */
      chat?: ChatMessage[];
      /** Revision 2: the emoji `react` accepts. */
      reactions?: string[];
      /**
       * Revision 3: the ICE servers for this participant's Calls sessions, when the backend has them
       * at hand (static ones; with a TURN key it generates credentials on `generate-ice-servers`
       * instead). A client that has them needs no request before `sessions/new`.
       */
      iceServers?: IceServer[];
    }
  | { type: 'participant-joined'; participant: Participant }
  | { type: 'participant-updated'; participant: Participant }
  | { type: 'participant-left'; participantId: string; reason: LeaveReason }
  | { type: 'room-state'; participants: Participant[] }
  | { type: 'credential'; credential: string; credentialExpiresAt: number }
  | { type: 'muted'; kind: MuteKind; by: string }
  | { type: 'removed'; by: string }
  | { type: 'chat'; message: ChatMessage }
  | { type: 'reaction'; participantId: string; emoji: string; at: number }
  | { type: 'hand-lowered'; by: string }
  | { type: 'ack'; id: string }
  | { type: 'pong'; id?: string }
  | ({ type: 'error' } & PresenceError);

export type PresenceErrorCode =
  | 'invalid_json'
  | 'invalid_message'
  | 'unknown_type'
  | 'message_too_large'
  | 'rate_limited'
  | 'session_not_owned'
  | 'participant_not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'origin_not_allowed'
  | 'room_full'
  | 'invalid_room'
  | 'server_full'
  | 'replaced'
  | 'timeout'
  | 'internal_error';

export interface PresenceError {
  code: PresenceErrorCode;
  message: string;
  /** The `id` of the client message this answers, when it had one. */
  id?: string;
  /** The offending field, as a dotted path, for validation errors. */
  field?: string;
  /** For `rate_limited`: when sending may resume. */
  retryAfterMs?: number;
}

/**
 * WebSocket close codes the server uses (4000 + the closest HTTP status), so a browser, which cannot
 * read a refused upgrade's HTTP status, still learns why in `CloseEvent.code` / `reason`.
 */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  badRequest: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  timeout: 4408,
  replaced: 4409,
  removed: 4410,
  flood: 4429,
  full: 4503,
} as const;
