import { BehaviorSubject, distinctUntilChanged, type Observable } from 'rxjs';

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
