// axe-core over every state of the default meeting and its kit elements, in light and dark: no
// serious or critical violation anywhere (axe walks the open shadow roots itself). The moderate and
// minor findings are printed and explained in docs/accessibility.md.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { PresenceClient } from '../../src/core/presence-client.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsSettingsElement } from '../../src/elements/calls-settings/calls-settings.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { describeViolation, runAxe } from './helpers/axe.js';
import { waitFor } from './helpers/media.js';
import { part } from './helpers/people.js';
import {
  deepQuery,
  deepQueryAll,
  defaultTile,
  kitButton,
  type MountOptions,
  mountRoom,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { refuseNewSockets, socketsOpenedDuring } from './helpers/sockets.js';
import { callsTestEnv } from './helpers/test-env.js';

/** Moderate and minor findings seen across all states, by rule: what the docs explain. */
const otherFindings = new Map<string, Set<string>>();

/** Runs axe in light and then dark colours; fails on any serious or critical violation. */
async function expectAccessible(state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await emulateMedia({ colorScheme });
    const { blocking, other } = await runAxe();
    for (const finding of other) {
      const states = otherFindings.get(finding) ?? new Set();
      states.add(`${state}/${colorScheme}`);
      otherFindings.set(finding, states);
    }
    expect(blocking.map(describeViolation), `${state}, ${colorScheme}`).to.deep.equal([]);
  }
  await emulateMedia({ colorScheme: 'light' });
}

/** Presses a control of the default meeting's control bar, as a person would. */
async function press(room: CallsRoomElement, tag: string): Promise<HTMLButtonElement> {
  const button = await kitButton(room, tag);
  button.click();
  return button;
}

