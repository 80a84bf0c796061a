// The kit's buttons (<calls-mic-button>, <calls-camera-button>, <calls-join-button>,
// <calls-leave-button>): each renders a named native button, sends its request event up
// (bubbling, composed, cancelable), the room honours it unless a listener cancels it, and each
// works inside a <calls-room> (context) and outside one with room="<id>".
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsButtonElement } from '../../src/internal/button-element.js';
import { waitFor } from './helpers/media.js';
import { mountRoom, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** The native button inside a kit button, once it has rendered. */
async function nativeButton(element: CallsButtonElement): Promise<HTMLButtonElement> {
  await element.updateComplete;
  const button = element.shadowRoot?.querySelector<HTMLButtonElement>('[part="button"]');
  if (!button) throw new Error(`<${element.localName}> rendered no button`);
  return button;
}

/** The request events `type` that reach the document, as the host page sees them. */
function recordRequests(type: string): Event[] {
  const seen: Event[] = [];
  document.addEventListener(type, (event) => seen.push(event));
  return seen;
}

/** Lets the room act: it handles a request in a microtask after the dispatch finished. */
const roomTurn = () => new Promise<void>((resolve) => queueMicrotask(() => queueMicrotask(resolve)));

const toggles = [
  {
    tag: 'calls-mic-button',
    request: 'calls-mic-toggle-request',
    name: 'Microphone',
    isOn: (room: CallsRoomElement) => room.media.micEnabled,
  },
  {
    tag: 'calls-camera-button',
    request: 'calls-camera-toggle-request',
    name: 'Camera',
    isOn: (room: CallsRoomElement) => room.media.cameraEnabled,
  },
] as const;

describe('kit buttons', () => {
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

  for (const { tag, request, name, isOn } of toggles) {
    describe(`<${tag}>`, () => {
      it('inside a room: names itself, shows the state with aria-pressed and toggles through its request', async () => {
        const room = mountRoom({
          endpoint,
          room: uniqueRoomName(tag),
          name: 'Ada',
          inner: `<${tag}></${tag}>`,
        });
        const element = room.querySelector(tag) as CallsButtonElement;
        const button = await nativeButton(element);
        const seen = recordRequests(request);
        const before = isOn(room);
        expect(button.textContent?.trim()).to.equal(name);
        expect(button.getAttribute('aria-pressed')).to.equal(String(before));

        button.click();
        expect(seen).to.have.length(1);
        const [event] = seen as [CustomEvent];
        expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
        expect(event.detail).to.deep.equal({ enabled: !before });
        await waitFor(() => isOn(room) === !before, { what: `${name} to turn ${before ? 'off' : 'on'}` });
        await element.updateComplete;
        expect(button.getAttribute('aria-pressed')).to.equal(String(!before));
      });

      it('does nothing when a listener cancels its request', async () => {
        const room = mountRoom({
          endpoint,
          room: uniqueRoomName(tag),
          name: 'Ada',
          inner: `<${tag}></${tag}>`,
        });
        const element = room.querySelector(tag) as CallsButtonElement;
        const button = await nativeButton(element);
        const before = isOn(room);
        const cancel = (event: Event) => event.preventDefault();
        document.addEventListener(request, cancel, { once: true });
        button.click();
        await roomTurn();
        expect(isOn(room)).to.equal(before);
        // The next, uncancelled press still asks for the same change: the first one was not honoured.
        const seen = recordRequests(request);
        button.click();
        expect((seen[0] as CustomEvent).detail).to.deep.equal({ enabled: !before });
        await waitFor(() => isOn(room) === !before, {
          what: `${name} to change after the uncancelled press`,
        });
      });

      it('outside the room with room="<id>"', async () => {
        const room = mountRoom({ endpoint, room: uniqueRoomName(tag), name: 'Ada' });
        room.id = uniqueRoomName('controller');
        const element = document.createElement(tag) as CallsButtonElement;
        element.setAttribute('room', room.id);
        element.dataset.kitTest = '';
        document.body.append(element);
        const button = await nativeButton(element);
        const before = isOn(room);
        await waitFor(() => button.getAttribute('aria-pressed') === String(before), {
          what: 'the button to show the room state',
        });
        button.click();
        await waitFor(() => isOn(room) === !before, { what: `${name} to change from outside the room` });
        await element.updateComplete;
        expect(button.getAttribute('aria-pressed')).to.equal(String(!before));
      });
    });
  }

  it('<calls-join-button> and <calls-leave-button> join and leave; each is disabled when it cannot act', async () => {
    const room = mountRoom({
      endpoint,
      room: uniqueRoomName('join-leave'),
      name: 'Ada',
      inner: '<calls-join-button></calls-join-button><calls-leave-button></calls-leave-button>',
    });
    const join = await nativeButton(room.querySelector('calls-join-button') as CallsButtonElement);
    const leave = await nativeButton(room.querySelector('calls-leave-button') as CallsButtonElement);
    expect(join.textContent?.trim()).to.equal('Join');
    expect(leave.textContent?.trim()).to.equal('Leave');
    expect(join.disabled).to.equal(false);
    expect(leave.disabled).to.equal(true);

    const joined = new Promise((resolve) => room.addEventListener('calls-joined', resolve, { once: true }));
    join.click();
    await joined;
    await waitFor(() => join.disabled && !leave.disabled, { what: 'Join disabled and Leave enabled' });
    expect(room.model?.connectionState).to.equal('connected');

    const left = new Promise((resolve) => room.addEventListener('calls-left', resolve, { once: true }));
    leave.click();
    await left;
    await waitFor(() => !join.disabled && leave.disabled, { what: 'Join enabled and Leave disabled' });
  });

  it('<calls-join-button> from outside the room joins it; a cancelled join request joins nothing', async () => {
    const room = mountRoom({ endpoint, room: uniqueRoomName('join-outside'), name: 'Ada' });
    room.id = uniqueRoomName('controller');
    const element = document.createElement('calls-join-button');
    element.setAttribute('room', room.id);
    element.dataset.kitTest = '';
    document.body.append(element);
    const button = await nativeButton(element);

    document.addEventListener('calls-join-request', (event) => event.preventDefault(), { once: true });
    button.click();
    await roomTurn();
    expect(room.model).to.equal(undefined);

    const joined = new Promise((resolve) => room.addEventListener('calls-joined', resolve, { once: true }));
    button.click();
    await joined;
    expect(room.model?.connectionState).to.equal('connected');
  });
});
