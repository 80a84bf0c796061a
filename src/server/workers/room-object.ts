import { PRESENCE_SUBPROTOCOL } from '../auth/websocket-handshake.js';
import { callsErrorResponse, jsonResponse } from '../http/errors.js';
import type { CallsHandlerOptions } from '../options.js';
import { resolveRoomConfig } from '../room-config.js';
import type { PeerSocket } from '../rooms/peer-socket.js';
import { CloseCode } from '../rooms/protocol.js';
import { isConnectionSnapshot } from '../rooms/room-snapshot.js';
import type { RoomConfig } from '../rooms/room-state.js';
import { RoomState } from '../rooms/room-state.js';
import { ChatStore } from './chat-store.js';
import type { RoomQuery, RoomQueryAnswers } from './room-object-protocol.js';
import { ADMIT_PATH, QUERY_PATH, readAdmission, readQuery } from './room-object-protocol.js';
import { RoomStore } from './room-store.js';
import type { RoomObjectState, WorkersWebSocket } from './runtime-types.js';
import { upgradeResponse, webSocketPair } from './runtime-types.js';
import { peerSocket } from './worker-runtime-context.js';

/** The Durable Object side of a room: what the Workers runtime calls. */
export interface CallsRoomObject {
  fetch(request: Request): Promise<Response>;
  webSocketMessage(socket: WorkersWebSocket, message: string | ArrayBuffer): Promise<void>;
  webSocketClose(socket: WorkersWebSocket, code: number, reason: string, wasClean: boolean): Promise<void>;
  webSocketError(socket: WorkersWebSocket, error: unknown): Promise<void>;
  alarm(): Promise<void>;
}

export type CallsRoomObjectClass<Env> = new (state: RoomObjectState, env: Env) => CallsRoomObject;

const textEncoder = new TextEncoder();

/**
 * A Durable Object class holding one room: the same RoomState as the Node adapter, fed by the
 * WebSocket hibernation API. Between events the object may be evicted from memory while sockets stay
 * open; seats are therefore kept in storage (RoomStore) and each connection's state in its socket's
 * attachment, and the constructor rebuilds the room from both. Heartbeats, reconnect grace and
 * credential renewal run from one alarm set at the room's next deadline.
 */
