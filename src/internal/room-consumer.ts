import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BehaviorSubject, type Observable, of, switchMap } from 'rxjs';
import type { Room } from '../core/room.js';
import { type CallsRoomContext, callsRoomContext } from './room-context.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Finds the `<calls-room>` an element belongs to: the one named by its `room` attribute (an id),
 * else the closest one around it, through context.
 */
export class RoomConsumer implements ReactiveController {
  readonly #host: Host;
  readonly #context$ = new BehaviorSubject<CallsRoomContext | undefined>(undefined);
  readonly context$: Observable<CallsRoomContext | undefined> = this.#context$.asObservable();
  readonly room$: Observable<Room | undefined> = this.#context$.pipe(
    switchMap((context) => (context ? context.room$ : of(undefined))),
  );

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: callsRoomContext,
      subscribe: true,
      callback: (value) => {
        if (!this.#byId()) this.#context$.next(value);
      },
    });
  }

  get context(): CallsRoomContext | undefined {
    return this.#context$.value;
  }

  hostConnected(): void {
    const named = this.#byId();
    if (named) this.#context$.next(named);
  }

  /** Call when the host's `room` attribute changes. */
  refresh(): void {
    const named = this.#byId();
    if (named) this.#context$.next(named);
  }

  #byId(): CallsRoomContext | undefined {
    const id = this.#host.getAttribute('room');
    if (!id) return undefined;
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    const element = (root.getElementById?.(id) ?? document.getElementById(id)) as
      | (HTMLElement & { roomContext?: CallsRoomContext })
      | null;
    return element?.roomContext;
  }
}
