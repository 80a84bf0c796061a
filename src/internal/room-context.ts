import { createContext } from '@lit/context';
import type { Observable } from 'rxjs';
import type { LocalMedia } from '../core/local-media.js';
import type { Room } from '../core/room.js';

/**
 * What a `<calls-room>` shares with the elements inside it. The object is stable for the room
 * element's life (it is never re-provided); what changes lives in its observables.
 */
export interface CallsRoomContext {
  /** The joined (or joining) room; undefined while not in one. */
  readonly room$: Observable<Room | undefined>;
  /** The camera and microphone the room publishes, also usable for a preview before joining. */
  readonly media: LocalMedia;
  /**
   * Hands a request event to the room's request map. A control outside the room (`room="<id>"`)
   * calls it after dispatching the event from itself, since that event never passes through the
   * room element; the room acts once, after every listener had its turn, unless one cancelled it.
   */
  readonly handleRequest: (event: Event) => void;
}

export const callsRoomContext = createContext<CallsRoomContext>(Symbol('calls-room'));
