// What a framework app does to a <calls-room> after it is on the page: change `room` while joined,
// set `token` right after inserting it (same task, or a framework's first effect in a later task),
// and what it hears, in which order. Evidence: the events, the presence rosters, decoded video.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsErrorEvent, CallsRoomChangeEvent } from '../../src/events/index.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  defaultTile,
  mountRoom,
  nextEvent,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv, TEST_ROOM_TOKEN, TOKEN_ROOM_PREFIX } from './helpers/test-env.js';

/** Records the `types` events `target` dispatches, in order. */
function recordEvents(target: EventTarget, types: string[]): Event[] {
  const seen: Event[] = [];
  for (const type of types) target.addEventListener(type, (event) => seen.push(event));
  return seen;
}

const roster = (room: CallsRoomElement) =>
  new Promise<string[]>((resolve) => {
    const subscription = room.model!.participants$.subscribe((people) => {
      resolve(people.map((person) => person.name));
      queueMicrotask(() => subscription.unsubscribe());
    });
  });

/** A room element made the way a framework makes one: created, configured, inserted. */
function insertRoom(endpoint: string, room: string): CallsRoomElement {
  const element = document.createElement('calls-room');
  element.endpoint = endpoint;
  element.room = room;
  element.displayName = 'Ada';
  element.autojoin = true;
  element.dataset.test = '';
  element.style.cssText = 'display:block;width:380px;--calls-room-min-height:0';
  document.body.append(element);
  return element;
}

describe('<calls-room> changed at run time', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(removeRooms);

  it('moves to the new room when `room` changes while joined: calls-room-change, calls-left, calls-joined', async () => {
    const first = uniqueRoomName('first');
    const second = uniqueRoomName('second');
    const ada = mountRoom({ endpoint, room: first, name: 'Ada' });
    const bob = mountRoom({ endpoint, room: first, name: 'Bob' });
    const carol = mountRoom({ endpoint, room: second, name: 'Carol' });
    await Promise.all([ada.join(), bob.join(), carol.join()]);
    await waitFor(async () => (await roster(bob)).includes('Ada'), { what: 'Bob to see Ada' });
    const adaLeavesBob = nextEvent(bob, 'calls-participant-left');

    const seen = recordEvents(ada, ['calls-room-change', 'calls-left', 'calls-joined']);
    const joinedAgain = nextEvent(ada, 'calls-joined');
    ada.setAttribute('room', second);
    await joinedAgain;

    expect(seen.map((event) => event.type)).to.deep.equal([
      'calls-room-change',
      'calls-left',
      'calls-joined',
    ]);
    expect((seen[0] as CallsRoomChangeEvent).detail).to.deep.equal({
      from: { endpoint, room: first },
      to: { endpoint, room: second },
    });
    expect((seen[2] as CustomEvent).detail.room).to.equal(second);
    await adaLeavesBob;
    expect(await roster(bob)).to.deep.equal(['Bob']);
    await waitFor(async () => (await roster(ada)).includes('Carol'), { what: 'Ada to see Carol' });
    expect((await roster(ada)).sort()).to.deep.equal(['Ada', 'Carol']);
    // Media follows: Ada decodes Carol's camera in the new room.
    await waitForVideoFrames(await tileVideo(await defaultTile(ada, participantIdOf(carol))), 3);
  });

  it('refuses a token room without the token (so the next tests can tell the token was sent)', async () => {
    const room = insertRoom(endpoint, uniqueRoomName(`${TOKEN_ROOM_PREFIX}none`));
    const errors = recordEvents(room, ['calls-error']) as CallsErrorEvent[];
    await waitFor(() => errors.some((error) => error.code === 'unauthorized'), {
      what: 'an unauthorized error',
    });
    expect(room.model).to.equal(undefined);
  });

  it('uses a token set in the same task as the insertion', async () => {
    const room = insertRoom(endpoint, uniqueRoomName(`${TOKEN_ROOM_PREFIX}same-task`));
    room.token = TEST_ROOM_TOKEN;
    const errors = recordEvents(room, ['calls-error']);
    await nextEvent(room, 'calls-joined');
    expect(errors).to.deep.equal([]);
  });

  it("uses a token set in a framework's first effect, a task after the insertion", async () => {
    const room = insertRoom(endpoint, uniqueRoomName(`${TOKEN_ROOM_PREFIX}effect`));
    const errors = recordEvents(room, ['calls-error']);
    // React's scheduler runs passive effects in a MessageChannel task queued at commit.
    const effect = new MessageChannel();
    effect.port1.onmessage = () => {
      room.token = TEST_ROOM_TOKEN;
      effect.port1.close();
    };
    effect.port2.postMessage(undefined);
    await nextEvent(room, 'calls-joined');
    expect(errors).to.deep.equal([]);
  });

  it('sends calls-joined before calls-participant-joined for the people already in the room', async () => {
    const room = uniqueRoomName('order');
    const bob = mountRoom({ endpoint, room, name: 'Bob' });
    const carol = mountRoom({ endpoint, room, name: 'Carol' });
    await Promise.all([bob.join(), carol.join()]);
    const ada = mountRoom({ endpoint, room, name: 'Ada' });
    const seen = recordEvents(ada, ['calls-joined', 'calls-participant-joined']);
    await ada.join();
    await waitFor(() => seen.length >= 3, { what: 'joined and two participant-joined events' });
    expect(seen.map((event) => event.type)).to.deep.equal([
      'calls-joined',
      'calls-participant-joined',
      'calls-participant-joined',
    ]);
    const names = seen.slice(1).map((event) => (event as CustomEvent).detail.participant.name);
    expect(names.sort()).to.deep.equal(['Bob', 'Carol']);
  });

  it('raises no ResizeObserver loop error on a page where the room has no CSS height', async () => {
    const loopErrors: string[] = [];
    const onError = (event: ErrorEvent) => {
      if (/ResizeObserver loop/.test(event.message)) loopErrors.push(event.message);
    };
    window.addEventListener('error', onError);
    try {
      const room = uniqueRoomName('no-height');
      const ada = mountRoom({ endpoint, room, name: 'Ada' });
      const bob = mountRoom({ endpoint, room, name: 'Bob' });
      ada.style.height = '';
      await Promise.all([ada.join(), bob.join()]);
      const video = await tileVideo(await defaultTile(ada, participantIdOf(bob)));
      await waitForVideoFrames(video, 3);
      // Resize it a few times (the grid re-lays out each time), a couple of frames apart.
      for (const width of [300, 520, 260, 640, 380]) {
        ada.style.width = `${width}px`;
        await waitForVideoFrames(video, 2);
      }
      const grid = ada.shadowRoot!.querySelector('calls-grid')!;
      expect(grid.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(loopErrors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });
});
