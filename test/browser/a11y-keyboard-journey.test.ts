// A whole meeting with the keyboard only, through Playwright's real key presses (Tab, Shift+Tab,
// Enter, Space and typing): join, mute, open the chat and send a message, leave. Every control
// reached shows a visible focus ring (`:focus-visible` with a computed outline). Evidence: the
// room's state, the message as the chat received it back from the server, the left screen.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { controlOf, expectVisibleFocus, focused, hostOf, tabTo } from './helpers/keyboard.js';
import { waitFor } from './helpers/media.js';
import { messagesIn } from './helpers/people.js';
import { deepQuery, mountRoom, nextEvent, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('a keyboard-only meeting', () => {
  afterEach(removeRooms);

  it('joins, mutes, chats and leaves with Tab, Enter, Space and typing, focus always visible', async () => {
    const { backend } = await callsTestEnv();
    const room = mountRoom({ endpoint: backend.endpoint, room: uniqueRoomName('keys'), name: 'Ada' });
    await waitFor(() => deepQuery(room, 'calls-join-button'), { what: 'the lobby' });

    await tabTo(controlOf('calls-join-button'), 'Join');
    const joined = nextEvent(room, 'calls-joined');
    await sendKeys({ press: 'Enter' });
    await joined;

    const mic = await tabTo(controlOf('calls-mic-button'), 'the microphone button');
    expect(mic.getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Space' });
    await waitFor(() => room.media.micEnabled === false && mic.getAttribute('aria-pressed') === 'false', {
      what: 'the microphone off',
    });

    await tabTo(controlOf('calls-chat-button'), 'the chat button');
    await sendKeys({ press: 'Enter' });
    const chat = await waitFor(() => deepQuery(room, 'calls-chat:not([hidden])'), { what: 'the chat panel' });
    // Opening the chat puts focus in its text box.
    const box = await waitFor(
      () => {
        const element = focused();
        return element?.localName === 'textarea' && hostOf(element) === chat ? element : undefined;
      },
      { what: 'focus in the chat box' },
    );
    expectVisibleFocus(box, 'the chat box');
    await sendKeys({ type: 'Hello from the keyboard' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => messagesIn(chat).some((message) => message.text === 'Hello from the keyboard'), {
      what: 'the message back from the server in the chat',
    });

    await tabTo(controlOf('calls-leave-button'), 'Leave');
    const left = nextEvent(room, 'calls-left');
    await sendKeys({ press: 'Enter' });
    await left;
    await waitFor(() => room.shadowRoot?.querySelector('calls-left-screen'), { what: 'the left screen' });
  });
});
