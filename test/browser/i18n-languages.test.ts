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
import { deepQuery, mountRoom, participantIdOf, removeRooms, uniqueRoomName } from './helpers/room.js';
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
      const check = async (element: Element, what: string) => {
        const texts = allText(element);
        expect(englishLeftIn(texts, t), `${what}: English left`).to.deep.equal([]);
        // The device pickers show the labels the browser gives its devices (Chromium's fake
        // "Fake Default Audio Input"): names like the people's, not our text.
        const devices = (await navigator.mediaDevices.enumerateDevices()).map((device) => device.label);
        if (nonLatin.has(code))
          expect(latinWordsIn(texts, [...names, ...devices]), `${what}: Latin words left`).to.deep.equal([]);
      };

      // The detector itself: untranslated English is caught.
      expect(englishLeftIn(['Raise hand', 'Bob (you)', '3 unread messages'], t)).to.have.length(3);

      // The element loads its language by itself from its own `lang`.
      const ada = mount(endpoint, room, 'Ada', t.$code);
      await waitFor(() => allText(ada).includes(t.join), {
        what: `the ${code} Join button`,
        timeout: 20_000,
      });
      await check(ada, 'lobby');

      await ada.join();
      const bobId = participantIdOf(bob);
      await waitFor(() => deepQuery(ada, `calls-tile[participant-id="${bobId}"]`), {
        what: "Bob's tile",
        timeout: 30_000,
      });
      await waitFor(() => allText(ada).includes(t.leave), { what: 'the Leave button' });
      await check(ada, 'meeting');

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
      await check(kit, 'kit lobby');
      await kit.join();
      await waitFor(() => allText(kit).some((x) => x.includes('Bob')), {
        what: 'Bob in the participant list',
        timeout: 30_000,
      });
      await check(kit, 'kit meeting');
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

  const joinLabel = joinText;

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
    // The lobby's mic and camera controls, two shadow roots down, are laid out right to left too.
    const controls = await waitFor(
      () => deepQuery(room, 'calls-lobby')?.shadowRoot?.querySelector('[part="controls"]'),
      {
        what: "the lobby's controls",
      },
    );
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

  /**
   * The default meeting's controls (the kit buttons in its <calls-control-bar>), each by its tag,
   * with its native button's box relative to the bar's toolbar, left to right and line by line
   * on screen (a narrow room wraps the bar).
   */
  function controlBar(room: CallsRoomElement) {
    const controlBarElement = deepQuery(room, 'calls-control-bar')!;
    const bar = controlBarElement.shadowRoot!.querySelector<HTMLElement>('[part="bar"]')!;
    const barBox = bar.getBoundingClientRect();
    return [...controlBarElement.children]
      .map((control) => {
        const button = control.shadowRoot?.querySelector<HTMLElement>('[part="button"]');
        const box = button?.getBoundingClientRect();
        return box && box.width > 0
          ? {
              part: control.localName,
              top: Math.round(box.top - barBox.top),
              left: box.left - barBox.left,
              right: barBox.right - box.right,
            }
          : undefined;
      })
      .filter((control) => control !== undefined)
      .sort((a, b) => a.top - b.top || a.left - b.left);
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
      // The control bar is the meeting's: join, then wait for every control of both bars.
      await Promise.all([ltr.join(), rtl.join()]);
      const leaveIcon = (room: CallsRoomElement) =>
        deepQuery(room, 'calls-leave-button')?.shadowRoot?.querySelector('svg') ?? undefined;
      await waitFor(
        () => leaveIcon(ltr) && leaveIcon(rtl) && controlBar(ltr).length === controlBar(rtl).length,
        {
          what: 'both control bars',
        },
      );
      const ltrBar = controlBar(ltr);
      const rtlBar = controlBar(rtl);
      expect(ltrBar[0]!.part).to.include('mic-button');
      // Line by line, the RTL bar holds the LTR bar's controls in reverse order.
      const lines = (bar: typeof ltrBar) =>
        [...new Set(bar.map((b) => b.top))].map((top) => bar.filter((b) => b.top === top).map((b) => b.part));
      expect(lines(rtlBar)).to.deep.equal(lines(ltrBar).map((line) => [...line].reverse()));
      // Each control is as far from the bar's right edge in RTL as from its left edge in LTR.
      for (const button of ltrBar) {
        const mirrored = rtlBar.find((b) => b.part === button.part)!;
        expect(Math.abs(mirrored.right - button.left), `${button.part} mirrored`).to.be.below(1);
      }

      const icon = (room: CallsRoomElement) => getComputedStyle(leaveIcon(room)!).transform;
      expect(icon(ltr)).to.equal('none');
      expect(icon(rtl)).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    });
  }
});

/** The label of the lobby's Join button (a native button in <calls-join-button>'s shadow root). */
function joinText(room: CallsRoomElement): string | undefined {
  return deepQuery(room, 'calls-join-button')
    ?.shadowRoot?.querySelector('[part="button"]')
    ?.textContent?.trim();
}
