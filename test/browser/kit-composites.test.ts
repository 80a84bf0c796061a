// The kit's composite elements: <calls-control-bar> (default set, replaced by slotted controls,
// arrow keys, outside a room by id), <calls-lobby> (preview only before joining, the name reaches
// the join request, by id), <calls-left-screen>, <calls-status>, <calls-grid> outside the room.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsJoinRequestEvent } from '../../src/events/index.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  deepQuery,
  kitButton,
  mountRoom,
  nextEvent,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** Adds `markup` to the page, outside any room. */
function place(markup: string): HTMLElement {
  const holder = document.createElement('div');
  holder.dataset.kitTest = '';
  holder.innerHTML = markup;
  document.body.prepend(holder);
  return holder;
}

describe('kit composites', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(async () => {
    await removeRooms();
    for (const element of document.querySelectorAll('[data-kit-test]')) element.remove();
  });

  it('<calls-control-bar> holds the default set, in order, as a named toolbar moved through with arrow keys', async () => {
    const room = mountRoom({
      endpoint,
      room: uniqueRoomName('bar'),
      name: 'Ada',
      inner: '<calls-control-bar></calls-control-bar>',
    });
    const bar = room.querySelector('calls-control-bar')!;
    await bar.updateComplete;
    const toolbar = bar.shadowRoot!.querySelector('[part="bar"]')!;
    expect(toolbar.getAttribute('role')).to.equal('toolbar');
    expect(toolbar.getAttribute('aria-label')).to.equal('Call controls');
    const tags = [...bar.shadowRoot!.querySelector('slot')!.children].map((element) => element.localName);
    expect(tags).to.deep.equal([
      'calls-mic-button',
      'calls-camera-button',
      'calls-screen-share-button',
      'calls-settings',
      'calls-leave-button',
    ]);
    const mic = await kitButton(bar, 'calls-mic-button');
    const camera = await kitButton(bar, 'calls-camera-button');
    mic.focus();
    mic.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(camera.matches(':focus')).to.equal(true);
    camera.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }));
    expect(mic.matches(':focus')).to.equal(true);
  });

  it('<calls-control-bar> shows the controls put in it instead of the default set', async () => {
    const room = mountRoom({
      endpoint,
      room: uniqueRoomName('bar-own'),
      name: 'Ada',
      inner: '<calls-control-bar><calls-leave-button></calls-leave-button></calls-control-bar>',
    });
    const bar = room.querySelector('calls-control-bar')!;
    await bar.updateComplete;
    const slot = bar.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements().map((element) => element.localName)).to.deep.equal(['calls-leave-button']);
    // The fallback set is not rendered when the slot is filled.
    const fallback = [...slot.children].filter((element) => element.getClientRects().length > 0);
    expect(fallback).to.deep.equal([]);
  });

  it('<calls-control-bar room="<id>"> outside the room: its default buttons act on that room', async () => {
    const room = mountRoom({ endpoint, room: uniqueRoomName('bar-id'), name: 'Ada' });
    room.id = uniqueRoomName('controller');
    const holder = place(`<calls-control-bar room="${room.id}"></calls-control-bar>`);
    const bar = holder.querySelector('calls-control-bar')!;
    const mic = await kitButton(bar, 'calls-mic-button');
    const before = room.media.micEnabled;
    await waitFor(() => mic.getAttribute('aria-pressed') === String(before), {
      what: 'the mic state from the room',
    });
    mic.click();
    await waitFor(() => room.media.micEnabled === !before, { what: 'the room microphone to toggle' });
  });

  it('<calls-lobby> previews the camera before joining only, and its name field names the join request', async () => {
    const room = mountRoom({
      endpoint,
      room: uniqueRoomName('lobby'),
      name: '',
      inner: '<calls-lobby slot="lobby" ask-name></calls-lobby><calls-grid></calls-grid>',
    });
    const lobby = room.querySelector('calls-lobby')!;
    const video = await waitFor(
      () => deepQuery(lobby, 'calls-publisher')?.shadowRoot?.querySelector('video'),
      {
        what: 'the preview',
      },
    );
    await waitForVideoFrames(video as HTMLVideoElement, 2);
    const input = deepQuery<HTMLInputElement>(lobby, '[part="name-input"]')!;
    input.value = '  Katherine  ';
    input.dispatchEvent(new Event('input'));
    const request = nextEvent<CallsJoinRequestEvent>(document, 'calls-join-request');
    const joined = nextEvent(room, 'calls-joined');
    (await kitButton(lobby, 'calls-join-button')).click();
    expect((await request).detail).to.deep.equal({ displayName: 'Katherine' });
    await joined;
    const self = await waitFor(
      () =>
        new Promise<string | undefined>((resolve) => {
          const subscription = room.model!.self$.subscribe((person) => {
            resolve(person?.name);
            queueMicrotask(() => subscription.unsubscribe());
          });
        }),
      { what: 'your own record' },
    );
    expect(self).to.equal('Katherine');
    await waitFor(() => !deepQuery(lobby, 'calls-publisher'), { what: 'the preview to go once in the call' });
    expect(lobby.getClientRects().length).to.equal(0);
    expect(room.querySelector('calls-grid')!.getClientRects().length).to.be.greaterThan(0);
  });

  it('<calls-lobby> does not join when the join request is cancelled', async () => {
    const room = mountRoom({
      endpoint,
      room: uniqueRoomName('lobby-cancel'),
      name: 'Ada',
      inner: '<calls-lobby></calls-lobby>',
    });
    const lobby = room.querySelector('calls-lobby')!;
    document.addEventListener('calls-join-request', (event) => event.preventDefault(), { once: true });
    (await kitButton(lobby, 'calls-join-button')).click();
    await new Promise<void>((resolve) => queueMicrotask(() => queueMicrotask(resolve)));
    expect(room.model).to.equal(undefined);
  });

  it('<calls-grid room="<id>"> and <calls-status room="<id>"> outside the room show that room', async () => {
    const name = uniqueRoomName('grid-id');
    const ada = mountRoom({ endpoint, room: name, name: 'Ada', inner: '<span>own layout</span>' });
    ada.id = uniqueRoomName('controller');
    const bob = mountRoom({ endpoint, room: name, name: 'Bob' });
    const holder = place(
      `<calls-status room="${ada.id}"></calls-status><calls-grid room="${ada.id}" style="width:380px"></calls-grid>`,
    );
    const status = holder.querySelector('calls-status')!;
    const joining = ada.join();
    await status.updateComplete;
    // Joining takes a WebSocket round trip; the status says so meanwhile.
    expect(status.shadowRoot!.querySelector('[part="status"]')?.textContent).to.equal('Joining…');
    await Promise.all([joining, bob.join()]);
    const grid = holder.querySelector('calls-grid')!;
    const tile = await waitFor(
      () => grid.shadowRoot?.querySelector(`calls-tile[participant-id="${participantIdOf(bob)}"]`),
      { what: "Bob's tile in the grid outside the room" },
    );
    await waitForVideoFrames(await tileVideo(tile as never), 2);
    expect(grid.shadowRoot!.querySelectorAll('calls-tile')).to.have.length(2);
    expect(status.matches(':state(showing)')).to.equal(false);
  });

  it('<calls-left-screen> says why the call ended and offers Rejoin', async () => {
    const room = mountRoom({
      endpoint,
      room: uniqueRoomName('left'),
      name: 'Ada',
      inner: '<calls-left-screen slot="left"></calls-left-screen><calls-leave-button></calls-leave-button>',
    });
    const screen = room.querySelector('calls-left-screen')!;
    expect(screen.getClientRects().length).to.equal(0);
    await room.join();
    room.querySelector('calls-leave-button')!.press();
    await nextEvent(room, 'calls-left');
    await waitFor(() => screen.getClientRects().length > 0, { what: 'the left screen to show' });
    expect(room.querySelector('calls-leave-button')!.getClientRects().length).to.equal(0);
    const rejoin = await kitButton(screen, 'calls-join-button');
    expect(rejoin.textContent?.trim()).to.equal('Rejoin');
    rejoin.click();
    await nextEvent(room, 'calls-joined');
    await waitFor(() => screen.getClientRects().length === 0, {
      what: 'the left screen to give way to the call',
    });
  });
});
