import { exhaustMap, filter, from, type Observable, of, switchMap, take, timer } from 'rxjs';
import type { IceRestartOutcome } from './ice-restart.js';

/** Why the room gives up on its Calls session and makes a new one. */
export type MediaFailure =
  /** partytracks could not create a session (the backend refused `sessions/new`). */
  | 'no_session'
  /** The SFU no longer knows the session (restarted, expired, closed it). */
  | 'session_gone'
  /** The peer connection did not get (back) to connected in time. */
  | 'not_connected';

export type SessionProbe = (sessionId: string) => Promise<'alive' | 'gone' | 'unknown'>;

export interface MediaHealthOptions {
  /** Asks the backend whether the SFU still holds a session. */
  probe: SessionProbe;
  /** How often the connection is looked at. Default 500 ms. */
  intervalMs?: number;
  /**
   * Nothing received for this long makes the room ask the SFU about the session. Default 1500 ms:
   * in a call the SFU's RTCP alone arrives several times a second, and asking costs one small GET,
   * while every second spent here is a second of frozen video after the SFU forgot the session.
   */
  silenceMs?: number;
  /** Not connected for this long is a failure whatever the SFU says. Default 20000 ms. */
  connectTimeoutMs?: number;
  /**
   * Restarts ICE on a session the SFU still holds while nothing arrives on it (ice-restart.ts).
   * Without it such a session waits for ICE to come back by itself.
   */
  restartIce?: (pc: RTCPeerConnection, sessionId: string) => Promise<IceRestartOutcome>;
  /** Least time between two ICE restarts of one session. Default 5000 ms. */
  iceRestartIntervalMs?: number;
  /**
   * No answer to the browser's ICE checks (STUN responses on any candidate pair) for this long
   * means the path is gone, and only then is ICE restarted. Chromium checks a healthy pair every
   * 2.5 s, so a single late answer stays under it. Default 3000 ms.
   */
  pathSilenceMs?: number;
}

const SESSION_ID = /^[0-9a-f]{32}$/i;

/**
 * Watches one Calls session and emits once it cannot recover by itself. A connection that is merely
 * disconnected may come back (the SFU keeps a session 30 s), so silence alone only makes the room
 * ask the SFU: a session the SFU has forgotten — a restart, or the SFU closing it — is replaced at
 * once instead of after partytracks' ICE timeout; a session it still holds gets an ICE restart
 * while nothing arrives, not even answers to ICE checks (the path may be gone for good: a new port, a NAT that rebound; the
 * browser may even still call it `connected` when its checks found a new path the ICE-lite SFU
 * never switched to), early enough to beat partytracks' own 7 s "disconnected" timeout, which
 * would make a new session.
 */
export function mediaFailure$(
  session$: Observable<{ peerConnection: RTCPeerConnection; sessionId: string }>,
  options: MediaHealthOptions,
): Observable<MediaFailure> {
  const intervalMs = options.intervalMs ?? 500;
  const silenceMs = options.silenceMs ?? 1500;
  const connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
  const iceRestartIntervalMs = options.iceRestartIntervalMs ?? 5000;
  const pathSilenceMs = options.pathSilenceMs ?? 3000;
  return session$.pipe(
    switchMap(({ peerConnection: pc, sessionId }) => {
      if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) return of('no_session' as const);
      let bytes = -1;
      let heardAt = performance.now();
      let responses = -1;
      let answeredAt = performance.now();
      let connectedAt: number | undefined;
      let downSince = performance.now();
      let probedAt = Number.NEGATIVE_INFINITY;
      let restartedAt = Number.NEGATIVE_INFINITY;
      return timer(0, intervalMs).pipe(
        exhaustMap(() =>
          from(
            (async (): Promise<MediaFailure | undefined> => {
              const now = performance.now();
              const { received, stunResponses } = await transportCounters(pc);
              // Closed while its stats were read: the room is leaving or replacing this session, and
              // a probe now would reach the backend after the participant left (401).
              if (pc.connectionState === 'closed') return undefined;
              if (received > bytes) {
                bytes = received;
                heardAt = now;
              }
              if (stunResponses > responses) {
                responses = stunResponses;
                answeredAt = now;
              }
              const connected = pc.connectionState === 'connected';
              if (connected) {
                connectedAt ??= now;
                downSince = now;
              }
              const silent = !connected || now - heardAt > silenceMs;
              if (!silent) return undefined;
              if (!connected && now - downSince > connectTimeoutMs) return 'not_connected';
              // A new session that never connected has nothing to ask about yet.
              if (connectedAt === undefined || now - probedAt < 2 * intervalMs) return undefined;
              probedAt = now;
              const held = await options.probe(sessionId);
              if (held === 'gone') return 'session_gone';
              // Only when the SFU stopped answering ICE checks too: the path is gone. A session
              // that merely receives no media (the people it pulls are reconnecting) keeps its ICE.
              const pathGone = now - answeredAt > pathSilenceMs;
              // Spaced from the moment the last restart was asked for, not from the start of its check:
              // the stats and the probe in between take their own, varying time.
              const askedAt = performance.now();
              if (
                held === 'alive' &&
                pathGone &&
                options.restartIce &&
                askedAt - restartedAt >= iceRestartIntervalMs
              ) {
                // 'busy' (partytracks is negotiating) tries again at the next probe.
                if ((await options.restartIce(pc, sessionId)) !== 'busy') restartedAt = askedAt;
              }
              return undefined;
            })(),
          ),
        ),
        filter((failure): failure is MediaFailure => failure !== undefined),
      );
    }),
    take(1),
  );
}

/** Bytes the transport received, and STUN responses to the browser's ICE checks on any pair. */
async function transportCounters(
  pc: RTCPeerConnection,
): Promise<{ received: number; stunResponses: number }> {
  const counters = { received: 0, stunResponses: 0 };
  if (pc.connectionState === 'closed') return counters;
  const report = await pc.getStats().catch(() => undefined);
  report?.forEach((stats: { type: string; bytesReceived?: number; responsesReceived?: number }) => {
    if (stats.type === 'transport') counters.received += stats.bytesReceived ?? 0;
    if (stats.type === 'candidate-pair') counters.stunResponses += stats.responsesReceived ?? 0;
  });
  return counters;
}
