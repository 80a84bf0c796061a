import { distinctUntilChanged, map, Observable, of, switchMap } from 'rxjs';
import { audioLevel$ } from './audio-level.js';
import type { LocalMedia } from './local-media.js';

/** Tuning of {@link SustainedSoundDetector}. */
export interface SustainedSoundOptions {
  /** RMS level (0…1) that counts as sound. Default 0.05. */
  level?: number;
  /** How far back loud samples count. Default 1500 ms. */
  windowMs?: number;
  /** Loud samples needed inside the window. Default 3. */
  samples?: number;
  /** Time between the first and last loud sample in the window. Default 500 ms. */
  spanMs?: number;
}

/**
 * "Someone is talking" from level samples: several loud samples spread over at least half a second
 * within the last one and a half. Speech has gaps between syllables, so it is not one long loud
 * stretch; a single cough or knock is short, so it does not count.
 */
export class SustainedSoundDetector {
  readonly #level: number;
  readonly #windowMs: number;
  readonly #samples: number;
  readonly #spanMs: number;
  #loud: number[] = [];

  constructor(options: SustainedSoundOptions = {}) {
    this.#level = options.level ?? 0.05;
    this.#windowMs = options.windowMs ?? 1500;
    this.#samples = options.samples ?? 3;
    this.#spanMs = options.spanMs ?? 500;
  }

  /** Feeds one level sample taken at `now` (ms); returns whether there is sustained sound. */
  sample(level: number, now: number): boolean {
    if (level >= this.#level) this.#loud.push(now);
    this.#loud = this.#loud.filter((at) => now - at <= this.#windowMs);
    const first = this.#loud[0];
    const last = this.#loud.at(-1);
    return (
      this.#loud.length >= this.#samples &&
      first !== undefined &&
      last !== undefined &&
      last - first >= this.#spanMs
    );
  }
}

/**
 * Whether the person speaks while their microphone is off, for a "you are muted" hint. Muting
 * releases the microphone (`LocalMedia`), so while muted and subscribed this opens one of its own,
 * listens to its level here and sends nothing anywhere; it is released as soon as the microphone is
 * turned on or the subscription ends.
 */
export function speakingWhileMuted$(
  media: LocalMedia,
  constraints: MediaTrackConstraints | boolean = true,
): Observable<boolean> {
  return media.micEnabled$.pipe(
    switchMap((on) => (on ? of(false) : mutedMicSpeech$(constraints))),
    distinctUntilChanged(),
  );
}

function mutedMicSpeech$(constraints: MediaTrackConstraints | boolean): Observable<boolean> {
  return new Observable<MediaStreamTrack>((subscriber) => {
    let track: MediaStreamTrack | undefined;
    let closed = false;
    navigator.mediaDevices.getUserMedia({ audio: constraints }).then(
      (stream) => {
        [track] = stream.getAudioTracks();
        if (closed || !track) {
          for (const each of stream.getTracks()) each.stop();
          return;
        }
        subscriber.next(track);
      },
      // No hint without a microphone: a denied or missing device is reported by LocalMedia already.
      () => subscriber.complete(),
    );
    return () => {
      closed = true;
      track?.stop();
    };
  }).pipe(
    switchMap((track) => {
      const detector = new SustainedSoundDetector();
      return audioLevel$(track).pipe(map((level) => detector.sample(level, performance.now())));
    }),
  );
}
