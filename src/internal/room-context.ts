import { createContext } from '@lit/context';
import type { Observable } from 'rxjs';
import type { CallsError } from '../core/errors.js';
import type { LocalMedia } from '../core/local-media.js';
import type { Room } from '../core/room.js';
import type { CallsLayout } from '../events/layout-change.js';

/**
 * Where the person is: `lobby` before joining (and while joining), `call` while in the room, `left`
 * after leaving or being disconnected, until they join again.
 */
export type RoomStage = 'lobby' | 'call' | 'left';

/**
 * What a `<calls-room>` shares with the elements inside it. The object is stable for the room
 * element's life (it is never re-provided); what changes lives in its observables.
 */
export interface CallsRoomContext {
  /** The joined (or joining) room; undefined while not in one. */
  readonly room$: Observable<Room | undefined>;
  /** The camera and microphone the room publishes, also usable for a preview before joining. */
  readonly media: LocalMedia;
  /** The stage the room is at (the lobby, the call, the screen after leaving). */
  readonly stage$: Observable<RoomStage>;
  /** Why the room was last left (`left`, or the error code that ended it); undefined before. */
  readonly leftReason$: Observable<'left' | CallsError['code'] | undefined>;
  /** Whether the room's keyboard shortcuts are on (so hints may mention them). */
  readonly shortcuts$: Observable<boolean>;
  /** Who this viewer pinned (`calls-pin-request`); null for nobody. Never sent to the room. */
  readonly pinned$: Observable<string | null>;
  /** The layout the room's `layout` attribute asks for. */
  readonly layout$: Observable<CallsLayout>;
  /** The latest error to show the person; cleared when a new join starts. */
  readonly error$: Observable<CallsError | undefined>;
  /**
   * Hands a request event to the room's request map. A control outside the room (`room="<id>"`)
   * calls it after dispatching the event from itself, since that event never passes through the
   * room element; the room acts once, after every listener had its turn, unless one cancelled it.
   */
  readonly handleRequest: (event: Event) => void;
}

export const callsRoomContext = createContext<CallsRoomContext>(Symbol('calls-room'));
