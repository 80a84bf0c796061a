// Every shipped language renders the lobby and the meeting (the default view, and a layout of the
// kit's people elements) with no English left but names; the language comes from the nearest `lang`
// (the element's, an ancestor's, the document's), loads lazily, re-renders when `lang` changes, and
// per-key overrides keep the rest of the shipped language. Evidence: the text and accessible names
// the elements render, read through their shadow roots.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import { shippedLanguages } from '../../src/i18n/languages.js';
import { loadTranslation, registerTranslation, type Translation } from '../../src/internal/i18n.js';
import { allText, englishLeftIn, latinWordsIn } from './helpers/i18n.js';
import { waitFor } from './helpers/media.js';
import { mountRoom, participantIdOf, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

const nonLatin = new Set(['ru', 'uk', 'ar', 'he', 'hi', 'ja', 'ko', 'zh-cn', 'zh-tw']);
const kitLayout = `
  <calls-join-button></calls-join-button><calls-leave-button></calls-leave-button>
  <calls-mic-button></calls-mic-button><calls-camera-button></calls-camera-button>
  <calls-hand-button></calls-hand-button><calls-reactions-button></calls-reactions-button>
  <calls-participants-button for="people"></calls-participants-button>
  <calls-participant-list id="people"></calls-participant-list>
  <calls-chat-button for="chat"></calls-chat-button><calls-chat id="chat"></calls-chat>
  <calls-toasts></calls-toasts>`;

async function language(code: string): Promise<Translation> {
  return (await shippedLanguages.get(code)!()).default;
}

/** A room the way the other tests mount it, in `lang` (set before its first render). */
function mount(
  endpoint: string,
  room: string,
  name: string,
  lang?: string,
  inner?: string,
): CallsRoomElement {
  const element = mountRoom({ endpoint, room, name, ...(inner ? { inner } : {}) });
  if (lang) element.lang = lang;
  return element;
}

describe('every shipped language', () => {
  let endpoint: string;
  let room: string;
  let bob: CallsRoomElement;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
    // Bob stays in the room for every language, so each meeting has someone else in it.
    room = uniqueRoomName('lang');
    bob = mount(endpoint, room, 'Bob');
    await bob.join();
  });

  after(async () => {
    await bob.leave();
    bob.remove();
  });

  afterEach(async () => {
    const rooms = [...document.querySelectorAll<CallsRoomElement>('calls-room[data-test]')].filter(
      (r) => r !== bob,
    );
    await Promise.all(rooms.map((r) => r.leave()));
    for (const r of rooms) r.remove();
  });

  for (const code of shippedLanguages.keys()) {
    it(`${code}: the lobby and the meeting show no English`, async () => {
      const t = await language(code);
      // Names, and key names the shortcuts' hints spell the way keyboards print them.
      const names = ['Ada', 'Bob', room, 'Enter', 'Shift', 'Ctrl'];
      const check = (element: Element, what: string) => {
        const texts = allText(element);
        expect(englishLeftIn(texts, t), `${what}: English left`).to.deep.equal([]);
        if (nonLatin.has(code))
          expect(latinWordsIn(texts, names), `${what}: Latin words left`).to.deep.equal([]);
      };

      // The detector itself: untranslated English is caught.
      expect(englishLeftIn(['Raise hand', 'Bob (you)', '3 unread messages'], t)).to.have.length(3);

      // The element loads its language by itself from its own `lang`.
      const ada = mount(endpoint, room, 'Ada', t.$code);
      await waitFor(() => allText(ada).includes(t.join), {
        what: `the ${code} Join button`,
        timeout: 20_000,
      });
      check(ada, 'lobby');

      await ada.join();
      const bobId = participantIdOf(bob);
      await waitFor(() => ada.shadowRoot?.querySelector(`calls-tile[participant-id="${bobId}"]`), {
        what: "Bob's tile",
        timeout: 30_000,
      });
      await waitFor(() => allText(ada).includes(t.leave), { what: 'the Leave button' });
      check(ada, 'meeting');

      // The kit's people elements in a custom layout, before and after joining (Ada again: leave
      // first, as joining twice under one name would replace the first).
      await ada.leave();
      ada.remove();
      const kit = mount(endpoint, room, 'Ada', t.$code, kitLayout);
      await waitFor(
        () => allText(kit).includes(t.chat) || allText(kit).some((x) => x.includes(t.noMessages)),
        {
          what: 'the kit layout in the language',
        },
      );
      check(kit, 'kit lobby');
      await kit.join();
      await waitFor(() => allText(kit).some((x) => x.includes('Bob')), {
        what: 'Bob in the participant list',
        timeout: 30_000,
      });
      check(kit, 'kit meeting');
    });
  }
});

