import { PRESENCE_SUBPROTOCOL } from '../auth/websocket-handshake.js';
import { callsErrorResponse } from '../http/errors.js';
import type { Admission } from './admission.js';
import type { RoomDirectory } from './directory.js';
import type { PeerSocket, PeerSocketEvents } from './peer-socket.js';
import { CloseCode } from './protocol.js';
import { refuseUpgrade } from './refuse-upgrade.js';
import type { RoomConfig, SessionAccess } from './room-state.js';
import { RoomState } from './room-state.js';
import type { RuntimeContext } from './runtime-context.js';
import { upgradedResponse } from './runtime-context.js';

/** A memory directory configures every room it holds the same way. */
export type MemoryRoomDirectoryConfig = RoomConfig;

/**
 * Rooms held in this process's memory: the default, and what the Node adapter serves. A room exists
 * while anyone is in it (or within their reconnect grace).
 */
export class MemoryRoomDirectory implements RoomDirectory {
  readonly #rooms = new Map<string, RoomState>();
  #sweepTimer: ReturnType<typeof setInterval> | undefined;
  /** One function for every socket's events (see RoomSocketEvents). */
  readonly #forget = (room: RoomState) => this.#forgetIfEmpty(room);

  constructor(private readonly config: MemoryRoomDirectoryConfig) {}

  get roomCount(): number {
    return this.#rooms.size;
  }

  async admit(
    _request: Request,
    admission: Admission,
    runtime: RuntimeContext | undefined,
  ): Promise<Response> {
    if (!this.#rooms.has(admission.room) && this.#rooms.size >= this.config.limits.maxRooms) {
      return refuseUpgrade(runtime, {
        httpStatus: 503,
        code: 'server_full',
        message: `This server holds its maximum of ${this.config.limits.maxRooms} rooms.`,
        closeCode: CloseCode.full,
      });
    }
    if (!runtime?.acceptWebSocket) {
      return callsErrorResponse(501, 'internal_error', 'This runtime adapter cannot accept WebSockets.');
    }
    const accepted = await runtime.acceptWebSocket(PRESENCE_SUBPROTOCOL);
    // Looked up after the await: another join may have created (or emptied) the room meanwhile.
    const room = this.#roomForJoin(admission.room);
    const { socket } = accepted;
    accepted.listen(new RoomSocketEvents(room, socket, this.#forget));
    await room.connect(admission, socket);
    this.#forgetIfEmpty(room);
    return upgradedResponse(accepted);
  }

  async hasParticipant(room: string, participantId: string): Promise<boolean> {
    return this.#rooms.get(room)?.hasParticipant(participantId) ?? false;
  }

  async claimSession(room: string, participantId: string, sessionId: string): Promise<boolean> {
    return this.#rooms.get(room)?.claimSession(participantId, sessionId) ?? false;
  }

  async reserveSession(room: string, participantId: string): Promise<boolean> {
    return this.#rooms.get(room)?.reserveSession(participantId) ?? false;
  }

  async sessionAccess(room: string, participantId: string, sessionId: string): Promise<SessionAccess> {
    return this.#rooms.get(room)?.sessionAccess(participantId, sessionId) ?? 'participant_gone';
  }

  async sessionsOutsideRoom(room: string, sessionIds: readonly string[]): Promise<string[]> {
    const state = this.#rooms.get(room);
    return state ? state.sessionsOutsideRoom(sessionIds) : [...sessionIds];
  }

  async close(): Promise<void> {
    for (const room of this.#rooms.values()) room.closeAll();
    this.#rooms.clear();
    this.#stopSweeping();
  }

  #roomForJoin(name: string): RoomState {
    let room = this.#rooms.get(name);
    if (!room) {
      room = new RoomState(name, this.config);
      this.#rooms.set(name, room);
      this.#startSweeping();
    }
    return room;
  }

  #forgetIfEmpty(room: RoomState): void {
    if (!room.isEmpty || this.#rooms.get(room.name) !== room) return;
    this.#rooms.delete(room.name);
    if (this.#rooms.size === 0) this.#stopSweeping();
  }

  #startSweeping(): void {
    if (this.#sweepTimer !== undefined) return;
    // Fine enough to honour each deadline within a quarter of itself (credentials renew at half-life).
    const { heartbeat, reconnectGraceMs, credentialTtlMs } = this.config;
    const everyMs = Math.max(
      20,
      Math.min(1000, heartbeat.timeoutMs / 4, reconnectGraceMs / 4, credentialTtlMs / 8),
    );
    this.#sweepTimer = setInterval(() => {
      for (const room of [...this.#rooms.values()]) {
        // Renewals finish in the background; the room is consistent before and after them.
        room.sweep().catch((error: unknown) => this.config.onError(error, `sweeping room ${room.name}`));
        this.#forgetIfEmpty(room);
      }
    }, everyMs);
    // Idle rooms must not keep a Node process alive on their own.
    (this.#sweepTimer as { unref?: () => void }).unref?.();
  }

  #stopSweeping(): void {
    clearInterval(this.#sweepTimer);
    this.#sweepTimer = undefined;
  }
}

/**
 * Routes one socket's frames and close to its room. A class rather than two arrow functions per
 * socket: the methods are shared, which is a few hundred bytes less for every open socket.
 */
class RoomSocketEvents implements PeerSocketEvents {
  constructor(
    private readonly room: RoomState,
    private readonly socket: PeerSocket,
    private readonly forgetIfEmpty: (room: RoomState) => void,
  ) {}

  message(text: string | null, byteLength: number): void {
    this.room.receive(this.socket, text, byteLength);
    this.forgetIfEmpty(this.room);
  }

  closed(code: number): void {
    this.room.disconnected(this.socket, code);
    this.forgetIfEmpty(this.room);
  }
}
