// Browser-side helpers for tests of the elements: mount a <calls-room> on the test backend, find
// the tile that shows someone, and wait for what a person would notice.

import { filter, firstValueFrom } from 'rxjs';
import type { CallsRoomElement } from '../../../src/elements/calls-room/calls-room.js';
import type { CallsTileElement } from '../../../src/elements/calls-tile/calls-tile.js';
import { waitFor } from './media.js';
import { sfuSession } from './sfu-client.js';
import type { TestSfu } from './test-env.js';

let roomCounter = 0;

/** A room name no other test uses, so participants of earlier tests never show up. */
export function uniqueRoomName(prefix = 'room'): string {
  roomCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${roomCounter}`;
}

export interface MountOptions {
  endpoint: string;
  room: string;
  name: string;
  /** Markup placed inside the room (a custom layout); none gives the default view. */
  inner?: string;
  autojoin?: boolean;
}

/** Adds a <calls-room> to the page; `cleanup()` removes every mounted room (which leaves). */
export function mountRoom({ endpoint, room, name, inner, autojoin }: MountOptions): CallsRoomElement {
  const element = document.createElement('calls-room');
  element.endpoint = endpoint;
  element.room = room;
  element.displayName = name;
  element.autojoin = autojoin ?? false;
  element.dataset.test = '';
  // Side by side and short, so both rooms' tiles are on screen (tiles pull video only when visible).
  element.style.cssText = 'display:inline-block;vertical-align:top;width:380px;--calls-room-min-height:0';
  if (inner) element.innerHTML = inner;
  document.body.append(element);
  return element;
}

export async function removeRooms(): Promise<void> {
  const rooms = [...document.querySelectorAll<CallsRoomElement>('calls-room[data-test]')];
  await Promise.all(rooms.map((room) => room.leave()));
  for (const room of rooms) room.remove();
}

/** `root`'s shadow tree (or `root` itself), then every shadow tree inside it, outermost first. */
function* treesOf(root: Element): Generator<Element | ShadowRoot> {
  const roots: (Element | ShadowRoot)[] = [root.shadowRoot ?? root];
  while (roots.length > 0) {
    const current = roots.shift() as Element | ShadowRoot;
    yield current;
    for (const element of current.querySelectorAll('*'))
      if (element.shadowRoot) roots.push(element.shadowRoot);
  }
}

/**
 * The first element matching `selector` in `root`'s shadow tree or in any shadow tree inside it
 * (the default meeting is kit elements inside kit elements).
 */
export function deepQuery<T extends Element = HTMLElement>(root: Element, selector: string): T | null {
  for (const tree of treesOf(root)) {
    const found = tree.querySelector<T & Element>(selector);
    if (found) return found;
  }
  return null;
}

/** Every element matching `selector` in `root`'s shadow tree and the shadow trees inside it. */
export function deepQueryAll<T extends Element = HTMLElement>(root: Element, selector: string): T[] {
  return [...treesOf(root)].flatMap((tree) => [...tree.querySelectorAll<T & Element>(selector)]);
}

/** The native button of the kit control `tag` in `room`'s default meeting, once it is there. */
export function kitButton(room: Element, tag: string): Promise<HTMLButtonElement> {
  return waitFor(
    () => deepQuery(room, tag)?.shadowRoot?.querySelector<HTMLButtonElement>('[part="button"]'),
    {
      what: `the ${tag}`,
    },
  );
}

/** The default-meeting tile that shows `participantId` inside `room`. */
export function defaultTile(room: CallsRoomElement, participantId: string): Promise<CallsTileElement> {
  return waitFor(() => deepQuery<CallsTileElement>(room, `calls-tile[participant-id="${participantId}"]`), {
    what: `a tile for ${participantId}`,
  });
}

/** The video element of a tile once it shows a track. */
export function tileVideo(tile: CallsTileElement, timeout = 15_000): Promise<HTMLVideoElement> {
  return waitFor(
    () => {
      const video = tile.videoElement;
      return video?.srcObject && !video.hidden ? video : undefined;
    },
    { what: 'the tile to show video', timeout },
  );
}

export function participantIdOf(room: CallsRoomElement): string {
  const id = room.model?.participantId;
  if (!id) throw new Error('the room has not joined');
  return id;
}

/** Resolves with the next event of `type` on `target`. */
export function nextEvent<T extends Event>(target: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) =>
    target.addEventListener(type, (event) => resolve(event as T), { once: true }),
  );
}

/**
 * The room's Calls session id, once the SFU has given it one: `join()` resolves, and the peer
 * connection exists, before the SFU answers `sessions/new`.
 */
export async function callsSessionOf(room: CallsRoomElement): Promise<string> {
  const self = await firstValueFrom(
    room.model!.self$.pipe(filter((participant) => typeof participant?.sessionId === 'string')),
  );
  return self!.sessionId!;
}

/** Session ids of the cameras the SFU forwards to `viewer` now (its own session state), sorted. */
export async function pulledVideoSessions(sfu: TestSfu, viewer: CallsRoomElement): Promise<string[]> {
  const state = await sfuSession(sfu, await callsSessionOf(viewer));
  return state.tracks
    .filter(
      (track: any) => track.location === 'remote' && track.kind === 'video' && track.status === 'active',
    )
    .map((track: any) => track.sessionId as string)
    .sort();
}
