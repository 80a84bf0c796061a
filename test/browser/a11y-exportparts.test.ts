// The default meeting of <calls-room> and <calls-meeting> re-exports its tiles' and controls' parts:
// a page's own `calls-room::part(tile-name)` rule reaches the name inside a tile, three shadow roots
// down. Evidence: the style Chromium computes for the element inside.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsMeetingElement } from '../../src/elements/calls-meeting/calls-meeting.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import { waitFor } from './helpers/media.js';
import { deepQuery, kitButton, mountRoom, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

const pageStyles = `
  calls-room::part(tile-name), calls-meeting::part(tile-name) { color: rgb(1, 2, 3); }
  calls-room::part(tile-label) { background-color: rgb(4, 5, 6); }
  calls-room::part(control), calls-meeting::part(control) { background-color: rgb(7, 8, 9); }
  calls-room::part(leave-button), calls-meeting::part(leave-button) { background-color: rgb(10, 11, 12); }
  calls-meeting::part(settings-button) { background-color: rgb(13, 14, 15); }
`;

/** What the page's stylesheet made of a part inside the meeting's first tile. */
async function tileStyleOf(root: Element, part: string, property: 'color' | 'backgroundColor') {
  const element = await waitFor(
    () => deepQuery(root, 'calls-tile')?.shadowRoot?.querySelector(`[part="${part}"]`),
    { what: `the tile's ${part}` },
  );
  return getComputedStyle(element)[property];
}

describe('exportparts of the default meeting', () => {
  let endpoint: string;
  let style: HTMLStyleElement;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
    style = document.createElement('style');
    style.textContent = pageStyles;
    document.head.append(style);
  });

  after(() => style.remove());

  afterEach(async () => {
    await removeRooms();
    for (const meeting of document.querySelectorAll('calls-meeting')) meeting.remove();
  });

  it('<calls-room>: a page styles the tiles and the controls with ::part()', async () => {
    const room: CallsRoomElement = mountRoom({ endpoint, room: uniqueRoomName('parts'), name: 'Ada' });
    await room.join();
    expect(await tileStyleOf(room, 'name', 'color')).to.equal('rgb(1, 2, 3)');
    expect(await tileStyleOf(room, 'label', 'backgroundColor')).to.equal('rgb(4, 5, 6)');
    const mic = await kitButton(room, 'calls-mic-button');
    expect(getComputedStyle(mic).backgroundColor).to.equal('rgb(7, 8, 9)');
    const leave = await kitButton(room, 'calls-leave-button');
    expect(getComputedStyle(leave).backgroundColor, 'the specific part wins').to.equal('rgb(10, 11, 12)');
  });

  it('<calls-meeting>: the same parts, from outside the meeting', async () => {
    const meeting = document.createElement('calls-meeting') as CallsMeetingElement;
    meeting.endpoint = endpoint;
    meeting.room = uniqueRoomName('parts-meeting');
    meeting.displayName = 'Ada';
    document.body.append(meeting);
    await meeting.join();
    expect(await tileStyleOf(meeting, 'name', 'color')).to.equal('rgb(1, 2, 3)');
    const camera = await kitButton(meeting, 'calls-camera-button');
    expect(getComputedStyle(camera).backgroundColor).to.equal('rgb(7, 8, 9)');
    expect(getComputedStyle(await kitButton(meeting, 'calls-leave-button')).backgroundColor).to.equal(
      'rgb(10, 11, 12)',
    );
    const trigger = await waitFor(
      () => deepQuery(meeting, 'calls-settings')?.shadowRoot?.querySelector('[part="trigger"]'),
      { what: 'the settings button' },
    );
    expect(getComputedStyle(trigger).backgroundColor).to.equal('rgb(13, 14, 15)');
  });
});
