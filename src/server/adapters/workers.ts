// Public entry of `calls-elements/server/workers`: the backend kit on Cloudflare Workers, with one
// Durable Object per room. Import it only from a Worker: it uses WebSocketPair and the hibernation API.
export type {
  AuthorizeHook,
  AuthorizeResult,
  CorsOptions,
  HeartbeatOptions,
  IceServer,
  LimitOptions,
  TurnKeyOptions,
} from '../index.js';
export type { CallsWorker, CallsWorkerOptions } from '../workers/define-worker.js';
export { defineCallsWorker } from '../workers/define-worker.js';
export { DurableObjectRoomDirectory } from '../workers/durable-object-directory.js';
export type { CallsRoomObject, CallsRoomObjectClass } from '../workers/room-object.js';
export { createRoomObjectClass } from '../workers/room-object.js';
export { RoomObjectError } from '../workers/room-object-protocol.js';
export type {
  RoomObjectNamespace,
  RoomObjectState,
  RoomStorage,
  WorkerExecutionContext,
  WorkersWebSocket,
} from '../workers/runtime-types.js';
