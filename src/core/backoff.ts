/** Reconnect timing: exponential, capped, with jitter so a room's clients do not reconnect in lockstep. */
export interface BackoffOptions {
  /** Delay before the first retry. Default 500 ms. */
  initialDelayMs?: number;
  /** Upper bound of any delay. Default 10 s. */
  maxDelayMs?: number;
  /** Attempts after which the room gives up with `connection_lost`. Default 8 (about a minute). */
  maxAttempts?: number;
  /** Fraction of the delay that is randomised (0…1). Default 0.3. */
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
    maxDelayMs: options.maxDelayMs ?? 10_000,
    maxAttempts: options.maxAttempts ?? 8,
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
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** (attempt - 1));
  const spread = base * options.jitter;
  return Math.round(base - spread + spread * 2 * random());
}
