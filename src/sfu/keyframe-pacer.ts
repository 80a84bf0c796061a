/**
 * When to ask a publisher for a keyframe (RTCP PLI) on one of its video tracks.
 *
 * libwebrtc acts on one keyframe request per 300 ms and silently drops the others
 * (`kMinKeyframeSendIntervalMs`, video/encoder_rtcp_feedback.cc); without per-layer PLI negotiated,
 * the one it acts on makes a keyframe on every simulcast layer. So a request that would land inside
 * that window is held and sent as the window ends, instead of being sent and lost. A lost one used
 * to leave a subscriber whose transport came up just after a keyframe waiting out the repeat
 * interval: about 650 ms more to its first frame in one join of eight in the join bench.
 */

/** libwebrtc's 300 ms, plus a margin for the path and the two clocks. */
export const PUBLISHER_MIN_INTERVAL_MS = 320;
/** A request with no keyframe after this long is sent again (the PLI or its keyframe may be lost). */
export const UNANSWERED_REPEAT_MS = 500;

export class KeyframePacer {
  #sentAt = Number.NEGATIVE_INFINITY;
  /** Layers whose keyframe started since the last request went out. */
  readonly #answered = new Set<string>();
  #held: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(
    /** Sends the PLI for `layer` (any layer's keyframe request keys them all). */
    private readonly send: (layer: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A subscriber needs a keyframe of `layer`. */
  request(layer: string): void {
    if (this.#closed || this.#held !== undefined) return;
    const since = this.now() - this.#sentAt;
    // The last request's keyframe is still on its way.
    if (!this.#answered.has(layer) && since < UNANSWERED_REPEAT_MS) return;
    if (since >= PUBLISHER_MIN_INTERVAL_MS) {
      this.#sendNow(layer);
      return;
    }
    this.#held = setTimeout(() => {
      this.#held = undefined;
      if (!this.#closed) this.#sendNow(layer);
    }, PUBLISHER_MIN_INTERVAL_MS - since);
  }

  /** A keyframe of `layer` started arriving. */
  keyframeStarted(layer: string): void {
    this.#answered.add(layer);
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#held);
    this.#held = undefined;
  }

  #sendNow(layer: string): void {
    this.#sentAt = this.now();
    this.#answered.clear();
    this.send(layer);
  }
}
