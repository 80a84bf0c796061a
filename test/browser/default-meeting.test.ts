// The default meeting of a <calls-room> (no children) and <calls-meeting>: made only of public kit
// elements, one tile per person (never reused for someone else), lobby → call → left → rejoin with
// the camera and microphone released after leaving, keyboard shortcuts, the muted hint.
import { expect } from '@open-wc/testing';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import * as kit from '../../src/index.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  deepQuery,
  defaultTile,
  kitButton,
  mountRoom,
  nextEvent,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** The classes src/index.ts exports: the public kit. */
const publicClasses = new Set<unknown>(Object.values(kit).filter((value) => typeof value === 'function'));

/** Every custom element (a tag with a dash) in `root`'s shadow tree, through nested shadow roots. */
function customElementsIn(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: ShadowRoot | Element) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.localName.includes('-')) found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  return found;
}

/**
 * The room's own shadow root holds the stage slots, its live region and the default meeting; the
 * meeting's top level is kit elements only, and every custom element anywhere inside is public kit
 * (defined, exported from the package), or one the kit names by tag for another branch to define.
 */
function expectOnlyPublicKit(room: CallsRoomElement): string[] {
  const top = [...room.shadowRoot!.children].filter(
    (element) =>
      element.localName !== 'slot' &&
      element.localName !== 'style' &&
      element.getAttribute('part') !== 'announcer',
  );
  expect(top.length).to.be.greaterThan(0);
  for (const element of top) {
    expect(element.localName, 'top-level element of the default meeting').to.match(/^calls-/);
    expect(
      publicClasses.has(customElements.get(element.localName)),
      `${element.localName} is public`,
    ).to.equal(true);
  }
  const tags = new Set<string>();
  for (const element of customElementsIn(room)) {
    const defined = customElements.get(element.localName);
    expect(element.localName).to.match(/^calls-/);
    if (defined) expect(publicClasses.has(defined), `${element.localName} is exported`).to.equal(true);
    tags.add(element.localName);
  }
  return [...tags].sort();
}

/** Keeps every track getUserMedia hands out in this page, to check later that all of them stopped. */
function trackCaptures(): { tracks: MediaStreamTrack[]; restore: () => void } {
  const tracks: MediaStreamTrack[] = [];
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia;
  devices.getUserMedia = async function (this: MediaDevices, constraints?: MediaStreamConstraints) {
    const stream = await original.call(this, constraints);
    tracks.push(...stream.getTracks());
    return stream;
  };
  const restore = () => {
    devices.getUserMedia = original;
  };
  return { tracks, restore };
}

