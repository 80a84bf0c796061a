// The high-level theme tokens: `--calls-surface` sets the background and derives the tiles' and
// controls' backgrounds from it; `--calls-density` scales the gaps; with neither set the defaults
// stay as they were; the light or dark fallbacks follow the visitor or a fixed scheme. Evidence: the colours and gaps Chromium computes inside the default meeting.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { waitFor } from './helpers/media.js';
import {
  deepQuery,
  kitButton,
  mountRoom,
  participantIdOf,
  removeRooms,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** What Chromium computes for `background` written as `value` on a plain element. */
function computedBackground(value: string): string {
  const probe = document.createElement('div');
  probe.style.background = value;
  document.body.append(probe);
  const computed = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return computed;
}

describe('theme tokens', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(removeRooms);

  async function joinedRoom(style: string) {
    const room = mountRoom({ endpoint, room: uniqueRoomName('tokens'), name: 'Ada' });
    room.style.cssText += style;
    await room.join();
    // Camera off, so the tile shows its placeholder (on the tile background).
    (await kitButton(room, 'calls-camera-button')).click();
    const tile = await waitFor(
      () => deepQuery(room, `calls-tile[participant-id="${participantIdOf(room)}"]`),
      {
        what: 'your tile',
      },
    );
    const placeholder = await waitFor(
      () => {
        const element = tile.shadowRoot?.querySelector<HTMLElement>('[part="placeholder"]');
        return element && !element.hidden ? element : undefined;
      },
      { what: 'the placeholder' },
    );
    const mic = await kitButton(room, 'calls-mic-button');
    const tiles = deepQuery(room, '[part="tiles"]')!;
    return { room, placeholder, mic, tiles };
  }

  it('without tokens the defaults are unchanged', async () => {
    const { room, placeholder, mic, tiles } = await joinedRoom('');
    expect(getComputedStyle(room).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(placeholder).backgroundColor).to.equal('rgb(232, 234, 239)');
    expect(getComputedStyle(mic).backgroundColor).to.equal('rgb(238, 240, 244)');
    expect(getComputedStyle(tiles).columnGap).to.equal('8px');
  });

  it('--calls-surface and --calls-density set the surfaces and gaps they derive', async () => {
    const { room, placeholder, mic, tiles } = await joinedRoom(
      '--calls-surface: rgb(250, 240, 230); --calls-density: 2;',
    );
    expect(getComputedStyle(room).backgroundColor).to.equal('rgb(250, 240, 230)');
    expect(getComputedStyle(placeholder).backgroundColor).to.equal(
      computedBackground('color-mix(in srgb, rgb(250, 240, 230) 88%, #1d1f24)'),
    );
    expect(getComputedStyle(mic).backgroundColor).to.equal(
      computedBackground('color-mix(in srgb, rgb(250, 240, 230) 92%, #1d1f24)'),
    );
    expect(getComputedStyle(tiles).columnGap).to.equal('16px');
    expect(getComputedStyle(room).rowGap, "the meeting's own gaps").to.equal('16px');
  });

  it('--calls-surface with --calls-foreground is a whole dark theme: controls and secondary text follow', async () => {
    const { room, mic } = await joinedRoom(
      '--calls-surface: rgb(21, 23, 28); --calls-foreground: rgb(236, 238, 242);',
    );
    expect(getComputedStyle(room).backgroundColor).to.equal('rgb(21, 23, 28)');
    expect(getComputedStyle(mic).color, "the controls' text").to.equal('rgb(236, 238, 242)');
    const probe = document.createElement('div');
    probe.style.color = 'color-mix(in srgb, rgb(236, 238, 242) 72%, rgb(21, 23, 28))';
    document.body.append(probe);
    const expected = getComputedStyle(probe).color;
    probe.remove();
    const chat = deepQuery(room, 'calls-chat')!;
    chat.hidden = false;
    const empty = await waitFor(() => chat.shadowRoot?.querySelector<HTMLElement>('[part="empty"]'), {
      what: "the chat's empty note",
    });
    expect(getComputedStyle(empty).color, 'the secondary text').to.equal(expected);
  });

  it('colours follow the visitor’s scheme, unless --calls-color-scheme or the color-scheme attribute fixes one', async () => {
    const light = { background: 'rgb(255, 255, 255)', control: 'rgb(238, 240, 244)' };
    const dark = { background: 'rgb(21, 23, 28)', control: 'rgb(44, 49, 59)' };
    const colours = (room: HTMLElement, mic: HTMLElement) => ({
      background: getComputedStyle(room).backgroundColor,
      control: getComputedStyle(mic).backgroundColor,
    });
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const { room, mic } = await joinedRoom('');
      expect(colours(room, mic), 'the visitor prefers dark').to.deep.equal(dark);
      room.setAttribute('color-scheme', 'light');
      expect(colours(room, mic), 'color-scheme="light" on the room').to.deep.equal(light);
      room.removeAttribute('color-scheme');
      // Inherited through every shadow root below, as a page would set it on an ancestor.
      document.body.style.setProperty('--calls-color-scheme', 'light');
      expect(colours(room, mic), '--calls-color-scheme on <body>').to.deep.equal(light);
      await emulateMedia({ colorScheme: 'light' });
      document.body.style.setProperty('--calls-color-scheme', 'dark');
      expect(colours(room, mic), 'the visitor prefers light, the page says dark').to.deep.equal(dark);
    } finally {
      document.body.style.removeProperty('--calls-color-scheme');
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});
