// A whole meeting with the keyboard only, through Playwright's real key presses (Tab, Shift+Tab,
// Enter, Space and typing): join, mute, open the chat and send a message, leave. Every control
// reached shows a visible focus ring (`:focus-visible` with a computed outline). Evidence: the
// room's state, the message as the chat received it back from the server, the left screen.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { waitFor } from './helpers/media.js';
import { messagesIn } from './helpers/people.js';
import { deepQuery, mountRoom, nextEvent, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** The element that has focus, down through shadow roots. */
function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** The custom element whose shadow root holds `element`. */
const hostOf = (element: Element | null) => (element?.getRootNode() as ShadowRoot | undefined)?.host;

/** Presses Tab (Shift+Tab when `backwards`) until `wanted` has focus; at most 60 presses. */
async function tabTo(wanted: (element: Element) => boolean, what: string, backwards = false) {
  for (let presses = 0; presses < 60; presses += 1) {
    await sendKeys({ press: backwards ? 'Shift+Tab' : 'Tab' });
    const element = focused();
    if (element && wanted(element)) {
      expectVisibleFocus(element, what);
      return element as HTMLElement;
    }
  }
  throw new Error(`Tab never reached ${what} (focus is on ${focused()?.outerHTML.slice(0, 80)})`);
}

function expectVisibleFocus(element: Element, what: string): void {
  const style = getComputedStyle(element);
  expect(element.matches(':focus-visible'), `${what} matches :focus-visible`).to.equal(true);
  expect(style.outlineStyle, `${what}'s focus ring`).to.not.equal('none');
  expect(Number.parseFloat(style.outlineWidth), `${what}'s focus ring width`).to.be.at.least(2);
}

const controlOf = (tag: string) => (element: Element) =>
  hostOf(element)?.localName === tag && element.getAttribute('part') === 'button';

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
    // The panel comes before the control bar in the meeting: back through the controls into it.
    await tabTo(
      (element) => element.localName === 'textarea' && hostOf(element) === chat,
      'the chat box',
      true,
    );
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
