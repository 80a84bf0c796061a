import { combineLatest, filter, from, map, type Observable, of, switchMap, take, timer } from 'rxjs';

export interface DeadTrackOptions {
  /** How often the receiver's byte counter is read. Default 1000 ms. */
  intervalMs?: number;
  /** How long the counter may stand still before the track counts as dead. Default 5000 ms. */
  stallMs?: number;
}

/**
 * Whether a byte counter still grows. Time while the track is not expected to carry media (its
 * publisher reconnecting, our own connection down) does not count against it.
 */
export class ByteProgress {
  readonly #stallMs: number;
  #bytes = Number.NEGATIVE_INFINITY;
  #since = 0;

  constructor(stallMs: number) {
    this.#stallMs = stallMs;
  }

  /** Returns true once `bytes` has not grown for `stallMs` of eligible time. */
  sample(bytes: number, now: number, eligible: boolean): boolean {
    if (!eligible || bytes > this.#bytes) {
      this.#bytes = Math.max(bytes, this.#bytes);
      this.#since = now;
      return false;
    }
    return now - this.#since >= this.#stallMs;
  }
}

/**
 * Emits once when the pulled `track` stops receiving bytes while `expected$` says it should carry
 * media (the publisher is present and connected) and the peer connection is up. Orange Meets'
 * dead-track monitor is the model: a pull can stay "live" with nothing arriving (the SFU lost the
 * forwarding, a layer switch never completed), and only a fresh pull repairs it.
 */
export function deadTrack$(
  pc: RTCPeerConnection,
  track: MediaStreamTrack,
  expected$: Observable<boolean>,
  options: DeadTrackOptions = {},
): Observable<void> {
  const intervalMs = options.intervalMs ?? 1000;
  const progress = new ByteProgress(options.stallMs ?? 5000);
  return combineLatest([timer(0, intervalMs), expected$]).pipe(
    switchMap(([, expected]) =>
      from(receivedBytes(pc, track)).pipe(
        map((bytes) =>
          progress.sample(bytes, performance.now(), expected && pc.connectionState === 'connected'),
        ),
      ),
    ),
    filter((dead) => dead),
    take(1),
    map(() => undefined),
  );
}

async function receivedBytes(pc: RTCPeerConnection, track: MediaStreamTrack): Promise<number> {
  if (pc.connectionState === 'closed') return 0;
  const report = await pc.getStats(track).catch(() => undefined);
  let bytes = 0;
  report?.forEach((stats: { type: string; bytesReceived?: number }) => {
    if (stats.type === 'inbound-rtp') bytes += stats.bytesReceived ?? 0;
  });
  return bytes;
}

/** For tracks the monitor cannot watch (no peer connection yet): never dead. */
export const neverDead$: Observable<void> = of(undefined).pipe(filter(() => false));
