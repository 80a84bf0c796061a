// Every control a person can press or type into in the lobby (of <calls-room> and of <calls-meeting
// ask-name>) and the default meeting (alone; with someone else's join notice; the reactions row, the
// chat, the moderator's people panel and the Settings dialog open) is at least 44 × 44 CSS px on a phone-sized page (WCAG 2.5.5's
// target size; Apple's and Google's guidance for touch): measured as Chromium lays it out, down
// through every shadow root, not read from the stylesheets.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { PresenceClient } from '../../src/core/presence-client.js';
import type { CallsSettingsElement } from '../../src/elements/calls-settings/calls-settings.js';
import { waitFor } from './helpers/media.js';
import {
  deepQuery,
  deepQueryAll,
  kitButton,
  mountRoom,
  removeRooms,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** WCAG 2.5.5 (AAA) and the platforms' touch guidance. */
const MIN_TARGET_PX = 44;

/** What a finger presses or types into; the chat's scrollable log and code-only focus targets are not. */
const INTERACTIVE = 'button, select, textarea, input:not([type="hidden"]), a[href], [role="button"]';

/** The controls on screen in `room` that are smaller than the minimum, described. */
function smallTargets(room: Element): string[] {
  return deepQueryAll(room, INTERACTIVE)
    .filter((element) => element.getClientRects().length > 0)
    .map((element) => ({ element, box: element.getBoundingClientRect() }))
    .filter(({ box }) => box.width < MIN_TARGET_PX - 0.5 || box.height < MIN_TARGET_PX - 0.5)
    .map(({ element, box }) => {
      const host = (element.getRootNode() as ShadowRoot).host?.localName ?? 'page';
      const name = element.getAttribute('part') ?? element.localName;
      return `${host} ${name}: ${Math.round(box.width)}×${Math.round(box.height)}`;
    });
}

describe('touch targets on a phone', () => {
  before(() => setViewport({ width: 390, height: 844 }));
  after(() => setViewport({ width: 800, height: 600 }));
  let guest: PresenceClient | undefined;
  afterEach(async () => {
    guest?.close();
    await removeRooms();
    for (const meeting of document.querySelectorAll('calls-meeting')) meeting.remove();
  });

  it('the lobby and the meeting, its panels and Settings: every control at least 44 × 44 px', async () => {
    const { backend } = await callsTestEnv();
    const name = uniqueRoomName('touch');
    const meeting = document.createElement('calls-meeting');
    meeting.setAttribute('ask-name', '');
    meeting.endpoint = backend.endpoint;
    meeting.room = name;
    document.body.append(meeting);
    await waitFor(() => deepQuery(meeting, '[part="name-input"]'), { what: "the meeting's name field" });
    const found: Record<string, string[]> = { 'meeting lobby': smallTargets(meeting) };
    meeting.remove();

    const room = mountRoom({ endpoint: backend.endpoint, room: name, name: 'Ada' });
    room.style.width = '100%';
    // The test backend makes the token "moderator" one: the people panel then has its actions.
    room.token = 'moderator';
    await kitButton(room, 'calls-join-button');
    await waitFor(() => deepQuery(room, 'calls-device-select')?.shadowRoot?.querySelector('select:enabled'), {
      what: "the lobby's device pickers",
    });
    found.lobby = smallTargets(room);

    await room.join();
    await kitButton(room, 'calls-leave-button');
    found.alone = smallTargets(room);

    // Someone else (in the room's presence only): a join notice with its close button, the chat's
    // "Send to", the moderator's actions on them.
    guest = new PresenceClient({
      endpoint: backend.endpoint,
      room: name,
      displayName: 'Bob',
      getToken: async () => undefined,
    });
    await guest.connect();
    await waitFor(() => deepQuery(room, 'calls-toasts')?.shadowRoot?.querySelector('[part="dismiss"]'), {
      what: "Bob's join notice",
    });
    found.meeting = smallTargets(room);

    (await kitButton(room, 'calls-reactions-button')).click();
    await waitFor(
      () => deepQuery(room, 'calls-reactions-button')?.shadowRoot?.querySelector('[part="emoji"]'),
      {
        what: 'the emoji row',
      },
    );
    found.reactions = smallTargets(room);
    (await kitButton(room, 'calls-reactions-button')).click();

    (await kitButton(room, 'calls-chat-button')).click();
    await waitFor(
      () => deepQuery(room, 'calls-chat:not([hidden])')?.shadowRoot?.querySelector('[part="recipient"]'),
      {
        what: 'the chat panel with "Send to"',
      },
    );
    found.chat = smallTargets(room);
    (await kitButton(room, 'calls-chat-button')).click();

    (await kitButton(room, 'calls-participants-button')).click();
    await waitFor(() => deepQuery(room, 'calls-participant-list:not([hidden])'), {
      what: 'the people panel',
    });
    found.people = smallTargets(room);
    (await kitButton(room, 'calls-participants-button')).click();

    const settings = deepQuery<CallsSettingsElement>(room, 'calls-settings')!;
    settings.show();
    await waitFor(() => settings.dialogElement?.open, { what: 'the settings dialog' });
    found.settings = smallTargets(room);
    settings.close();

    expect(found).to.deep.equal({
      'meeting lobby': [],
      lobby: [],
      alone: [],
      meeting: [],
      reactions: [],
      chat: [],
      people: [],
      settings: [],
    });
  });
});
