import type { ParticipantCredentials } from '../auth/participant-credential.js';
import type { IceServer, ResolvedHeartbeat, ResolvedLimits } from '../options.js';
import type { Admission } from './admission.js';
import {
  applyMute,
  applyPatch,
  newParticipant,
  referencedSessions,
  sessionIdsInPatch,
} from './participant-record.js';
import type { PeerSocket } from './peer-socket.js';
import { type ResolvedPeopleOptions, resolvePeopleOptions } from './people-options.js';
import type { ClientMessage, LeaveReason, Participant, PresenceError, ServerMessage } from './protocol.js';
import { CloseCode } from './protocol.js';
import { TokenBucket } from './rate-limiter.js';
import { RoomPeople } from './room-people.js';
import type { ConnectionSnapshot, SeatSnapshot } from './room-snapshot.js';
import { distinctName } from './sanitize-name.js';
import { validateClientMessage } from './validate-message.js';

export interface RoomConfig {
  limits: ResolvedLimits;
  heartbeat: ResolvedHeartbeat;
  reconnectGraceMs: number;
  credentialTtlMs: number;
  credentials: ParticipantCredentials;
  now: () => number;
  onError: (error: unknown, context: string) => void;
  /** Chat and reaction rules; defaults when absent. */
  people?: ResolvedPeopleOptions;
  /**
   * ICE servers sent in every `welcome`, so a client can start its Calls session without asking:
   * the static list. Absent with a TURN key, whose credentials are generated per request.
   */
  iceServers?: IceServer[];
}

export type SessionAccess = 'owner' | 'not_owned' | 'participant_gone';

interface Seat {
  record: Participant;
  socket: PeerSocket | null;
  /** Sessions created through the proxy by this participant, oldest first. */
  sessions: string[];
  /** When recent `sessions/new` calls were let through, for `limits.maxNewSessionsPerMinute`. */
  sessionStarts: number[];
  credentialExpiresAt: number;
  refreshingCredential: boolean;
  /** While `record.connection` is `reconnecting`: when the seat is given up. */
  graceEndsAt: number;
  /** Why the seat is reconnecting: the leave reason if the grace runs out. */
  graceReason: 'disconnected' | 'timeout';
  /** The room's revision when this seat last changed. */
  revision: number;
}

interface Connection {
  id: string;
  participantId: string;
  lastSeenAt: number;
  bucket: TokenBucket;
  rateLimitedInARow: number;
  lastRateErrorAt: number;
  /** Messages queued until `welcome` is out, so the client always hears `welcome` first. */
  pending: string[] | null;
}

/**
 * One room's presence and its rules, independent of any runtime: the Node adapter keeps these in a
 * Map, a Workers adapter keeps one per Durable Object. Time comes from `config.now`, and `sweep` is
 * called from outside (an interval, an alarm), so the room owns no timers.
 */
export class RoomState {
  readonly #seats = new Map<string, Seat>();
  readonly #connections = new Map<PeerSocket, Connection>();
  readonly #sessionOwners = new Map<string, string>();
  /**
   * Participants who left on purpose (left, removed) in this room's lifetime, with when: their
   * credential, still unexpired, must not seat them again under the same id.
   */
  readonly #departed = new Map<string, number>();
  #revision = 0;
  /** Chat, reactions and raise order (room-people.ts). */
  readonly people: RoomPeople;

  constructor(
    readonly name: string,
    private readonly config: RoomConfig,
  ) {
    this.people = new RoomPeople(config.people ?? resolvePeopleOptions());
  }

