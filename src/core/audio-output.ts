import { BehaviorSubject, distinctUntilChanged, type Observable } from 'rxjs';
import { DEFAULT_DEVICE_ID } from './devices.js';
import { CallsError } from './errors.js';

/**
 * One audio sink per room: every remote audio track plays through a single `<audio>` element (one
 * decoder and one output device choice, and one place to handle the autoplay policy). When the
 * browser refuses to play before the person interacts with the page, `blocked$` turns true until
 * `resume()` is called from a click.
 */
export class AudioOutput {
  /** Every remote audio track currently playing. Chromium mixes a stream's audio tracks. */
  readonly stream = new MediaStream();
  readonly element: HTMLAudioElement;
  readonly #blocked$ = new BehaviorSubject(false);
  readonly blocked$: Observable<boolean> = this.#blocked$.pipe(distinctUntilChanged());

  constructor(element: HTMLAudioElement = document.createElement('audio')) {
    this.element = element;
    element.autoplay = true;
    element.srcObject = this.stream;
  }

  get blocked(): boolean {
    return this.#blocked$.value;
  }

  /** Whether this browser lets a page choose the speaker (`setSinkId`; Chromium yes, Safari and Firefox on some versions only). */
  static get canSelectSpeaker(): boolean {
    return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
  }

  /** The speaker the room plays through: `''` is the system default. */
  get sinkId(): string {
    return (this.element as HTMLAudioElement & { sinkId?: string }).sinkId ?? '';
  }

  /**
   * Plays the room through the speaker `deviceId` (an `audiooutput` id; `'default'` or `''` for
   * the system's). Rejects with `speaker_unavailable` where the browser cannot choose speakers or
   * refuses this one.
   */
  async setSinkId(deviceId: string): Promise<void> {
    const element = this.element as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (typeof element.setSinkId !== 'function') {
      throw new CallsError('speaker_unavailable', 'This browser cannot choose the speaker.');
    }
    const id = deviceId === DEFAULT_DEVICE_ID ? '' : deviceId;
    if (id === this.sinkId) return;
    // Chromium aborts setSinkId on an element playing a stream without tracks (nobody else speaks
    // yet): choose the speaker on the bare element, then give the stream back.
    const idle = this.stream.getAudioTracks().length === 0;
    if (idle) element.srcObject = null;
    try {
      await element.setSinkId(id);
    } catch (cause) {
      throw new CallsError('speaker_unavailable', `Cannot play through speaker "${deviceId}".`, {
        cause,
        detail: cause instanceof Error ? cause.name : undefined,
      });
    } finally {
      if (idle) element.srcObject = this.stream;
    }
  }

  add(track: MediaStreamTrack): void {
    if (this.stream.getTrackById(track.id)) return;
    this.stream.addTrack(track);
    this.#refresh();
  }

  remove(track: MediaStreamTrack): void {
    if (!this.stream.getTrackById(track.id)) return;
    this.stream.removeTrack(track);
    this.#refresh();
  }

  /** Call from a user gesture (a click on the "enable sound" prompt). */
  async resume(): Promise<boolean> {
    try {
      await this.element.play();
      this.#blocked$.next(false);
      return true;
    } catch {
      this.#blocked$.next(true);
      return false;
    }
  }

  dispose(): void {
    for (const track of this.stream.getTracks()) this.stream.removeTrack(track);
    this.element.pause();
    this.element.srcObject = null;
    this.#blocked$.complete();
  }

  #refresh(): void {
    if (this.stream.getAudioTracks().length === 0) return;
    // Reassigning the same stream makes the element pick up tracks added after it started.
    this.element.srcObject = this.stream;
    this.element.play().then(
      () => this.#blocked$.next(false),
      (error: unknown) => {
        // AbortError only means a newer srcObject assignment superseded this play().
        if (error instanceof DOMException && error.name === 'NotAllowedError') this.#blocked$.next(true);
      },
    );
  }
}
