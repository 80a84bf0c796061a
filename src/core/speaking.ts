/**
 * Speaking detection from audio levels: a level must stay above `startLevel` for `attackMs` to
 * count as speech, and below `stopLevel` for `releaseMs` to end it. The two thresholds and the hold
 * times keep one cough or the gaps between words from flapping the indicator (and from flooding
 * the presence socket with updates).
 */
export interface SpeakingOptions {
  /** RMS level (0…1) that starts speech. Default 0.02. */
  startLevel?: number;
  /** RMS level (0…1) below which speech may end. Default 0.01. */
  stopLevel?: number;
  /** Time above `startLevel` before speech starts. Default 60 ms. */
  attackMs?: number;
  /** Time below `stopLevel` before speech ends. Default 700 ms. */
  releaseMs?: number;
}

export class SpeakingDetector {
  readonly #startLevel: number;
  readonly #stopLevel: number;
  readonly #attackMs: number;
  readonly #releaseMs: number;
  #speaking = false;
  #loudSince: number | undefined;
  #quietSince: number | undefined;

  constructor(options: SpeakingOptions = {}) {
    this.#startLevel = options.startLevel ?? 0.02;
    this.#stopLevel = Math.min(options.stopLevel ?? 0.01, this.#startLevel);
    this.#attackMs = options.attackMs ?? 60;
    this.#releaseMs = options.releaseMs ?? 700;
  }

  get speaking(): boolean {
    return this.#speaking;
  }

  /** Feeds one level sample taken at `now` (ms); returns whether the person is speaking. */
  sample(level: number, now: number): boolean {
    if (!this.#speaking) {
      if (level >= this.#startLevel) {
        this.#loudSince ??= now;
        if (now - this.#loudSince >= this.#attackMs) {
          this.#speaking = true;
          this.#quietSince = undefined;
        }
      } else this.#loudSince = undefined;
      return this.#speaking;
    }
    if (level < this.#stopLevel) {
      this.#quietSince ??= now;
      if (now - this.#quietSince >= this.#releaseMs) {
        this.#speaking = false;
        this.#loudSince = undefined;
      }
    } else this.#quietSince = undefined;
    return this.#speaking;
  }

  reset(): void {
    this.#speaking = false;
    this.#loudSince = undefined;
    this.#quietSince = undefined;
  }
}

/**
 * The active speaker: whoever started speaking most recently among those speaking now, and the
 * previous active speaker stays active while nobody speaks (a video grid should not jump back and
 * forth in every pause).
 */
export function nextActiveSpeaker(
  previous: string | null,
  speakingNow: readonly string[],
  startedSpeaking: readonly string[],
  present: ReadonlySet<string>,
): string | null {
  const latest = startedSpeaking.filter((id) => speakingNow.includes(id)).at(-1);
  if (latest !== undefined) return latest;
  if (previous !== null && present.has(previous)) {
    if (speakingNow.length === 0 || speakingNow.includes(previous)) return previous;
  }
  return speakingNow[0] ?? (previous !== null && present.has(previous) ? previous : null);
}