describe('choosing the language', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(async () => {
    await removeRooms();
    for (const el of document.querySelectorAll('[data-lang-test]')) el.remove();
    document.documentElement.removeAttribute('lang');
  });

  const joinLabel = (room: CallsRoomElement) =>
    room.shadowRoot?.querySelector('[part~="join-button"]')?.textContent?.trim();

  it('follows the nearest ancestor lang, re-renders when it changes, then the document lang', async () => {
    const wrapper = document.createElement('div');
    wrapper.dataset.langTest = '';
    wrapper.lang = 'de-AT';
    document.body.append(wrapper);
    const room = mount(endpoint, uniqueRoomName('lang'), 'Ada');
    wrapper.append(room);
    await waitFor(() => joinLabel(room) === 'Beitreten', { what: 'German from the ancestor (de-AT → de)' });

    wrapper.lang = 'zh-Hant-HK';
    await waitFor(() => joinLabel(room) === '加入' && allText(room).includes('攝影機'), {
      what: 'Traditional Chinese after the ancestor lang changed',
    });

    wrapper.removeAttribute('lang');
    document.documentElement.lang = 'fr';
    await waitFor(() => joinLabel(room) === 'Rejoindre', { what: 'French from the document' });

    document.documentElement.lang = 'fi';
    await waitFor(() => joinLabel(room) === 'Join', { what: 'English for a language not shipped' });
  });

  it('registerTranslation overrides single keys and keeps the rest of the shipped language', async () => {
    registerTranslation({ $code: 'it', join: 'Entra' });
    const room = mount(endpoint, uniqueRoomName('lang'), 'Ada', 'it');
    await waitFor(() => joinLabel(room) === 'Entra' && allText(room).includes('Videocamera'), {
      what: 'the override next to the shipped Italian',
    });
    registerTranslation({ $code: 'it', join: 'Partecipa' });
  });

  it('right-to-left languages lay the element out right to left unless the page set a direction', async () => {
    await loadTranslation('he');
    const room = mount(endpoint, uniqueRoomName('lang'), 'Ada', 'he');
    await waitFor(() => getComputedStyle(room).direction === 'rtl', { what: 'rtl from lang="he"' });
    const controls = room.shadowRoot!.querySelector('[part="controls"]')!;
    expect(getComputedStyle(controls).direction).to.equal('rtl');

    room.lang = 'en';
    await waitFor(() => getComputedStyle(room).direction === 'ltr', { what: 'ltr again for English' });

    const ltrPage = document.createElement('div');
    ltrPage.dataset.langTest = '';
    ltrPage.dir = 'ltr';
    document.body.append(ltrPage);
    const chosen = mount(endpoint, uniqueRoomName('lang'), 'Ada', 'ar');
    ltrPage.append(chosen);
    await waitFor(() => joinLabel(chosen) === 'انضمام', { what: 'Arabic text' });
    expect(getComputedStyle(chosen).direction, 'the page chose ltr').to.equal('ltr');
  });
});

describe('right to left layout', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
    await Promise.all([loadTranslation('ar'), loadTranslation('he')]);
  });

  afterEach(removeRooms);

  /** The default view's controls, left to right on screen, with their boxes relative to the bar. */
  function controlBar(room: CallsRoomElement) {
    const bar = room.shadowRoot!.querySelector<HTMLElement>('[part="controls"]')!;
    const barBox = bar.getBoundingClientRect();
    return [...bar.querySelectorAll<HTMLElement>('button')]
      .map((button) => {
        const box = button.getBoundingClientRect();
        return {
          part: button.getAttribute('part')!,
          left: box.left - barBox.left,
          right: barBox.right - box.right,
        };
      })
      .sort((a, b) => a.left - b.left);
  }

  for (const lang of ['ar', 'he']) {
    it(`${lang}: the control bar is the English one mirrored, and the leave icon is flipped`, async () => {
      // The same language forced left to right by the page, so both bars hold the same widths.
      const name = uniqueRoomName('rtl');
      const ltr = mount(endpoint, name, 'Ada', lang);
      ltr.dir = 'ltr';
      const rtl = mount(endpoint, name, 'Bob', lang);
      await waitFor(
        () =>
          getComputedStyle(rtl).direction === 'rtl' &&
          joinText(rtl) !== 'Join' &&
          joinText(ltr) === joinText(rtl),
        {
          what: `the ${lang} rooms rendered`,
        },
      );
      const ltrBar = controlBar(ltr);
      const rtlBar = controlBar(rtl);
      expect(ltrBar[0]!.part).to.include('mic-button');
      expect(rtlBar.map((b) => b.part)).to.deep.equal([...ltrBar.map((b) => b.part)].reverse());
      // Each control is as far from the bar's right edge in RTL as from its left edge in LTR.
      const mirrored = [...rtlBar].reverse();
      ltrBar.forEach((button, i) => {
        expect(Math.abs(mirrored[i]!.right - button.left), `${button.part} mirrored`).to.be.below(1);
      });

      await Promise.all([ltr.join(), rtl.join()]);
      await waitFor(() => rtl.shadowRoot!.querySelector('[part~="leave-button"] svg'), {
        what: 'the leave button',
      });
      const icon = (room: CallsRoomElement) =>
        getComputedStyle(room.shadowRoot!.querySelector('[part~="leave-button"] svg')!).transform;
      expect(icon(ltr)).to.equal('none');
      expect(icon(rtl)).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    });
  }
});

function joinText(room: CallsRoomElement): string | undefined {
  return room.shadowRoot?.querySelector('[part~="join-button"]')?.textContent?.trim();
}
