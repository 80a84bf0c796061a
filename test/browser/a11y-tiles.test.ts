// The default meeting's tiles are a list whose items are named after their person and what they
// send ("Bob, Microphone off, Camera off"), and the room's polite live region says when someone
// else's camera goes off or their connection drops; a raised hand goes to the notifications region.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { waitFor } from './helpers/media.js';
import {
  deepQuery,
  defaultTile,
  kitButton,
  mountRoom,
  participantIdOf,
  removeRooms,
  uniqueRoomName,
} from './helpers/room.js';
import { refuseNewSockets, socketsOpenedDuring } from './helpers/sockets.js';
import { callsTestEnv } from './helpers/test-env.js';

const announcerOf = (room: CallsRoomElement) =>
  room.shadowRoot!.querySelector<HTMLElement>('[part="announcer"]')!;

/** Waits until `tile`'s accessible name is `name`. */
function nameBecomes(tile: CallsTileElement, name: string): Promise<unknown> {
  return waitFor(() => tile.getAttribute('aria-label') === name, {
    what: `the tile to be named "${name}"`,
  });
}

describe('tiles as a list, and what the room announces', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(removeRooms);

  it('names each list item after its person, mic and camera; announces camera off, a raised hand and a lost connection', async () => {
    const name = uniqueRoomName('a11y-tiles');
    const ada = mountRoom({ endpoint, room: name, name: 'Ada' });
    const bob = mountRoom({ endpoint, room: name, name: 'Bob' });
    await ada.join();
    const [bobSocket] = await socketsOpenedDuring(() => bob.join());
    const bobTile = await defaultTile(ada, participantIdOf(bob));
    const ownTile = await defaultTile(ada, participantIdOf(ada));

    const list = deepQuery(ada, '[part="tiles"]')!;
    expect(list.getAttribute('role')).to.equal('list');
    expect(list.getAttribute('aria-label')).to.equal('Participants');
    const items = [...list.children];
    expect(items.map((item) => item.getAttribute('role'))).to.deep.equal(['listitem', 'listitem']);
    expect(items).to.include.members([ownTile, bobTile]);
    await nameBecomes(ownTile, 'Ada (you), Microphone on, Camera on');
    await nameBecomes(bobTile, 'Bob, Microphone on, Camera on');

    (await kitButton(bob, 'calls-mic-button')).click();
    await nameBecomes(bobTile, 'Bob, Microphone off, Camera on');
    (await kitButton(bob, 'calls-camera-button')).click();
    await nameBecomes(bobTile, 'Bob, Microphone off, Camera off');
    await waitFor(() => announcerOf(ada).textContent === 'Bob turned off their camera', {
      what: "Ada's room to announce Bob's camera going off",
    });
    expect(announcerOf(bob).textContent, 'your own camera is not announced to you').to.not.include('camera');

    (await kitButton(bob, 'calls-hand-button')).click();
    await nameBecomes(bobTile, 'Bob, Microphone off, Camera off, Hand raised (1)');
    const notifications = await waitFor(
      () => deepQuery(ada, 'calls-toasts')?.shadowRoot?.querySelector('[part="stack"]'),
      {
        what: "Ada's notifications",
      },
    );
    expect(notifications.getAttribute('aria-live')).to.equal('polite');
    await waitFor(() => notifications.textContent?.includes('Bob raised their hand'), {
      what: 'the raised hand in the notifications region',
    });

    const allowSockets = refuseNewSockets();
    try {
      bobSocket!.close(3000, 'network went away');
      await waitFor(() => announcerOf(ada).textContent === 'Bob is reconnecting', {
        what: "Ada's room to announce that Bob's connection dropped",
        timeout: 30_000,
      });
      await nameBecomes(bobTile, 'Bob, Microphone off, Camera off, Hand raised (1), Reconnecting');
    } finally {
      allowSockets();
    }
    await waitFor(() => bob.model?.connectionState === 'connected', {
      what: 'Bob to reconnect',
      timeout: 30_000,
    });
    await nameBecomes(bobTile, 'Bob, Microphone off, Camera off, Hand raised (1)');
  });

  it('a tile on its own is a named group in its language, and keeps a name the page gives it', async () => {
    const ada = mountRoom({
      endpoint,
      room: uniqueRoomName('a11y-tile'),
      name: 'Ada',
      inner: '<calls-tile></calls-tile>',
    });
    await ada.join();
    const tile = ada.querySelector('calls-tile')!;
    tile.participantId = participantIdOf(ada);
    expect(tile.getAttribute('role')).to.equal('group');
    await nameBecomes(tile, 'Ada (you), Microphone on, Camera on');
    // Arabic joins the list its own way (its comma, and و).
    tile.lang = 'ar';
    await nameBecomes(tile, 'Ada (أنت)، والميكروفون مفعّل، والكاميرا مفعّلة');
    tile.setAttribute('aria-label', 'Presenter');
    tile.lang = 'de';
    await waitFor(() => tile.shadowRoot?.textContent?.includes('(du)'), { what: 'the tile in German' });
    expect(tile.getAttribute('aria-label')).to.equal('Presenter');
  });
});
