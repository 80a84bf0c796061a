import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/** What the controller asks of its host beyond Lit's controller API (LitElement has both). */
type Host = ReactiveControllerHost & {
  readonly shadowRoot?: ShadowRoot | null;
  readonly hasUpdated?: boolean;
};

/**
 * Ties an observable to an element's life: subscribed while the element is connected, unsubscribed
 * when it leaves the document. Elements never call `.subscribe()` themselves, so nothing they
 * observe (a pull, a device) outlives them.
 *
 * A server-rendered element (@lit-labs/ssr) hydrates on its first client update, and Lit requires
 * that update to render exactly what the server did. The server never connects an element, so it
 * rendered the state before any stream; here the values a stream emits before that first update
 * (most emit at once on subscribing: the microphone is on, …) wait until it is done, and the next
 * update shows them.
 */
export class SubscribeController<T> implements ReactiveController {
  readonly #host: Host;
  readonly #source: () => Observable<T>;
  readonly #next: (value: T) => void;
  #subscription: Subscription | undefined;
  /** A declarative shadow root before the first update: the server rendered this element. */
  #hydrating: boolean;
  /** The latest value held back while hydrating (boxed: a stream may emit `undefined`). */
  #held: { value: T } | undefined;

  constructor(host: Host, source: () => Observable<T>, next: (value: T) => void) {
    this.#host = host;
    this.#source = source;
    this.#next = next;
    this.#hydrating = host.hasUpdated === false && (host.shadowRoot ?? null) !== null;
    host.addController(this);
  }

  hostConnected(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = this.#source().subscribe({
      next: (value) => (this.#hydrating ? this.#holdUntilHydrated(value) : this.#next(value)),
      // An element must not die from a stream's failure; the room reports errors on its own stream.
      error: (error: unknown) => console.error('[calls-elements]', error),
    });
  }

  hostDisconnected(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
  }

  #holdUntilHydrated(value: T): void {
    const waiting = this.#held !== undefined;
    this.#held = { value };
    if (waiting) return;
    const release = () => {
      this.#hydrating = false;
      const held = this.#held;
      this.#held = undefined;
      // Dropped if the element left meanwhile: its next connection subscribes afresh.
      if (held && this.#subscription) this.#next(held.value);
    };
    // A failed hydration (the element re-renders from scratch) releases the values too.
    this.#host.updateComplete.then(release, release);
  }
}

/** `subscribe(this, () => room.participants$, (people) => { this.people = people; })` */
export function subscribe<T>(
  host: Host,
  source: () => Observable<T>,
  next: (value: T) => void,
): SubscribeController<T> {
  return new SubscribeController(host, source, next);
}
