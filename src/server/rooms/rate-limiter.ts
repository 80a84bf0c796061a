/** What a token bucket needs to be rebuilt later (a Durable Object keeps it with the socket). */
export interface TokenBucketState {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket: `burst` messages at once, refilled at `perSecond`. Time is passed in so the room
 * logic stays free of clocks and a Durable Object can restore a bucket from storage.
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    now: number,
    restored?: TokenBucketState,
  ) {
    this.#tokens = restored ? Math.min(burst, Math.max(0, restored.tokens)) : burst;
    this.#updatedAt = restored ? restored.updatedAt : now;
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number): boolean {
    this.#refill(now);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Milliseconds until one token is available. */
  waitMs(now: number): number {
    this.#refill(now);
    return this.#tokens >= 1 ? 0 : Math.ceil(((1 - this.#tokens) / this.perSecond) * 1000);
  }

  state(): TokenBucketState {
    return { tokens: this.#tokens, updatedAt: this.#updatedAt };
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.burst, this.#tokens + (elapsed / 1000) * this.perSecond);
    this.#updatedAt = now;
  }
}