export function createRoomObjectClass<Env>(
  configure: (env: Env) => Omit<CallsHandlerOptions, 'rooms'>,
): CallsRoomObjectClass<Env> {
  return class RoomObject implements CallsRoomObject {
    readonly #state: RoomObjectState;
    readonly #config: RoomConfig;
    readonly #store: RoomStore;
    readonly #chatStore: ChatStore;
    readonly #peers = new Map<WorkersWebSocket, PeerSocket>();
    #room: RoomState | null = null;

    constructor(state: RoomObjectState, env: Env) {
      this.#state = state;
      this.#config = resolveRoomConfig(configure(env));
      this.#store = new RoomStore(state.storage);
      this.#chatStore = new ChatStore(state.storage);
      // No event is delivered until the room is rebuilt.
      void state.blockConcurrencyWhile(() => this.#wake());
    }

    async fetch(request: Request): Promise<Response> {
      const path = new URL(request.url).pathname;
      if (path === ADMIT_PATH) return this.#admit(request);
      if (path === QUERY_PATH && request.method === 'POST') return this.#query(request);
      return callsErrorResponse(404, 'not_found', 'Room objects answer only their Worker.');
    }

    async webSocketMessage(socket: WorkersWebSocket, message: string | ArrayBuffer): Promise<void> {
      const room = this.#room;
      const peer = this.#peer(socket);
      if (!room) {
        peer.close(CloseCode.goingAway, 'stale');
        return;
      }
      if (typeof message === 'string') room.receive(peer, message, textEncoder.encode(message).byteLength);
      else room.receive(peer, null, message.byteLength);
      keepAttachment(socket, room.connectionSnapshot(peer));
      await this.#settle();
    }

    async webSocketClose(socket: WorkersWebSocket, code: number, reason: string): Promise<void> {
      this.#room?.disconnected(this.#peer(socket), code);
      this.#peers.delete(socket);
      // Answer the client's close frame. 1005/1006 mean "no code" / "no frame" and may not be sent.
      try {
        socket.close(code === 1005 || code === 1006 ? 1000 : code, reason);
      } catch {
        // The runtime already completed the closing handshake.
      }
      await this.#settle();
    }

    async webSocketError(socket: WorkersWebSocket): Promise<void> {
      this.#room?.disconnected(this.#peer(socket), 1006);
      this.#peers.delete(socket);
      await this.#settle();
    }

    async alarm(): Promise<void> {
      this.#store.alarmFired();
      const room = this.#room;
      if (!room) return;
      await room.sweep();
      await this.#settle();
    }

    async #admit(request: Request): Promise<Response> {
      const admission = readAdmission(request);
      if (!admission) return callsErrorResponse(400, 'invalid_params', 'Missing or malformed admission.');
      if (this.#room && this.#room.name !== admission.room) {
        return callsErrorResponse(500, 'internal_error', 'This object holds another room.');
      }
      this.#room ??= new RoomState(admission.room, this.#config);
      const room = this.#room;
      const { client, server } = webSocketPair();
      this.#state.acceptWebSocket(server);
      const peer = this.#peer(server);
      await room.connect(admission, peer);
      keepAttachment(server, room.connectionSnapshot(peer));
      await this.#settle();
      return upgradeResponse(client, PRESENCE_SUBPROTOCOL);
    }

    async #query(request: Request): Promise<Response> {
      const query = await readQuery(request);
      if (!query) return callsErrorResponse(400, 'invalid_params', 'Malformed room query.');
      const result = this.#answer(query);
      await this.#settle();
      return jsonResponse(200, { result });
    }

    #answer(query: RoomQuery): RoomQueryAnswers[RoomQuery['op']] {
      const room = this.#room;
      switch (query.op) {
        case 'has-participant':
          return room?.hasParticipant(query.participantId) ?? false;
        case 'reserve-session':
          return room?.reserveSession(query.participantId) ?? false;
        case 'claim-session':
          return room?.claimSession(query.participantId, query.sessionId) ?? false;
        case 'session-access':
          return room?.sessionAccess(query.participantId, query.sessionId) ?? 'participant_gone';
        case 'sessions-outside-room':
          return room ? room.sessionsOutsideRoom(query.sessionIds) : query.sessionIds;
      }
    }

    /** Rebuilds the room after the object was (re)created: from storage and the still-open sockets. */
    async #wake(): Promise<void> {
      const saved = await this.#store.load();
      const sockets = this.#state.getWebSockets();
      if (!saved) {
        for (const socket of sockets) this.#peer(socket).close(CloseCode.goingAway, 'stale');
        await this.#store.clear();
        return;
      }
      this.#room = RoomState.restore(
        saved.name,
        this.#config,
        saved.seats,
        sockets.map((socket) => {
          const attachment = socket.deserializeAttachment();
          return {
            socket: this.#peer(socket),
            connection: isConnectionSnapshot(attachment) ? attachment : null,
          };
        }),
      );
      this.#room.people.chat.restore(await this.#chatStore.load());
      await this.#settle();
    }

    /** After every event: persist what changed, or forget the room once nobody is in it. */
    async #settle(): Promise<void> {
      const room = this.#room;
      if (!room) return;
      if (room.isEmpty) {
        this.#room = null;
        await this.#store.clear();
        this.#chatStore.forget();
        return;
      }
      await this.#store.save(room);
      await this.#chatStore.save(room.people.chat);
    }

    /** One PeerSocket per runtime socket, because the room tells connections apart by identity. */
    #peer(socket: WorkersWebSocket): PeerSocket {
      let peer = this.#peers.get(socket);
      if (!peer) {
        peer = peerSocket(socket);
        this.#peers.set(socket, peer);
      }
      return peer;
    }
  };
}

/** Keeps a connection's state with its socket, so it outlives the object's eviction. */
function keepAttachment(socket: WorkersWebSocket, value: unknown): void {
  try {
    socket.serializeAttachment(value);
  } catch {
    // The socket is already closed; nothing will be restored for it.
  }
}
