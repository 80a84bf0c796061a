/**
 * Reconnect timing: exponential, capped, with jitter so a room's clients do not reconnect in lockstep.
 * By default it never gives up: a call left open in a tab comes back whenever the network or the
 * backend does, at most one capped delay later.
 */
export interface BackoffOptions {
  /** Delay before the first retry. Default 500 ms. */
  initialDelayMs?: number;
  /**
   * Upper bound of any delay. Default 5 s: a backend back from a restart is found within about
   * 5 s, which leaves time to re-create media inside the 10 s a person waits before giving up.
   */
  maxDelayMs?: number;
  /** Attempts after which the room gives up with `connection_lost`. Default: never give up. */
  maxAttempts?: number;
  /** Up to this fraction of each delay is taken off at random (0…1). Default 0.3. */
  jitter?: number;
}

export interface ResolvedBackoff {
  initialDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  jitter: number;
}

export function resolveBackoff(options: BackoffOptions = {}): ResolvedBackoff {
  return {
    initialDelayMs: options.initialDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 5_000,
    maxAttempts: options.maxAttempts ?? Number.POSITIVE_INFINITY,
    jitter: Math.min(1, Math.max(0, options.jitter ?? 0.3)),
  };
}

/**
 * Delay before retry number `attempt` (1-based). `random` is injectable so the schedule is testable.
 * Returns undefined once the attempts are used up.
 */
export function backoffDelay(
  attempt: number,
  options: ResolvedBackoff,
  random: () => number = Math.random,
): number | undefined {
  if (attempt < 1 || attempt > options.maxAttempts) return undefined;
  // Capped before exponentiation grows past what a float holds for very long outages.
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.min(attempt - 1, 30));
  // Jitter only shortens a delay, so the cap is a true upper bound: a backend that came back is
  // found within maxDelayMs.
  return Math.round(base * (1 - options.jitter * random()));
}

/** True once the delays have reached their cap: the moment a person is offered "retry now". */
export function backoffAtCap(attempt: number, options: ResolvedBackoff): boolean {
  return options.initialDelayMs * 2 ** Math.min(attempt - 1, 30) >= options.maxDelayMs;
}