describe('the default meeting', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(async () => {
    await removeRooms();
    for (const element of document.querySelectorAll('calls-meeting')) element.remove();
  });

  it('says "Joining…" instead of a lobby nobody saw when join() comes before the first render, then shows the call', async () => {
    const room = mountRoom({ endpoint, room: uniqueRoomName('quiet-join'), name: 'Ada' });
    const lobbies: Node[] = [];
    const watch = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node.nodeName === 'CALLS-LOBBY') lobbies.push(node);
    });
    watch.observe(room.shadowRoot!, { childList: true, subtree: true });
    const joined = room.join();
    await room.updateComplete;
    const joining = room.shadowRoot!.querySelector<HTMLElement>('[part="joining"]');
    expect(joining?.localName).to.equal('calls-status');
    expect(room.shadowRoot!.querySelector('calls-lobby')).to.equal(null);
    await waitFor(
      () => joining!.shadowRoot?.querySelector('[part="status"]')?.textContent?.includes('Joining…'),
      {
        what: '"Joining…" while the room joins',
      },
    );
    await joined;
    await waitFor(() => room.shadowRoot!.querySelector('[part="grid"]'), { what: 'the call' });
    expect(room.shadowRoot!.querySelector('[part="joining"]')).to.equal(null);
    watch.disconnect();
    expect(lobbies).to.deep.equal([]);
  });

  it('shows the lobby with the error when such a join fails, so the person can try again', async () => {
    // Nothing listens on the discard port: the socket is refused at once.
    const room = mountRoom({
      endpoint: 'http://127.0.0.1:9/calls',
      room: uniqueRoomName('quiet-fail'),
      name: 'Ada',
    });
    const failed = nextEvent<CustomEvent>(room, 'calls-error');
    await room.join().catch(() => undefined);
    expect((await failed).detail.code).to.equal('backend_unreachable');
    const lobby = await waitFor(() => room.shadowRoot!.querySelector('calls-lobby'), { what: 'the lobby' });
    expect(room.shadowRoot!.querySelector('[part="joining"]')).to.equal(null);
    await waitFor(() => deepQuery(lobby, 'calls-status')?.shadowRoot?.querySelector('[part="error"]'), {
      what: "the lobby's error line",
    });
  });

  it('is made only of public kit elements, in the lobby, in the call and after leaving', async () => {
    const room = mountRoom({ endpoint, room: uniqueRoomName('walk'), name: 'Ada' });
    await waitFor(() => room.shadowRoot?.querySelector('calls-lobby'), { what: 'the lobby' });
    const lobbyTags = expectOnlyPublicKit(room);
    expect(lobbyTags).to.include.members([
      'calls-lobby',
      'calls-publisher',
      'calls-join-button',
      'calls-mic-button',
    ]);

    (await kitButton(room, 'calls-join-button')).click();
    await nextEvent(room, 'calls-joined');
    await waitFor(() => deepQuery(room, 'calls-tile'), { what: 'your own tile' });
    const callTags = expectOnlyPublicKit(room);
    expect(callTags).to.include.members([
      'calls-grid',
      'calls-tile',
      'calls-control-bar',
      'calls-leave-button',
    ]);
    expect(callTags).not.to.include('calls-lobby');

    (await kitButton(room, 'calls-leave-button')).click();
    await nextEvent(room, 'calls-left');
    await waitFor(() => room.shadowRoot?.querySelector('calls-left-screen'), { what: 'the left screen' });
    expect(expectOnlyPublicKit(room)).to.include('calls-left-screen');
  });

  it('keeps one tile per person: a tile is never reused for someone else', async () => {
    const name = uniqueRoomName('tiles');
    const ada = mountRoom({ endpoint, room: name, name: 'Ada' });
    const bob = mountRoom({ endpoint, room: name, name: 'Bob' });
    await Promise.all([ada.join(), bob.join()]);
    const bobId = participantIdOf(bob);
    const bobTile = await defaultTile(ada, bobId);
    await waitForVideoFrames(await tileVideo(bobTile), 2);

    const carol = mountRoom({ endpoint, room: name, name: 'Carol' });
    await carol.join();
    const carolTile = await defaultTile(ada, participantIdOf(carol));
    await bob.leave();
    await waitFor(() => !bobTile.isConnected, { what: "Bob's tile to go" });
    const tiles = [
      ...ada
        .shadowRoot!.querySelector('calls-grid')!
        .shadowRoot!.querySelectorAll<CallsTileElement>('calls-tile'),
    ];
    expect(tiles).to.have.length(2);
    expect(tiles).to.include(carolTile);
    expect(tiles).not.to.include(bobTile);
    expect(carolTile.participantId).to.equal(participantIdOf(carol));
    await waitForVideoFrames(await tileVideo(carolTile), 2);
  });

  it('goes lobby → call → "You left" → rejoin, and releases the camera and microphone after leaving', async () => {
    const captures = trackCaptures();
    try {
      const room = mountRoom({ endpoint, room: uniqueRoomName('journey'), name: 'Ada' });
      const preview = await waitFor(
        () => deepQuery(room, 'calls-publisher')?.shadowRoot?.querySelector('video'),
        {
          what: 'the lobby preview',
        },
      );
      await waitForVideoFrames(preview as HTMLVideoElement, 2);
      (await kitButton(room, 'calls-join-button')).click();
      await nextEvent(room, 'calls-joined');
      await waitFor(() => room.shadowRoot?.querySelector('calls-grid'), { what: 'the call' });

      (await kitButton(room, 'calls-leave-button')).click();
      await nextEvent(room, 'calls-left');
      const screen = await waitFor(() => room.shadowRoot?.querySelector('calls-left-screen'), {
        what: 'the left screen',
      });
      await screen.updateComplete;
      expect(screen.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('You left the call');
      expect(captures.tracks.length).to.be.greaterThan(0);
      await waitFor(() => captures.tracks.every((track) => track.readyState === 'ended'), {
        what: 'every camera and microphone track to stop',
      });

      const rejoin = await kitButton(screen, 'calls-join-button');
      expect(rejoin.textContent?.trim()).to.equal('Rejoin');
      rejoin.click();
      await nextEvent(room, 'calls-joined');
      expect(room.model?.connectionState).to.equal('connected');
    } finally {
      captures.restore();
    }
  });

  it('toggles the microphone and camera with Ctrl+D / Ctrl+E, but not while typing in a field', async () => {
    const room = mountRoom({ endpoint, room: uniqueRoomName('keys'), name: 'Ada' });
    await room.join();
    const press = (key: string, target: EventTarget = document.body) =>
      target.dispatchEvent(
        new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true, composed: true, cancelable: true }),
      );
    const mic = room.media.micEnabled;
    const camera = room.media.cameraEnabled;
    expect(press('d')).to.equal(false, 'the browser shortcut is prevented');
    await waitFor(() => room.media.micEnabled === !mic, { what: 'Ctrl+D to toggle the microphone' });
    press('e');
    await waitFor(() => room.media.cameraEnabled === !camera, { what: 'Ctrl+E to toggle the camera' });

    const input = document.createElement('input');
    document.body.append(input);
    try {
      input.focus();
      expect(press('d', input)).to.equal(true, 'a key typed into a field stays with the field');
      const editable = document.createElement('div');
      editable.contentEditable = 'true';
      document.body.append(editable);
      expect(press('e', editable)).to.equal(true);
      editable.remove();
      expect(room.media.micEnabled).to.equal(!mic);
      expect(room.media.cameraEnabled).to.equal(!camera);
    } finally {
      input.remove();
    }
  });

  it('says "You are speaking while muted" when the muted microphone hears sound, and stops when unmuted', async () => {
    const room = mountRoom({ endpoint, room: uniqueRoomName('muted-hint'), name: 'Ada' });
    await room.join();
    const hint = await waitFor(() => room.shadowRoot?.querySelector('calls-muted-hint'), {
      what: 'the hint element',
    });
    const text = () => hint.shadowRoot?.querySelector('[part="hint"]')?.textContent?.trim() ?? '';
    (await kitButton(room, 'calls-mic-button')).click();
    // Chromium's fake microphone beeps twice a second: to the hint that is someone talking.
    await waitFor(() => text().startsWith('You are speaking while muted'), {
      what: 'the muted hint',
      timeout: 20_000,
    });
    expect(hint.matches(':state(showing)')).to.equal(true);
    // The default meeting has the keyboard shortcuts on, so the hint names the one that unmutes.
    expect(text()).to.contain('Ctrl+D');
    (await kitButton(room, 'calls-mic-button')).click();
    await waitFor(() => text() === '', { what: 'the hint to go once unmuted' });
    expect(hint.matches(':state(showing)')).to.equal(false);
  });
});

