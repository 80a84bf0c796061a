// Focus when the default meeting's panels open and close, keyboard only (Playwright's real key
// presses) in a joined room on the local SFU: opening the chat lands in its text box, the people
// panel on its heading, Settings on its first device picker; Escape closes each and focus goes back
// to the button that opened it; a panel hidden by something else while focus is inside it gives
// focus back to its button instead of leaving it on a node nobody sees. After every step the test
// reads where focus is, down through the shadow roots.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { PresenceClient } from '../../src/core/presence-client.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsSettingsElement } from '../../src/elements/calls-settings/calls-settings.js';
import { controlOf, expectVisibleFocus, focused, hostOf, tabTo } from './helpers/keyboard.js';
import { waitFor } from './helpers/media.js';
import { deepQuery, mountRoom, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** Waits until focus is on an element `wanted` accepts, and that it shows. */
async function focusLandsOn(wanted: (element: Element) => boolean, what: string): Promise<Element> {
  const element = await waitFor(
    () => {
      const now = focused();
      return now && wanted(now) ? now : undefined;
    },
    { what: `focus on ${what} (it is on ${focused()?.outerHTML.slice(0, 80)})` },
  );
  expectVisibleFocus(element, what);
  return element;
}

const inShadowOf = (host: Element | null, test: (element: Element) => boolean) => (element: Element) =>
  host !== null && hostOf(element) === host && test(element);

describe('focus when panels open and close', () => {
  let room: CallsRoomElement;

  /** A joined room (the token "moderator" makes you one on the test backend) in a room of its own. */
  async function joinedRoom(name = uniqueRoomName('panel-focus'), token?: string) {
    const { backend } = await callsTestEnv();
    const joined = mountRoom({ endpoint: backend.endpoint, room: name, name: 'Ada' });
    joined.token = token;
    await joined.join();
    return joined;
  }

  afterEach(removeRooms);

  it('the chat: Enter opens it in its text box, Escape closes it back to the chat button', async () => {
    room = await joinedRoom();
    const chat = deepQuery(room, 'calls-chat');
    const chatButton = controlOf('calls-chat-button');
    const box = inShadowOf(chat, (element) => element.localName === 'textarea');

    await tabTo(chatButton, 'the chat button');
    await sendKeys({ press: 'Enter' });
    await focusLandsOn(box, 'the chat box');
    expect(chat!.hidden).to.equal(false);

    await sendKeys({ type: 'half a thought' });
    await sendKeys({ press: 'Escape' });
    await focusLandsOn(chatButton, 'the chat button after Escape');
    expect(chat!.hidden).to.equal(true);
    expect(focused()!.getAttribute('aria-pressed')).to.equal('false');

    // Open again, then close with the button itself: focus stays on it.
    await sendKeys({ press: 'Space' });
    await focusLandsOn(box, 'the chat box again');
    await tabTo(chatButton, 'the chat button, from the chat');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => chat!.hidden, { what: 'the chat to close' });
    await focusLandsOn(chatButton, 'the chat button that closed it');
  });

  it('the people panel: Enter lands on its heading, Escape from inside goes back to its button', async () => {
    room = await joinedRoom();
    const people = deepQuery(room, 'calls-participant-list');
    const peopleButton = controlOf('calls-participants-button');

    await tabTo(peopleButton, 'the participants button');
    await sendKeys({ press: 'Enter' });
    const heading = await focusLandsOn(
      inShadowOf(people, (element) => element.getAttribute('part') === 'heading'),
      "the people panel's heading",
    );
    expect(heading.textContent).to.contain('Participants (1)');

    await sendKeys({ press: 'Escape' });
    await focusLandsOn(peopleButton, 'the participants button after Escape');
    expect(people!.hidden).to.equal(true);
  });

  it("a moderator's confirmation: Escape cancels it first, then closes the panel", async () => {
    const { backend } = await callsTestEnv();
    const name = uniqueRoomName('panel-focus-moderator');
    room = await joinedRoom(name, 'moderator');
    const guest = new PresenceClient({
      endpoint: backend.endpoint,
      room: name,
      displayName: 'Bob',
      getToken: async () => undefined,
    });
    try {
      await guest.connect();
      const people = deepQuery(room, 'calls-participant-list');
      const peopleButton = controlOf('calls-participants-button');
      await tabTo(peopleButton, 'the participants button');
      await sendKeys({ press: 'Enter' });
      await focusLandsOn(
        inShadowOf(people, (element) => element.localName === 'h2'),
        "the people panel's heading",
      );
      // The panel renders once shown (a closed panel costs a join nothing), Bob with it.
      await waitFor(() => people?.shadowRoot?.querySelector('[data-action="remove"]'), {
        what: "Bob in the moderator's list, with actions",
      });
      await tabTo(
        inShadowOf(people, (element) => element.getAttribute('data-action') === 'remove'),
        'Remove: Bob',
      );
      await sendKeys({ press: 'Enter' });
      await focusLandsOn(
        inShadowOf(people, (element) => element.getAttribute('part') === 'confirm-button'),
        'Confirm',
      );

      await sendKeys({ press: 'Escape' });
      await focusLandsOn(
        inShadowOf(people, (element) => element.getAttribute('data-action') === 'remove'),
        'Remove: Bob, again',
      );
      expect(people!.hidden, 'the panel stays open').to.equal(false);
      expect(people!.shadowRoot!.querySelector('[part="confirm"]')).to.equal(null);

      await sendKeys({ press: 'Escape' });
      await focusLandsOn(peopleButton, 'the participants button');
      expect(people!.hidden).to.equal(true);
    } finally {
      guest.close();
    }
  });

  it('a panel hidden by something else while focus is in it gives focus back to its button', async () => {
    room = await joinedRoom();
    const chat = deepQuery(room, 'calls-chat');
    const chatButton = controlOf('calls-chat-button');
    await tabTo(chatButton, 'the chat button');
    await sendKeys({ press: 'Enter' });
    await focusLandsOn(
      inShadowOf(chat, (element) => element.localName === 'textarea'),
      'the chat box',
    );

    // What another panel taking the chat's place (or the page) does: hide it, with focus inside.
    chat!.hidden = true;
    await focusLandsOn(chatButton, 'the chat button after the chat was hidden');
    expect(document.activeElement).to.not.equal(document.body);

    // And the people panel opened by its button takes focus into itself.
    await tabTo(controlOf('calls-participants-button'), 'the participants button');
    await sendKeys({ press: 'Enter' });
    await focusLandsOn(
      inShadowOf(deepQuery(room, 'calls-participant-list'), (element) => element.localName === 'h2'),
      "the people panel's heading",
    );
  });

  it('Settings: Enter opens it on the first device picker, Escape closes it back to its button', async () => {
    room = await joinedRoom();
    const settings = deepQuery<CallsSettingsElement>(room, 'calls-settings')!;
    const trigger = inShadowOf(settings, (element) => element.getAttribute('part') === 'trigger');

    await tabTo(trigger, 'the settings button');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => settings.dialogElement?.open, { what: 'the settings dialog' });
    const firstPicker = settings.shadowRoot!.querySelector('calls-device-select');
    await focusLandsOn(
      inShadowOf(firstPicker, (element) => element.localName === 'select'),
      'the camera picker',
    );

    await sendKeys({ press: 'Escape' });
    await waitFor(() => !settings.dialogElement?.open && !settings.open, { what: 'the dialog to close' });
    await focusLandsOn(trigger, 'the settings button after Escape');
  });
});
