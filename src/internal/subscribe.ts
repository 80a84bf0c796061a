import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/**
 * Ties an observable to an element's life: subscribed while the element is connected, unsubscribed
 * when it leaves the document. Elements never call `.subscribe()` themselves, so nothing they
 * observe (a pull, a device) outlives them.
 */
export class SubscribeController<T> implements ReactiveController {
  readonly #source: () => Observable<T>;
  readonly #next: (value: T) => void;
  #subscription: Subscription | undefined;

  constructor(host: ReactiveControllerHost, source: () => Observable<T>, next: (value: T) => void) {
    this.#source = source;
    this.#next = next;
    host.addController(this);
  }

  hostConnected(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = this.#source().subscribe({
      next: this.#next,
      // An element must not die from a stream's failure; the room reports errors on its own stream.
      error: (error: unknown) => console.error('[calls-elements]', error),
    });
  }

  hostDisconnected(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
  }
}

/** `subscribe(this, () => room.participants$, (people) => { this.people = people; })` */
export function subscribe<T>(
  host: ReactiveControllerHost,
  source: () => Observable<T>,
  next: (value: T) => void,
): SubscribeController<T> {
  return new SubscribeController(host, source, next);
}
