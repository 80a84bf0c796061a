import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { type Observable, of, switchMap } from 'rxjs';
import type { LocalMedia } from '../core/local-media.js';
import type { Room } from '../core/room.js';
import { type Translation, translationFor } from './i18n.js';
import { RoomConsumer } from './room-consumer.js';
import type { CallsRoomContext } from './room-context.js';

/**
 * What every kit element shares (media-chrome's rule: a control reads state down and sends
 * requests up). It finds its `<calls-room>` by context, or by `room="<id>"` when it lives outside
 * one; it reads state from the room's observables (tie them to its life with `subscribe()`), and
 * it never calls the core: it dispatches a request event and lets the room decide.
 *
 * Not an element itself: `<calls-mic-button>`, `<calls-device-select>`, … extend it (directly, or
 * through `CallsButtonElement` for buttons).
 */
export abstract class CallsControlElement extends LitElement {
  /** Id of the `<calls-room>` to control, when the element is not inside one. */
  @property({ reflect: true }) room?: string;

  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** The `<calls-room>` this element belongs to (context, or the one named by `room`). */
  protected readonly roomConsumer = new RoomConsumer(this);

  /** The joined (or joining) room, or undefined while not in one. */
  protected readonly room$: Observable<Room | undefined> = this.roomConsumer.room$;

  /** The camera and microphone of the room this element belongs to (before joining too). */
  protected readonly media$: Observable<LocalMedia | undefined> = this.roomConsumer.media$;

  /** `fromContext((context) => context.stage$, 'lobby')`: a stream the room element itself provides. */
  protected fromContext<T>(pick: (context: CallsRoomContext) => Observable<T>, fallback: T): Observable<T> {
    return this.roomConsumer.context$.pipe(switchMap((context) => (context ? pick(context) : of(fallback))));
  }

  /** `fromRoom((room) => room.participants$, [])`: a room stream, or `fallback` while not in a room. */
  protected fromRoom<T>(pick: (room: Room) => Observable<T>, fallback: T): Observable<T> {
    return this.room$.pipe(switchMap((room) => (room ? pick(room) : of(fallback))));
  }

  /** `fromMedia((media) => media.micEnabled$, false)`: a device stream, or `fallback` without a room. */
  protected fromMedia<T>(pick: (media: LocalMedia) => Observable<T>, fallback: T): Observable<T> {
    return this.media$.pipe(switchMap((media) => (media ? pick(media) : of(fallback))));
  }

  /** The text of this element's language (the closest `lang`, then the document's, then English). */
  protected get t(): Translation {
    return translationFor(this);
  }

  /**
   * Sends a request event up from this element (request events bubble, are composed and
   * cancelable) to its room. Returns false when a listener cancelled it; the room acts only after
   * every listener has had its turn, and not at all when one cancelled it.
   */
  protected request(event: Event): boolean {
    const allowed = this.dispatchEvent(event);
    // Inside the room the event reached it by bubbling; from outside (`room="<id>"`) hand it over.
    this.roomConsumer.context?.handleRequest(event);
    return allowed;
  }

  /** Sets or clears a custom state, for `:host(:state(name))` and `calls-x:state(name)` styles. */
  protected toggleState(name: string, on: boolean): void {
    const states = this.#internals?.states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Older engines only accept `--name` custom states; styling by state is optional there.
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('room')) this.roomConsumer.refresh();
  }
}