describe('<calls-meeting>', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(async () => {
    await removeRooms();
    for (const element of document.querySelectorAll('calls-meeting')) element.remove();
  });

  it('joins from its lobby with the typed name, shows the call, and the left screen after leaving', async () => {
    const name = uniqueRoomName('meeting');
    const bob = mountRoom({ endpoint, room: name, name: 'Bob' });
    await bob.join();
    const meeting = document.createElement('calls-meeting');
    meeting.endpoint = endpoint;
    meeting.room = name;
    meeting.askName = true;
    // First on the page and small, so its tiles are on screen (tiles pull video only when visible).
    meeting.style.cssText = 'width:380px;--calls-meeting-min-height:0';
    document.body.prepend(meeting);

    const input = await waitFor(() => deepQuery<HTMLInputElement>(meeting, '[part="name-input"]'), {
      what: 'the name field',
    });
    input.value = 'Grace Hopper';
    input.dispatchEvent(new Event('input'));
    const joined = nextEvent(meeting, 'calls-joined');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await joined;
    const adaOnBob = await waitFor(
      () =>
        new Promise<string | undefined>((resolve) => {
          const subscription = bob.model!.participants$.subscribe((people) => {
            resolve(people.find((person) => !person.isSelf)?.name);
            queueMicrotask(() => subscription.unsubscribe());
          });
        }),
      { what: 'Bob to see the new participant' },
    );
    expect(adaOnBob).to.equal('Grace Hopper');
    const lobby = deepQuery(meeting, 'calls-lobby')!;
    await waitFor(() => lobby.getClientRects().length === 0, { what: 'the lobby to give way to the call' });
    const bobTile = await waitFor(
      () => deepQuery<CallsTileElement>(meeting, `calls-tile[participant-id="${participantIdOf(bob)}"]`),
      { what: "Bob's tile in the meeting" },
    );
    await waitForVideoFrames(await tileVideo(bobTile), 2);

    const left = nextEvent(meeting, 'calls-left');
    (await kitButton(meeting, 'calls-leave-button')).click();
    await left;
    const screen = deepQuery(meeting, 'calls-left-screen')!;
    await waitFor(() => screen.getClientRects().length > 0, { what: 'the left screen to show' });
    expect(lobby.getClientRects().length).to.equal(0);
  });
});
