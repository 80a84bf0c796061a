import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BehaviorSubject, distinctUntilChanged, type Observable } from 'rxjs';

/**
 * Whether the host is on screen (IntersectionObserver, which also sees clipping by scrolling
 * ancestors and `display: none`) and how wide it is in device pixels (ResizeObserver). Tiles use
 * it to pull video only while someone can see it, at the size it is shown.
 */
export class VisibilityController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #visible$ = new BehaviorSubject(false);
  readonly #width$ = new BehaviorSubject(0);
  #intersection: IntersectionObserver | undefined;
  #resize: ResizeObserver | undefined;

  readonly visible$: Observable<boolean> = this.#visible$.pipe(distinctUntilChanged());
  /** Rendered width in device pixels. */
  readonly width$: Observable<number> = this.#width$.pipe(distinctUntilChanged());

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  get visible(): boolean {
    return this.#visible$.value;
  }

  hostConnected(): void {
    this.#intersection = new IntersectionObserver((entries) => {
      const entry = entries.at(-1);
      if (entry) this.#visible$.next(entry.isIntersecting);
    });
    this.#intersection.observe(this.#host);
    this.#resize = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      if (!entry) return;
      const box = entry.devicePixelContentBoxSize?.[0];
      this.#width$.next(Math.round(box ? box.inlineSize : entry.contentRect.width * devicePixelRatio));
    });
    this.#resize.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#intersection?.disconnect();
    this.#resize?.disconnect();
    this.#visible$.next(false);
  }
}