describe('axe over the default meeting', () => {
  let endpoint: string;
  let main: HTMLElement;
  /** A room on the test backend, inside the page's main landmark. */
  const mount = (options: MountOptions) => main.appendChild(mountRoom(options));

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
    // The page around the elements is a well-formed one (a title, a language, a main landmark with a
    // heading), so what axe reports is about the elements, not about the bare test harness page.
    document.title = 'calls-elements accessibility';
    document.documentElement.lang = 'en';
    main = document.createElement('main');
    main.innerHTML = '<h1>Meeting</h1>';
    document.body.append(main);
  });

  afterEach(async () => {
    await removeRooms();
    for (const meeting of document.querySelectorAll('calls-meeting')) meeting.remove();
    await emulateMedia({ colorScheme: 'light' });
  });

  after(() => {
    main.remove();
    const lines = [...otherFindings].map(([rule, states]) => `${rule}: ${[...states].join(', ')}`);
    console.log(`axe moderate/minor findings:\n${lines.join('\n') || '(none)'}`);
  });

  it('the lobby, and the lobby showing an error', async () => {
    const room = mount({ endpoint, room: uniqueRoomName('axe-lobby'), name: 'Ada' });
    await kitButton(room, 'calls-join-button');
    await expectAccessible('lobby');
    const meeting = document.createElement('calls-meeting');
    meeting.setAttribute('ask-name', '');
    meeting.room = uniqueRoomName('axe-meeting');
    meeting.endpoint = endpoint;
    main.append(meeting);
    await waitFor(() => deepQuery(meeting, '[part="name-input"]'), { what: "the meeting's name field" });
    await expectAccessible('calls-meeting lobby with a name field');
    meeting.remove();
    room.remove();

    // Port 9 (discard) has nothing listening: the join fails and the lobby says why.
    const failing = mount({ endpoint: 'http://127.0.0.1:9/calls', room: uniqueRoomName('axe'), name: 'Ada' });
    await failing.join().catch(() => undefined);
    await waitFor(() => deepQuery(failing, '[part="error"]'), { what: 'the visible error' });
    await expectAccessible('lobby with an error');
  });

  it('alone in the call: muted, camera off, chat, participants and settings open', async () => {
    const room = mount({ endpoint, room: uniqueRoomName('axe-alone'), name: 'Ada' });
    await room.join();
    await tileVideo(await defaultTile(room, participantIdOf(room)));
    await expectAccessible('alone');

    const mic = await press(room, 'calls-mic-button');
    await waitFor(() => mic.getAttribute('aria-pressed') === 'false', { what: 'the microphone off' });
    const camera = await press(room, 'calls-camera-button');
    await waitFor(() => camera.getAttribute('aria-pressed') === 'false', { what: 'the camera off' });
    await waitFor(() => deepQuery(room, 'calls-tile[muted]'), { what: 'the tile to show muted' });
    await expectAccessible('muted, camera off');

    await press(room, 'calls-chat-button');
    await waitFor(() => deepQuery(room, 'calls-chat:not([hidden])'), { what: 'the chat panel' });
    await expectAccessible('chat open');
    await press(room, 'calls-chat-button');
    await press(room, 'calls-participants-button');
    await waitFor(() => deepQuery(room, 'calls-participant-list:not([hidden])'), {
      what: 'the people panel',
    });
    await expectAccessible('participants open');
    await press(room, 'calls-participants-button');

    const settings = deepQuery<CallsSettingsElement>(room, 'calls-settings');
    settings!.open = true;
    await waitFor(() => settings!.dialogElement?.open, { what: 'the settings dialog' });
    await expectAccessible('settings open');
    settings!.open = false;
  });

  it('two people with a screen share, a raised hand and the reactions open, then four people', async () => {
    const name = uniqueRoomName('axe-people');
    const ada = mount({ endpoint, room: name, name: 'Ada' });
    const bob = mount({ endpoint, room: name, name: 'Bob' });
    await Promise.all([ada.join(), bob.join()]);
    await waitFor(() => deepQuery(ada, `calls-tile[participant-id="${participantIdOf(bob)}"]`), {
      what: "Bob's tile",
    });
    await expectAccessible('two people');

    await press(ada, 'calls-screen-share-button');
    const screen = await waitFor(
      () =>
        deepQuery<CallsTileElement>(
          bob,
          `calls-tile[participant-id="${participantIdOf(ada)}"][source="screen"]`,
        ),
      { what: "Ada's screen tile on Bob's side" },
    );
    await tileVideo(screen, 30_000);
    await expectAccessible('screen share');

    await press(bob, 'calls-hand-button');
    await waitFor(
      () => deepQuery(ada, 'calls-toasts')?.shadowRoot?.textContent?.includes('raised their hand'),
      {
        what: "Bob's raised hand on Ada's side",
      },
    );
    await press(ada, 'calls-reactions-button');
    await waitFor(
      () => deepQuery(ada, 'calls-reactions-button')?.shadowRoot?.querySelector('[part="picker"]'),
      {
        what: 'the emoji row',
      },
    );
    await expectAccessible('hand raised, reactions open');

    const carol = mount({ endpoint, room: name, name: 'Carol' });
    const dan = mount({ endpoint, room: name, name: 'Dan' });
    await Promise.all([carol.join(), dan.join()]);
    await waitFor(() => deepQuery(ada, `calls-tile[participant-id="${participantIdOf(dan)}"]`), {
      what: "Dan's tile on Ada's side",
    });
    await expectAccessible('four people');
  });

  it('nine people, one of them speaking and one with a hand raised', async () => {
    const name = uniqueRoomName('axe-nine');
    const ada = mount({ endpoint, room: name, name: 'Ada' });
    // Wide and tall enough for a 3 × 3 page at the grid's 160 px minimum, so all nine tiles show.
    ada.style.width = '760px';
    ada.style.height = '640px';
    await ada.join();
    // Eight more people in the room's presence only (no media): their tiles, names, speaking ring and
    // hand badge are what axe checks, and a camera each would be eight more encoders on two cores.
    const others = Array.from(
      { length: 8 },
      (_, index) =>
        new PresenceClient({
          endpoint,
          room: name,
          displayName: `Person ${index + 1}`,
          getToken: async () => undefined,
        }),
    );
    try {
      await Promise.all(others.map((person) => person.connect()));
      others[0]!.send({ type: 'update', patch: { audioEnabled: true, speaking: true } });
      others[1]!.send({ type: 'update', patch: { handRaised: true } });
      await waitFor(() => deepQueryAll(ada, 'calls-tile').length === 9, {
        what: "nine tiles on Ada's page",
      });
      await waitFor(() => deepQuery(ada, 'calls-tile[speaking]'), { what: 'a speaking ring' });
      await waitFor(() => deepQueryAll(ada, 'calls-tile-overlay').some((overlay) => part(overlay, 'hand')), {
        what: 'a raised-hand badge on a tile',
      });
      await expectAccessible('nine people, one speaking, one hand raised');
    } finally {
      for (const person of others) person.close();
    }
  });

  it('the reconnecting banner, then the left screen', async () => {
    const room = mount({ endpoint, room: uniqueRoomName('axe-reconnect'), name: 'Ada' });
    const [socket] = await socketsOpenedDuring(() => room.join());
    const allowSockets = refuseNewSockets();
    try {
      socket!.close(3000, 'network went away');
      await waitFor(
        () => deepQuery(room, 'calls-connection-banner')?.shadowRoot?.textContent?.includes('Reconnecting'),
        { what: 'the reconnecting banner' },
      );
      await expectAccessible('reconnecting');
    } finally {
      allowSockets();
    }
    await waitFor(() => room.model?.connectionState === 'connected', { what: 'the room to reconnect' });
    await press(room, 'calls-leave-button');
    await waitFor(() => room.shadowRoot?.querySelector('calls-left-screen'), { what: 'the left screen' });
    await expectAccessible('left the call');
  });
});
