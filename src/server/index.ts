// Public entry of `calls-elements/server`: the runtime-independent backend kit. It imports nothing
// from Node, so a Workers bundle can use it. The Node adapter is `calls-elements/server/node`
// (src/server/adapters/node.ts), kept apart because it pulls in `node:http` and `ws`.
export type {
  AuthorizeAllow,
  AuthorizeDeny,
  AuthorizeHook,
  AuthorizeResult,
  Identity,
} from './auth/authorize.js';
export type { ParticipantClaims } from './auth/participant-credential.js';
export { ParticipantCredentials } from './auth/participant-credential.js';
export { PRESENCE_SUBPROTOCOL } from './auth/websocket-handshake.js';
export type { CallsHandler } from './handler.js';
export { createCallsHandler } from './handler.js';
export { PARTICIPANT_HEADER } from './http/cors.js';
export type {
  CallsHandlerOptions,
  CorsOptions,
  HeartbeatOptions,
  IceServer,
  LimitOptions,
  TurnKeyOptions,
} from './options.js';
export type { Admission } from './rooms/admission.js';
export type { RoomDirectory } from './rooms/directory.js';
export type { MemoryRoomDirectoryConfig } from './rooms/memory-directory.js';
export { MemoryRoomDirectory } from './rooms/memory-directory.js';
export type { PeerSocket, PeerSocketEvents } from './rooms/peer-socket.js';
export type { ChatOptions, ReactionOptions } from './rooms/people-options.js';
export { DEFAULT_REACTIONS } from './rooms/people-options.js';
export type {
  ChatMessage,
  ClientMessage,
  LeaveReason,
  MuteKind,
  Participant,
  ParticipantPatch,
  ParticipantTracks,
  PresenceError,
  PresenceErrorCode,
  ServerMessage,
  TrackRef,
  TrackSlot,
} from './rooms/protocol.js';
export { CloseCode, PROTOCOL_REVISION } from './rooms/protocol.js';
export type { RoomConfig, SessionAccess } from './rooms/room-state.js';
export { RoomState } from './rooms/room-state.js';
export type { AcceptedSocket, RuntimeContext } from './rooms/runtime-context.js';
