/**
 * All live sessions of the SFU and their lifecycle: ids, lookup, request rate, expiry of sessions
 * that never connect or stay disconnected past the resume window, and the one-second tick that
 * drives bandwidth feedback and layer choice.
 */
import { randomBytes } from 'node:crypto';
import { sendBandwidthEstimate } from './bandwidth.js';
import { sessionGone, tooManyRequests } from './errors.js';
import type { PeerSettings } from './peer.js';
import { Session, type SessionDirectory } from './session.js';

export interface LifecycleLimits {
  /** A session whose peer connection never connects is closed after this long. */
  unconnectedSessionMs: number;
  /** A session whose connection dropped may resume within this window, then it is closed. */
  resumeWindowMs: number;
  /** A connected client silent this long (no STUN consent requests) counts as disconnected. */
  consentTimeoutMs: number;
  /** A published track that carries no media for this long is collected. */
  idleTrackMs: number;
  /** API requests allowed per session per second. */
  requestsPerSecond: number;
  /** Estimate (bit/s) sent to every video publisher by REMB. */
  publisherBitrate: number;
  /** Period of the housekeeping tick. */
  tickMs: number;
}

export class SessionRegistry implements SessionDirectory {
  private readonly sessions = new Map<string, Session>();
  private readonly requestWindows = new Map<string, { start: number; count: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly peer: PeerSettings,
    private readonly limits: LifecycleLimits,
    private readonly onSessionClosed: (session: Session, reason: string) => void = () => undefined,
  ) {
    this.timer = setInterval(() => this.tick(), limits.tickMs);
    this.timer.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  create({ fullIce = false }: { fullIce?: boolean } = {}): Session {
    const id = randomBytes(16).toString('hex');
    const session = new Session(id, { ...this.peer, fullIce }, this);
    this.sessions.set(id, session);
    return session;
  }

  get(sessionId: string): Session | undefined {
    return this.sessions.get(sessionId);
  }

  /** The session an API call names, counted against its request rate. */
  use(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw sessionGone(sessionId);
    const now = Date.now();
    const window = this.requestWindows.get(sessionId);
    if (!window || now - window.start >= 1000) {
      this.requestWindows.set(sessionId, { start: now, count: 1 });
    } else if (++window.count > this.limits.requestsPerSecond) {
      throw tooManyRequests(sessionId);
    }
    return session;
  }

  close(sessionId: string, reason: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    this.requestWindows.delete(sessionId);
    session.close();
    this.onSessionClosed(session, reason);
  }

  closeAll(): void {
    clearInterval(this.timer);
    for (const id of [...this.sessions.keys()]) this.close(id, 'shutdown');
  }

  private tick(): void {
    const now = Date.now();
    for (const session of [...this.sessions.values()]) {
      if (session.connectedAt === undefined && now - session.createdAt > this.limits.unconnectedSessionMs) {
        this.close(session.id, 'never connected');
        continue;
      }
      if (
        session.disconnectedAt === undefined &&
        session.connectedAt !== undefined &&
        now - Math.max(session.lastConsentAt, session.connectedAt) > this.limits.consentTimeoutMs
      ) {
        session.disconnectedAt = Math.max(session.lastConsentAt, session.connectedAt);
      }
      if (session.disconnectedAt !== undefined && now - session.disconnectedAt > this.limits.resumeWindowMs) {
        this.close(session.id, 'connection lost');
        continue;
      }
      session.tick(now, this.limits.idleTrackMs);
      for (const track of session.publishedTracks())
        sendBandwidthEstimate(track, this.limits.publisherBitrate);
    }
  }
}