  /**
   * Rebuilds a room from its seats and the sockets still open for it (a Durable Object waking from
   * hibernation). A socket joins its seat only if it is the seat's current connection; a seat that
   * was connected but whose socket is gone gets the reconnect grace, as if it had just dropped.
   */
  static restore(
    name: string,
    config: RoomConfig,
    seats: readonly SeatSnapshot[],
    sockets: ReadonlyArray<{ socket: PeerSocket; connection: ConnectionSnapshot | null }>,
  ): RoomState {
    const room = new RoomState(name, config);
    // Storage lists seats by key; the room lists participants in the order they joined, so a
    // rebuilt room shows everyone where they were (tile order does not shuffle on a wake-up).
    const inJoinOrder = [...seats].sort(
      (a, b) => a.record.joinedAt - b.record.joinedAt || a.record.id.localeCompare(b.record.id),
    );
    for (const saved of inJoinOrder) {
      const seat: Seat = {
        record: structuredClone(saved.record),
        socket: null,
        sessions: [...saved.sessions],
        sessionStarts: [...(saved.sessionStarts ?? [])],
        credentialExpiresAt: saved.credentialExpiresAt,
        refreshingCredential: false,
        graceEndsAt: saved.graceEndsAt,
        graceReason: saved.graceReason ?? 'disconnected',
        revision: saved.revision,
      };
      room.#seats.set(seat.record.id, seat);
      room.#revision = Math.max(room.#revision, saved.revision);
      for (const sessionId of seat.sessions) room.#sessionOwners.set(sessionId, seat.record.id);
    }
    room.people.restoreHands(room.participants());
    const expected = new Map(seats.map((saved) => [saved.record.id, saved.connectionId]));
    for (const { socket, connection } of sockets) {
      const seat = connection ? room.#seats.get(connection.participantId) : undefined;
      if (!connection || !seat || seat.socket || expected.get(seat.record.id) !== connection.connectionId) {
        // A socket the room already let go of (replaced, removed, refused) that had not finished closing.
        socket.close(CloseCode.goingAway, 'stale');
        continue;
      }
      seat.socket = socket;
      room.#connections.set(socket, {
        id: connection.connectionId,
        participantId: connection.participantId,
        lastSeenAt: connection.lastSeenAt,
        bucket: new TokenBucket(
          config.limits.messagesPerSecond,
          config.limits.messageBurst,
          connection.lastSeenAt,
          connection.bucket,
        ),
        rateLimitedInARow: connection.rateLimitedInARow,
        lastRateErrorAt: connection.lastRateErrorAt ?? Number.NEGATIVE_INFINITY,
        pending: null,
      });
    }
    const now = config.now();
    for (const seat of room.#seats.values()) {
      if (seat.socket || seat.record.connection === 'reconnecting') continue;
      seat.record.connection = 'reconnecting';
      seat.graceEndsAt = now + config.reconnectGraceMs;
      room.#touch(seat);
      room.#broadcast({ type: 'participant-updated', participant: seat.record });
    }
    return room;
  }

  /** Grows whenever a seat changes; a runtime that persists seats compares it to what it saved. */
  get revision(): number {
    return this.#revision;
  }

  /** Every seat as plain JSON, each with the revision of its last change. */
  seatSnapshots(): SeatSnapshot[] {
    return [...this.#seats.values()].map((seat) => ({
      record: structuredClone(seat.record),
      sessions: [...seat.sessions],
      sessionStarts: [...seat.sessionStarts],
      credentialExpiresAt: seat.credentialExpiresAt,
      graceEndsAt: seat.graceEndsAt,
      graceReason: seat.graceReason,
      connectionId: seat.socket ? (this.#connections.get(seat.socket)?.id ?? null) : null,
      revision: seat.revision,
    }));
  }

  /** The state of one open connection, or null once the room has let go of that socket. */
  connectionSnapshot(socket: PeerSocket): ConnectionSnapshot | null {
    const connection = this.#connections.get(socket);
    if (!connection) return null;
    return {
      connectionId: connection.id,
      participantId: connection.participantId,
      lastSeenAt: connection.lastSeenAt,
      bucket: connection.bucket.state(),
      rateLimitedInARow: connection.rateLimitedInARow,
      lastRateErrorAt: Number.isFinite(connection.lastRateErrorAt) ? connection.lastRateErrorAt : null,
    };
  }

  /**
   * The earliest time at which `sweep` has something to do (a heartbeat timeout, the end of a
   * reconnect grace, a credential renewal), or null when nothing is pending. A runtime with alarms
   * sets one for this instead of sweeping on an interval.
   */
  nextDeadline(): number | null {
    let earliest = Number.POSITIVE_INFINITY;
    const { heartbeat, credentialTtlMs } = this.config;
    // sweep drops a connection once silent for more than timeoutMs, hence the extra millisecond.
    for (const connection of this.#connections.values()) {
      earliest = Math.min(earliest, connection.lastSeenAt + heartbeat.timeoutMs + 1);
    }
    for (const seat of this.#seats.values()) {
      if (seat.record.connection === 'reconnecting') earliest = Math.min(earliest, seat.graceEndsAt);
      else if (seat.socket && !seat.refreshingCredential) {
        earliest = Math.min(earliest, seat.credentialExpiresAt - credentialTtlMs / 2 + 1);
      }
    }
    return Number.isFinite(earliest) ? earliest : null;
  }

  get participantCount(): number {
    return this.#seats.size;
  }

  get isEmpty(): boolean {
    return this.#seats.size === 0 && this.#connections.size === 0;
  }

  participants(): Participant[] {
    return [...this.#seats.values()].map((seat) => seat.record);
  }

  /** Seats a newly accepted socket: resumes the admission's participant when it can, else adds one. */
  async connect(admission: Admission, socket: PeerSocket): Promise<void> {
    const now = this.config.now();
    const { identity } = admission;
    const resumable = admission.resume ? this.#seats.get(admission.resume.participantId) : undefined;
    const resumed = resumable !== undefined && resumable.record.userId === identity.userId;
    const returning = resumed ? undefined : this.#returningId(admission);

    let seat: Seat;
    if (resumed) {
      seat = resumable;
      const stale = seat.socket;
      if (stale) {
        this.#connections.delete(stale);
        this.#sendTo(stale, {
          type: 'error',
          code: 'replaced',
          message: 'This participant connected again elsewhere.',
        });
        stale.close(CloseCode.replaced, 'replaced');
      }
      seat.record.connection = 'connected';
      seat.record.moderator = identity.moderator;
      if (identity.name !== null) seat.record.name = identity.name;
    } else {
      if (this.#seats.size >= this.config.limits.maxParticipantsPerRoom) {
        this.#refuse(socket, 'room_full', `Room is full (${this.config.limits.maxParticipantsPerRoom}).`);
        return;
      }
      // A name the host's authorize hook gave is the host's word; a name the client chose must not
      // pass for someone already here ("Alice" again, "Аlice" in Cyrillic), so it gets a number.
      const name =
        identity.name ??
        distinctName(
          admission.clientName ?? 'Guest',
          this.participants().map((participant) => participant.name),
        );
      const record = newParticipant(
        returning ?? crypto.randomUUID(),
        identity.userId,
        name,
        identity.moderator,
        now,
      );
      seat = {
        record,
        socket: null,
        sessions: [],
        sessionStarts: [],
        credentialExpiresAt: 0,
        refreshingCredential: false,
        graceEndsAt: 0,
        graceReason: 'disconnected',
        revision: 0,
      };
      this.#seats.set(record.id, seat);
    }
    seat.socket = socket;
    const connection: Connection = {
      id: crypto.randomUUID(),
      participantId: seat.record.id,
      lastSeenAt: now,
      bucket: new TokenBucket(this.config.limits.messagesPerSecond, this.config.limits.messageBurst, now),
      rateLimitedInARow: 0,
      lastRateErrorAt: Number.NEGATIVE_INFINITY,
      pending: [],
    };
    this.#connections.set(socket, connection);
    this.#touch(seat);
    this.#broadcast(
      resumed
        ? { type: 'participant-updated', participant: seat.record }
        : { type: 'participant-joined', participant: seat.record },
      socket,
    );

    try {
      const expiresAt = now + this.config.credentialTtlMs;
      const credential = await this.#issueCredential(seat, expiresAt);
      if (this.#connections.get(socket) !== connection) return;
      const { limits, heartbeat } = this.config;
      const queued = connection.pending ?? [];
      connection.pending = null;
      this.#sendTo(socket, {
        type: 'welcome',
        protocol: 1,
        room: this.name,
        participantId: seat.record.id,
        credential,
        credentialExpiresAt: expiresAt,
        resumed,
        participants: this.participants(),
        heartbeat: { intervalMs: heartbeat.intervalMs, timeoutMs: heartbeat.timeoutMs },
        limits: {
          maxMessageBytes: limits.maxMessageBytes,
          messagesPerSecond: limits.messagesPerSecond,
          maxParticipantsPerRoom: limits.maxParticipantsPerRoom,
          maxChatChars: this.people.maxChatChars,
        },
        ...this.people.welcomeFields(),
        ...(this.config.iceServers && { iceServers: this.config.iceServers }),
      });
      for (const text of queued) this.#sendText(socket, text);
    } catch (error) {
      this.config.onError(error, 'issuing a participant credential');
      this.#refuse(socket, 'internal_error', 'Could not issue a participant credential.');
      this.#leave(seat.record.id, 'disconnected');
    }
  }

  /** A frame from a seated socket. Never throws: whatever arrives, only this sender hears about it. */
  receive(socket: PeerSocket, text: string | null, byteLength: number): void {
    const connection = this.#connections.get(socket);
    if (!connection) return;
    const now = this.config.now();
    connection.lastSeenAt = now;
    const { limits } = this.config;

    if (!connection.bucket.take(now)) {
      connection.rateLimitedInARow += 1;
      if (connection.rateLimitedInARow >= limits.floodDisconnectAfter) {
        this.#sendTo(socket, {
          type: 'error',
          code: 'rate_limited',
          message: 'Too many messages; disconnected.',
        });
        this.#connections.delete(socket);
        socket.close(CloseCode.flood, 'rate_limited');
        this.#leave(connection.participantId, 'disconnected');
        return;
      }
      // One error per second is enough to tell the client; answering every dropped frame would let a
      // flood make the server flood back.
      if (now - connection.lastRateErrorAt >= 1000) {
        connection.lastRateErrorAt = now;
        this.#sendError(socket, {
          code: 'rate_limited',
          message: `More than ${limits.messagesPerSecond} messages per second; this message and others until retryAfterMs were dropped.`,
          retryAfterMs: connection.bucket.waitMs(now),
        });
      }
      return;
    }
    connection.rateLimitedInARow = 0;

    if (byteLength > limits.maxMessageBytes) {
      this.#sendError(socket, {
        code: 'message_too_large',
        message: `Message of ${byteLength} bytes exceeds the limit of ${limits.maxMessageBytes}.`,
      });
      return;
    }
    if (text === null) {
      this.#sendError(socket, {
        code: 'invalid_message',
        message: 'Binary frames are not part of the protocol.',
      });
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.#sendError(socket, { code: 'invalid_json', message: 'Message is not valid JSON.' });
      return;
    }
    const validated = validateClientMessage(raw);
    if (!validated.ok) {
      this.#sendError(socket, validated.error);
      return;
    }
    try {
      this.#dispatch(socket, connection.participantId, validated.message);
    } catch (error) {
      this.config.onError(error, `handling a "${validated.message.type}" message`);
      this.#sendError(socket, {
        code: 'internal_error',
        message: 'The server failed to handle this message.',
      });
    }
  }

  /** The runtime saw the socket close. A clean 1000 close is a leave; anything else may come back. */
  disconnected(socket: PeerSocket, code: number): void {
    const connection = this.#connections.get(socket);
    if (!connection) return;
    this.#connections.delete(socket);
    const seat = this.#seats.get(connection.participantId);
    if (!seat || seat.socket !== socket) return;
    seat.socket = null;
    // 1001 from a browser is its page going away (a closed tab): as final as a leave, so the
    // others do not watch a frozen tile for the whole reconnect grace.
    if (code === CloseCode.normal || code === CloseCode.goingAway) {
      this.#leave(seat.record.id, 'left');
      return;
    }
    this.#startGrace(seat, 'disconnected');
  }

  /** The seat waits `reconnectGraceMs` for its participant to come back, then `reason` is the leave. */
  #startGrace(seat: Seat, reason: Seat['graceReason']): void {
    seat.socket = null;
    seat.record.connection = 'reconnecting';
    seat.graceEndsAt = this.config.now() + this.config.reconnectGraceMs;
    seat.graceReason = reason;
    this.#touch(seat);
    this.#broadcast({ type: 'participant-updated', participant: seat.record });
  }

  /**
   * Drops the silent, gives up expired reconnect seats and renews credentials. Call often, or at
   * `nextDeadline()`. Resolves once renewed credentials are issued, so a runtime that must persist
   * the result (a Durable Object alarm) can wait for it.
   */
  async sweep(): Promise<void> {
    const now = this.config.now();
    const renewals: Promise<void>[] = [];
    // A credential outlives no departure by more than its lifetime; after that it cannot resume.
    for (const [id, leftAt] of this.#departed) {
      if (now - leftAt > this.config.credentialTtlMs) this.#departed.delete(id);
    }
    for (const [socket, connection] of this.#connections) {
      if (now - connection.lastSeenAt <= this.config.heartbeat.timeoutMs) continue;
      this.#connections.delete(socket);
      this.#sendTo(socket, {
        type: 'error',
        code: 'timeout',
        message: 'No message within the heartbeat timeout.',
      });
      socket.close(CloseCode.timeout, 'heartbeat_timeout');
      // Silence is what a cut network looks like: the page may well come back (a tab that closed
      // said so with its close code), so it gets the reconnect grace like any dropped connection.
      const seat = this.#seats.get(connection.participantId);
      if (seat && seat.socket === socket) this.#startGrace(seat, 'timeout');
    }
    for (const seat of [...this.#seats.values()]) {
      if (seat.record.connection === 'reconnecting' && now >= seat.graceEndsAt) {
        this.#leave(seat.record.id, seat.graceReason);
      } else if (
        seat.socket &&
        !seat.refreshingCredential &&
        seat.credentialExpiresAt - now < this.config.credentialTtlMs / 2
      ) {
        renewals.push(this.#renewCredential(seat, now + this.config.credentialTtlMs));
      }
    }
    await Promise.all(renewals);
  }

  /** Closes every socket (server shutting down); everyone leaves at once, no grace. */
  closeAll(): void {
    for (const [socket, connection] of [...this.#connections]) {
      this.#connections.delete(socket);
      socket.close(CloseCode.goingAway, 'server_shutdown');
      this.#leave(connection.participantId, 'shutdown');
    }
    for (const id of [...this.#seats.keys()]) this.#leave(id, 'shutdown');
  }

  // ── what the Calls proxy asks ──

  hasParticipant(participantId: string): boolean {
    return this.#seats.has(participantId);
  }

  /** Records a session the proxy created for this participant. False if the participant is gone. */
  claimSession(participantId: string, sessionId: string): boolean {
    const seat = this.#seats.get(participantId);
    if (!seat) return false;
    const owner = this.#sessionOwners.get(sessionId);
    if (owner !== undefined) return owner === participantId;
    seat.sessions.push(sessionId);
    this.#sessionOwners.set(sessionId, participantId);
    this.#forgetOldSessions(seat);
    this.#touch(seat);
    return true;
  }

  /** Lets one more `sessions/new` through for this participant, unless it is over its rate or gone. */
  reserveSession(participantId: string): boolean {
    const seat = this.#seats.get(participantId);
    if (!seat) return false;
    const now = this.config.now();
    seat.sessionStarts = seat.sessionStarts.filter((at) => now - at < 60_000);
    if (seat.sessionStarts.length >= this.config.limits.maxNewSessionsPerMinute) return false;
    seat.sessionStarts.push(now);
    this.#touch(seat);
    return true;
  }

  sessionAccess(participantId: string, sessionId: string): SessionAccess {
    if (!this.#seats.has(participantId)) return 'participant_gone';
    return this.#sessionOwners.get(sessionId) === participantId ? 'owner' : 'not_owned';
  }

  /** The given session ids that belong to no participant of this room. */
  sessionsOutsideRoom(sessionIds: readonly string[]): string[] {
    return sessionIds.filter((id) => !this.#sessionOwners.has(id));
  }

  // ── internals ──

  #dispatch(socket: PeerSocket, participantId: string, message: ClientMessage): void {
    const seat = this.#seats.get(participantId);
    if (!seat) return;
    switch (message.type) {
      case 'ping':
        this.#sendTo(socket, message.id === undefined ? { type: 'pong' } : { type: 'pong', id: message.id });
        return;
      case 'sync':
        this.#sendTo(socket, { type: 'room-state', participants: this.participants() });
        return;
      case 'leave':
        this.#connections.delete(socket);
        this.#ack(socket, message.id);
        socket.close(CloseCode.normal, 'left');
        this.#leave(participantId, 'left');
        return;
      case 'update': {
        for (const { sessionId, field } of sessionIdsInPatch(message.patch)) {
          if (this.#sessionOwners.get(sessionId) !== participantId) {
            this.#sendError(socket, {
              code: 'session_not_owned',
              field,
              message: `Session ${sessionId} was not created by this participant through this backend.`,
              ...(message.id === undefined ? {} : { id: message.id }),
            });
            return;
          }
        }
        if (applyPatch(seat.record, message.patch)) {
          this.people.stampHand(seat.record, this.config.now());
          this.#touch(seat);
          this.#broadcast({ type: 'participant-updated', participant: seat.record });
        }
        this.#ack(socket, message.id);
        return;
      }
      case 'mute':
      case 'remove': {
        const target = this.#moderationTarget(socket, seat, message.participantId, message.id);
        if (!target) return;
        if (message.type === 'mute') {
          if (target.socket)
            this.#sendTo(target.socket, { type: 'muted', kind: message.kind, by: participantId });
          if (applyMute(target.record, message.kind)) {
            this.#touch(target);
            this.#broadcast({ type: 'participant-updated', participant: target.record });
          }
        } else {
          const targetSocket = target.socket;
          if (targetSocket) {
            this.#connections.delete(targetSocket);
            this.#sendTo(targetSocket, { type: 'removed', by: participantId });
            targetSocket.close(CloseCode.removed, 'removed');
          }
          this.#leave(target.record.id, 'removed');
        }
        this.#ack(socket, message.id);
        return;
      }
      case 'chat':
      case 'react':
      case 'lower-hand':
        this.#dispatchPeople(socket, seat, message);
        return;
    }
  }

  /** Revision 2: chat, reactions and a moderator lowering someone's hand. */
  #dispatchPeople(
    socket: PeerSocket,
    seat: Seat,
    message: Extract<ClientMessage, { type: 'chat' | 'react' | 'lower-hand' }>,
  ): void {
    const now = this.config.now();
    const withId = message.id === undefined ? {} : { id: message.id };
    if (message.type === 'lower-hand') {
      const target = this.#moderationTarget(socket, seat, message.participantId, message.id);
      if (!target) return;
      if (this.people.lowerHand(target.record)) {
        if (target.socket) this.#sendTo(target.socket, { type: 'hand-lowered', by: seat.record.id });
        this.#touch(target);
        this.#broadcast({ type: 'participant-updated', participant: target.record });
      }
      this.#ack(socket, message.id);
      return;
    }
    if (message.type === 'chat') {
      const recipient = message.to === undefined ? undefined : this.#seats.get(message.to);
      if (message.to !== undefined && (!recipient || recipient === seat)) {
        this.#sendError(socket, {
          code: recipient ? 'invalid_message' : 'participant_not_found',
          field: 'to',
          message: recipient
            ? 'A private message goes to someone else.'
            : 'No such participant in this room.',
          ...withId,
        });
        return;
      }
      const result = this.people.sendChat(seat.record, message.text, now, recipient?.record.id);
      if (!result.ok) {
        this.#sendError(socket, { ...result.error, ...withId });
        return;
      }
      const chat: ServerMessage = { type: 'chat', message: result.value };
      if (!recipient) this.#broadcast(chat);
      else {
        // Only the two of them; a recipient within its reconnect grace misses it (it is not kept).
        this.#sendTo(socket, chat);
        if (recipient.socket) this.#sendTo(recipient.socket, chat);
      }
    } else {
      const result = this.people.react(seat.record, message.emoji, now);
      if (!result.ok) {
        this.#sendError(socket, { ...result.error, ...withId });
        return;
      }
      this.#broadcast({ type: 'reaction', participantId: seat.record.id, emoji: result.value, at: now });
    }
    this.#ack(socket, message.id);
  }

  #moderationTarget(socket: PeerSocket, seat: Seat, targetId: string, id: string | undefined): Seat | null {
    const withId = id === undefined ? {} : { id };
    if (!seat.record.moderator) {
      this.#sendError(socket, {
        code: 'forbidden',
        message: 'Only moderators may mute, remove or lower the hand of others.',
        ...withId,
      });
      return null;
    }
    const target = this.#seats.get(targetId);
    if (!target) {
      this.#sendError(socket, {
        code: 'participant_not_found',
        field: 'participantId',
        message: 'No such participant in this room.',
        ...withId,
      });
      return null;
    }
    return target;
  }

  #leave(participantId: string, reason: LeaveReason): void {
    const seat = this.#seats.get(participantId);
    if (!seat) return;
    this.#seats.delete(participantId);
    this.people.forget(participantId);
    if (reason === 'left' || reason === 'removed') this.#departed.set(participantId, this.config.now());
    this.#revision += 1;
    for (const sessionId of seat.sessions) this.#sessionOwners.delete(sessionId);
    if (seat.socket) this.#connections.delete(seat.socket);
    this.#broadcast({ type: 'participant-left', participantId, reason });
  }

  /**
   * The id to seat a participant under whom this room does not know but who presents an authentic
   * credential for it: a backend restart forgot every seat, and the page coming back is the same
   * person, so the others must not see a stranger join. Not for someone who left or was removed.
   */
  #returningId(admission: Admission): string | undefined {
    const claims = admission.resume;
    if (!claims || claims.userId !== admission.identity.userId) return undefined;
    if (this.#seats.has(claims.participantId) || this.#departed.has(claims.participantId)) return undefined;
    return claims.participantId;
  }

  #forgetOldSessions(seat: Seat): void {
    const max = this.config.limits.maxSessionsPerParticipant;
    if (seat.sessions.length <= max) return;
    const referenced = referencedSessions(seat.record);
    const keep: string[] = [];
    let excess = seat.sessions.length - max;
    for (const sessionId of seat.sessions) {
      if (excess > 0 && !referenced.has(sessionId)) {
        this.#sessionOwners.delete(sessionId);
        excess -= 1;
      } else {
        keep.push(sessionId);
      }
    }
    seat.sessions = keep;
  }

  async #issueCredential(seat: Seat, expiresAt: number): Promise<string> {
    const credential = await this.config.credentials.issue({
      room: this.name,
      participantId: seat.record.id,
      userId: seat.record.userId,
      expiresAt,
    });
    seat.credentialExpiresAt = expiresAt;
    this.#touch(seat);
    return credential;
  }

  async #renewCredential(seat: Seat, expiresAt: number): Promise<void> {
    seat.refreshingCredential = true;
    try {
      const credential = await this.#issueCredential(seat, expiresAt);
      if (seat.socket)
        this.#sendTo(seat.socket, { type: 'credential', credential, credentialExpiresAt: expiresAt });
    } catch (error) {
      this.config.onError(error, 'renewing a participant credential');
    } finally {
      seat.refreshingCredential = false;
    }
  }

  #touch(seat: Seat): void {
    this.#revision += 1;
    seat.revision = this.#revision;
  }

  #refuse(socket: PeerSocket, code: 'room_full' | 'internal_error', message: string): void {
    this.#connections.delete(socket);
    this.#sendTo(socket, { type: 'error', code, message });
    socket.close(code === 'room_full' ? CloseCode.full : CloseCode.goingAway, code);
  }

  #ack(socket: PeerSocket, id: string | undefined): void {
    if (id !== undefined) this.#sendTo(socket, { type: 'ack', id });
  }

  #sendError(socket: PeerSocket, error: PresenceError): void {
    this.#sendTo(socket, { type: 'error', ...error });
  }

  #broadcast(message: ServerMessage, except?: PeerSocket): void {
    const text = JSON.stringify(message);
    for (const socket of this.#connections.keys()) {
      if (socket !== except) this.#sendText(socket, text);
    }
  }

  #sendTo(socket: PeerSocket, message: ServerMessage): void {
    this.#sendText(socket, JSON.stringify(message));
  }

  #sendText(socket: PeerSocket, text: string): void {
    const connection = this.#connections.get(socket);
    // Until `welcome` is out, everything for this socket waits behind it.
    if (connection?.pending) {
      connection.pending.push(text);
      return;
    }
    try {
      socket.send(text);
    } catch (error) {
      // A socket that fails mid-send is closing; its close event cleans up. Others are unaffected.
      this.config.onError(error, 'sending to a socket');
    }
  }
}
