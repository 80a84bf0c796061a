// People features between real rooms in one page, through the backend kit and the local SFU: chat
// (with history for a late joiner and hostile text), raised hands in the server's order, reactions on
// the sender's tile, and moderation (a moderator mutes someone and their microphone goes off; someone
// else cannot). Evidence: what the other side's elements render, the refusals the rooms report, and
// the sound the moderator hears.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CallsChatElement } from '../../src/elements/calls-chat/calls-chat.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsErrorEvent } from '../../src/events/index.js';
import { CallsParticipantMuteRequestEvent } from '../../src/events/index.js';
import { peakAudioRms, waitFor } from './helpers/media.js';
import { inside, messagesIn, part, parts, typeAndEnter } from './helpers/people.js';
import { mountRoom, nextEvent, participantIdOf, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('people: chat, hands, reactions and moderation between rooms', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(removeRooms);

  it('chat: the other side shows it, a late joiner gets the history, hostile text stays inert', async () => {
    const room = uniqueRoomName('chat');
    const ada = mountRoom({ endpoint, room, name: 'Ada', inner: '<calls-chat id="chat-ada"></calls-chat>' });
    const bob = mountRoom({
      endpoint,
      room,
      name: 'Bob',
      inner:
        '<calls-chat id="chat-bob" hidden></calls-chat><calls-chat-button for="chat-bob"></calls-chat-button>',
    });
    await Promise.all([ada.join(), bob.join()]);
    const adaChat = inside(ada, 'calls-chat') as CallsChatElement;
    const bobChat = inside(bob, 'calls-chat') as CallsChatElement;
    const bobButton = inside(bob, 'calls-chat-button');
    await waitFor(() => !part(adaChat, 'input')?.hasAttribute('disabled'), { what: "Ada's chat to enable" });

    let requests = 0;
    ada.addEventListener('calls-chat-send-request', () => {
      requests += 1;
    });
    typeAndEnter(adaChat, 'first line', true);
    expect(requests, 'Shift+Enter is a new line, not a send').to.equal(0);
    typeAndEnter(adaChat, 'Hello Bob, see https://example.com/a?b=1.');
    expect(requests).to.equal(1);
    expect(adaChat.shadowRoot!.querySelector('textarea')!.value, 'the box empties on send').to.equal('');

    // Bob's chat is hidden: his button counts it as unread.
    await waitFor(() => part(bobButton, 'badge')?.textContent === '1', {
      what: "Bob's unread badge to show 1",
    });
    (part(bobButton, 'button') as HTMLButtonElement).click();
    await waitFor(() => !bobChat.hidden && part(bobButton, 'badge') === null, {
      what: "Bob's chat to open and the badge to clear",
    });
    expect(messagesIn(bobChat)).to.deep.equal([
      { sender: 'Ada', text: 'Hello Bob, see https://example.com/a?b=1.' },
    ]);
    const marker = part(bobChat, 'new-marker');
    expect(marker?.textContent).to.equal('New messages');
    expect(marker?.nextElementSibling?.getAttribute('part')).to.equal('message');
    const link = bobChat.shadowRoot!.querySelector('[part="text"] a') as HTMLAnchorElement;
    expect(link.href).to.equal('https://example.com/a?b=1');
    expect(link.rel).to.equal('noopener noreferrer nofollow ugc');
    expect(part(bobChat, 'time')?.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);

    // Hostile text: markup arrives as characters, bidi overrides are gone, a script URL is no link.
    const markup = '<img src=x onerror="window.__peoplePwned=1"> javascript:alert(1)';
    typeAndEnter(adaChat, markup);
    typeAndEnter(adaChat, 'abc\u202Etxt.exe\u202C');
    await waitFor(() => messagesIn(bobChat).length === 3, { what: 'the hostile messages on Bob’s side' });
    expect(messagesIn(bobChat).slice(1)).to.deep.equal([
      { sender: 'Ada', text: markup },
      { sender: 'Ada', text: 'abctxt.exe' },
    ]);
    expect(bobChat.shadowRoot!.querySelector('img')).to.equal(null);
    expect(bobChat.shadowRoot!.querySelectorAll('a').length).to.equal(1);
    expect((window as { __peoplePwned?: number }).__peoplePwned).to.equal(undefined);

    // A 100 kB message is refused with a reason, kept in the box, and never reaches Bob.
    const errors: CallsErrorEvent[] = [];
    ada.addEventListener('calls-error', (event) => errors.push(event));
    const huge = 'x'.repeat(100_000);
    typeAndEnter(adaChat, huge);
    await waitFor(() => part(adaChat, 'error'), { what: "Ada's chat to show why it refused" });
    expect(part(adaChat, 'error')?.textContent).to.match(/exceeds the limit/);
    expect(part(adaChat, 'error')?.getAttribute('role')).to.equal('alert');
    expect(adaChat.shadowRoot!.querySelector('textarea')!.value).to.equal(huge);
    expect(errors.map((event) => [event.code, event.detail.error.detail])).to.deep.include.members([
      ['message_refused', 'invalid_message'],
    ]);
    typeAndEnter(adaChat, 'after the big one');
    await waitFor(() => messagesIn(bobChat).length === 4, { what: 'the next message on Bob’s side' });
    expect(messagesIn(bobChat)[3]?.text).to.equal('after the big one');

    // A late joiner gets the history, in order, with the server's names.
    const cara = mountRoom({
      endpoint,
      room,
      name: 'Cara',
      inner: '<calls-chat id="chat-cara"></calls-chat>',
    });
    await cara.join();
    const caraChat = inside(cara, 'calls-chat');
    await waitFor(() => messagesIn(caraChat).length === 4, { what: "Cara's history" });
    expect(messagesIn(caraChat).map((m) => m.text)).to.deep.equal(messagesIn(bobChat).map((m) => m.text));
    expect(part(caraChat, 'new-marker'), 'history is not new').to.equal(null);

    // A private message: only Cara and Ada see it, each with the label; Bob gets what follows.
    const recipient = await waitFor(() => part(adaChat, 'recipient') as HTMLSelectElement | null, {
      what: "Ada's recipient choice",
    });
    await waitFor(() => recipient.options.length === 3, { what: 'Bob and Cara as recipients' });
    recipient.value = participantIdOf(cara);
    recipient.dispatchEvent(new Event('change'));
    typeAndEnter(adaChat, 'psst');
    await waitFor(() => messagesIn(caraChat).some((m) => m.text === 'psst'), {
      what: 'the private message at Cara',
    });
    const privateAtCara = parts(caraChat, 'message').find((li) => li.textContent?.includes('psst'));
    expect(privateAtCara?.querySelector('[part="private"]')?.textContent).to.equal('privately to you');
    await waitFor(() => messagesIn(adaChat).some((m) => m.text === 'psst'), { what: 'Ada’s copy' });
    const privateAtAda = parts(adaChat, 'message').find((li) => li.textContent?.includes('psst'));
    expect(privateAtAda?.querySelector('[part="private"]')?.textContent).to.equal('privately to Cara');
    // The server relayed "psst" before Cara's next message, so Bob would have it by then. (Cara sends
    // it: Ada has used her burst of five.)
    typeAndEnter(caraChat as CallsChatElement, 'public again');
    await waitFor(() => messagesIn(bobChat).some((m) => m.text === 'public again'), {
      what: 'the public one at Bob',
    });
    expect(messagesIn(bobChat).map((m) => m.text)).not.to.include('psst');
  });

  it('raised hands appear in the others’ lists in the order they went up, and reactions on the tile', async () => {
    const room = uniqueRoomName('hands');
    const controls =
      '<calls-participant-list></calls-participant-list><calls-hand-button></calls-hand-button>';
    const ada = mountRoom({
      endpoint,
      room,
      name: 'Ada',
      inner: `${controls.replace('<calls-participant-list>', '<calls-participant-list id="list-ada">')}<calls-participants-button for="list-ada"></calls-participants-button>`,
    });
    const bob = mountRoom({
      endpoint,
      room,
      name: 'Bob',
      inner: `${controls}<calls-reactions-button></calls-reactions-button>`,
    });
    const cara = mountRoom({ endpoint, room, name: 'Cara', inner: controls });
    await Promise.all([ada.join(), bob.join(), cara.join()]);
    const adaList = inside(ada, 'calls-participant-list');
    const rows = () => parts(adaList, 'participant');
    await waitFor(() => rows().length === 3, { what: "three people in Ada's list" });
    // The toggle counts everyone and shows and hides the list.
    const toggle = inside(ada, 'calls-participants-button');
    await waitFor(() => part(toggle, 'badge')?.textContent === '3', { what: 'a count of 3 on the toggle' });
    const toggleButton = part(toggle, 'button') as HTMLButtonElement;
    expect(toggleButton.getAttribute('aria-pressed')).to.equal('true');
    toggleButton.click();
    await waitFor(() => adaList?.hidden && toggleButton.getAttribute('aria-pressed') === 'false', {
      what: 'the list to hide',
    });
    toggleButton.click();
    await waitFor(() => !adaList?.hidden, { what: 'the list to show again' });

    const press = (room: CallsRoomElement) =>
      (part(inside(room, 'calls-hand-button'), 'button') as HTMLButtonElement).click();
    press(cara);
    await waitFor(() => rows()[0]?.dataset.hand === '1', { what: "Cara's hand first in Ada's list" });
    press(bob);
    await waitFor(() => rows()[1]?.dataset.hand === '2', { what: "Bob's hand second" });
    const order = rows().map((row) => [
      row.querySelector('[part="name"]')?.textContent,
      row.dataset.hand ?? null,
    ]);
    expect(order).to.deep.equal([
      ['Cara', '1'],
      ['Bob', '2'],
      ['Ada (you)', null],
    ]);
    expect(rows()[0]?.querySelector('[part="hand"]')?.getAttribute('aria-label')).to.equal('Hand raised (1)');
    expect(part(inside(bob, 'calls-hand-button'), 'button')?.getAttribute('aria-pressed')).to.equal('true');

    // Cara lowers hers: Bob moves up.
    press(cara);
    await waitFor(
      () =>
        rows()[0]?.dataset.hand === '1' && rows()[0]?.querySelector('[part="name"]')?.textContent === 'Bob',
      {
        what: 'Bob to be first once Cara lowered her hand',
      },
    );

    // Bob reacts; Ada's tile of Bob shows it and announces it.
    const tile = document.createElement('calls-tile');
    tile.setAttribute('participant-id', participantIdOf(bob));
    tile.style.cssText = 'display:block;width:200px;height:120px;position:relative';
    ada.append(tile);
    const reactions = inside(bob, 'calls-reactions-button')!;
    await waitFor(() => !(part(reactions, 'button') as HTMLButtonElement).disabled, {
      what: 'the reaction set',
    });
    (part(reactions, 'button') as HTMLButtonElement).click();
    await waitFor(() => part(reactions, 'emoji'), { what: 'the emoji row' });
    const thumbs = parts(reactions, 'emoji').find(
      (button) => button.textContent === '👍',
    ) as HTMLButtonElement;
    thumbs.click();
    const overlay = await waitFor(() => part(tile, 'overlay'), { what: 'the overlay on the tile' });
    await waitFor(() => part(overlay, 'reaction')?.textContent === '👍', {
      what: 'the reaction on Bob’s tile',
    });
    expect(part(overlay, 'announcer')?.textContent).to.equal('Bob reacted 👍');
    expect(getComputedStyle(part(overlay, 'reaction')!).animationName).to.equal('calls-reaction-rise');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(part(overlay, 'reaction')!).animationName, 'no movement').to.equal(
        'calls-reaction-still',
      );
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    expect(part(overlay, 'hand')?.getAttribute('aria-label')).to.equal('Hand raised (1)');
  });

  it('toasts: joins, leaves, raised hands, and chat only while the chat is hidden', async () => {
    const room = uniqueRoomName('toasts');
    const ada = mountRoom({
      endpoint,
      room,
      name: 'Ada',
      inner:
        '<calls-toasts chat-panel="chat-toasts"></calls-toasts><calls-chat id="chat-toasts" hidden></calls-chat>',
    });
    await ada.join();
    const toasts = inside(ada, 'calls-toasts');
    const texts = () => parts(toasts, 'message').map((message) => message.textContent);
    const bob = mountRoom({ endpoint, room, name: 'Bob', inner: '<calls-chat></calls-chat>' });
    await bob.join();
    await waitFor(() => texts().includes('Bob joined'), { what: 'a toast for Bob joining' });
    expect(part(toasts, 'stack')?.getAttribute('aria-live')).to.equal('polite');

    await bob.model!.raiseHand();
    await waitFor(() => texts().includes('Bob raised their hand'), { what: 'a toast for the hand' });
    await bob.model!.sendChat('while hidden');
    await waitFor(() => texts().includes('Bob: while hidden'), {
      what: 'a chat toast while the chat is hidden',
    });

    // With the chat open, messages show there and not as toasts.
    const adaChat = inside(ada, 'calls-chat')!;
    adaChat.hidden = false;
    await bob.model!.sendChat('while open');
    await waitFor(() => messagesIn(adaChat).some((m) => m.text === 'while open'), {
      what: 'the message in the chat',
    });
    expect(texts()).not.to.include('Bob: while open');

    const joinedToast = parts(toasts, 'toast').find((toast) => toast.textContent?.includes('Bob joined'))!;
    expect(joinedToast.dataset.kind).to.equal('join');
    (joinedToast.querySelector('[part="dismiss"]') as HTMLButtonElement).click();
    await waitFor(() => !texts().includes('Bob joined'), { what: 'the dismissed toast to go' });

    await bob.leave();
    await waitFor(() => texts().includes('Bob left'), { what: 'a toast for Bob leaving' });
  });

  it('a moderator mutes someone and their microphone goes off; a non-moderator cannot', async () => {
    const room = uniqueRoomName('moderate');
    const controls = '<calls-participant-list></calls-participant-list><calls-mic-button></calls-mic-button>';
    const mod = mountRoom({ endpoint, room, name: 'Mod', inner: controls });
    mod.token = 'moderator';
    const tom = mountRoom({ endpoint, room, name: 'Tom', inner: controls });
    await Promise.all([mod.join(), tom.join()]);
    const tomId = participantIdOf(tom);
    const modId = participantIdOf(mod);
    const modList = inside(mod, 'calls-participant-list');
    const tomList = inside(tom, 'calls-participant-list');
    await waitFor(
      () => parts(modList, 'participant').length === 2 && parts(tomList, 'participant').length === 2,
      {
        what: 'both lists to show both',
      },
    );
    const tomMic = () => part(inside(tom, 'calls-mic-button'), 'button');
    expect(tomMic()?.getAttribute('aria-pressed')).to.equal('true');

    // Tom is no moderator: no actions for him, and a request he makes anyway is refused.
    expect(parts(tomList, 'action')).to.deep.equal([]);
    const refused = nextEvent<CallsErrorEvent>(tom, 'calls-error');
    tom.dispatchEvent(new CallsParticipantMuteRequestEvent({ participantId: modId, kind: 'audio' }));
    const error = await refused;
    expect([error.code, error.detail.error.detail]).to.deep.equal(['message_refused', 'forbidden']);
    expect(mod.media.micEnabled).to.equal(true);

    // Mod hears Tom before the mute.
    const output = await waitFor(
      () => (mod.model?.audioOutput?.stream.getAudioTracks().length ? mod.model.audioOutput : undefined),
      { what: "Tom's audio in Mod's sink" },
    );
    expect(await peakAudioRms(output.stream)).to.be.greaterThan(0.01);

    const tomRow = () => parts(modList, 'participant').find((row) => row.dataset.id === tomId)!;
    const mute = tomRow().querySelector<HTMLButtonElement>('[data-action="mute"]')!;
    expect(mute.getAttribute('aria-label')).to.equal('Mute: Tom');
    mute.click();
    const confirm = await waitFor(
      () => tomRow().querySelector<HTMLButtonElement>('[part="confirm-button"]'),
      {
        what: 'the confirmation',
      },
    );
    expect(tomRow().querySelector('[part="confirm"]')?.textContent).to.contain('Mute: Tom?');
    expect(tom.media.micEnabled, 'nothing happens before confirming').to.equal(true);
    confirm.click();

    await waitFor(() => tomMic()?.getAttribute('aria-pressed') === 'false', {
      what: "Tom's mic button to show off",
    });
    expect(tom.media.micEnabled).to.equal(false);
    await waitFor(() => tomRow().querySelector('[part~="mic-off"]'), {
      what: "Mod's list to show Tom's mic off",
    });
    await waitFor(async () => (await peakAudioRms(output.stream, 500)) < 0.005, {
      what: 'Tom to fall silent on Mod’s side',
      timeout: 20_000,
    });
  });
});
