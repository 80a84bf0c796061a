import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BehaviorSubject, distinctUntilChanged, map, type Observable, of, switchMap } from 'rxjs';
import type { LocalMedia } from '../core/local-media.js';
import type { Room } from '../core/room.js';
import { type CallsRoomContext, callsRoomContext } from './room-context.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Kit elements that upgrade before the `<calls-room>` around them (parsed HTML with a deferred
 * bundle defines the room's own kit first) ask for the room before it can answer. A context root
 * on the document holds those requests and replays them when the room's provider appears. Attached
 * once, when this module loads (before any element is defined); never in Node, where there is no page.
 */
const ROOT_ATTACHED = Symbol.for('calls-elements.context-root');
const page = globalThis.document as (Document & { [ROOT_ATTACHED]?: true }) | undefined;
if (page?.documentElement && typeof page.addEventListener === 'function' && !page[ROOT_ATTACHED]) {
  page[ROOT_ATTACHED] = true;
  new ContextRoot().attach(page.documentElement);
}

/**
 * Finds the `<calls-room>` an element belongs to: the one named by its `room` attribute (an id),
 * else the closest one around it, through context.
 */
export class RoomConsumer implements ReactiveController {
  readonly #host: Host;
  readonly #context$ = new BehaviorSubject<CallsRoomContext | undefined>(undefined);
  /** What the closest `<calls-room>` provides by context (used when no `room` id is set). */
  #provided: CallsRoomContext | undefined;
  readonly context$: Observable<CallsRoomContext | undefined> = this.#context$.pipe(distinctUntilChanged());
  readonly room$: Observable<Room | undefined> = this.context$.pipe(
    switchMap((context) => (context ? context.room$ : of(undefined))),
  );
  readonly media$: Observable<LocalMedia | undefined> = this.context$.pipe(map((context) => context?.media));

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: callsRoomContext,
      subscribe: true,
      callback: (value) => {
        this.#provided = value;
        this.refresh();
      },
    });
  }

  get context(): CallsRoomContext | undefined {
    return this.#context$.value;
  }

  hostConnected(): void {
    this.refresh();
  }

  /** Call when the host's `room` attribute changes. */
  refresh(): void {
    const id = this.#host.getAttribute('room');
    if (!id) {
      this.#context$.next(this.#provided);
      return;
    }
    const named = this.#byId(id);
    this.#context$.next(named);
    // The named room may come later in the page, or be defined later (a deferred script).
    if (!named && this.#host.isConnected && globalThis.customElements) {
      void customElements.whenDefined('calls-room').then(() => {
        if (this.#host.getAttribute('room') === id && !this.#context$.value) {
          queueMicrotask(() => this.#context$.next(this.#byId(id)));
        }
      });
    }
  }

  #byId(id: string): CallsRoomContext | undefined {
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    // No document in server-side rendering: the room is found once the client hydrates.
    const element = (root.getElementById?.(id) ?? globalThis.document?.getElementById(id)) as
      | (HTMLElement & { roomContext?: CallsRoomContext })
      | null;
    return element?.roomContext;
  }
}
