// Windows high contrast (forced colours) and "reduce motion", emulated in Chromium: buttons keep an
// edge, the focus ring, pressed and switched-off states and the speaker's frame use the system's
// colours; spinners stand still, toasts appear without sliding and reactions fade in place. Evidence:
// the styles Chromium computes under each emulation, against the same element without it.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { waitFor } from './helpers/media.js';
import {
  deepQuery,
  defaultTile,
  kitButton,
  mountRoom,
  participantIdOf,
  removeRooms,
  uniqueRoomName,
} from './helpers/room.js';
import { refuseNewSockets, socketsOpenedDuring } from './helpers/sockets.js';
import { callsTestEnv } from './helpers/test-env.js';

/** What a system colour resolves to now (forced colours map the page's colours onto these). */
function systemColor(name: 'Highlight' | 'ButtonText'): string {
  const probe = document.createElement('div');
  probe.style.forcedColorAdjust = 'none';
  probe.style.backgroundColor = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return value;
}

const partIn = (element: Element | null, name: string) =>
  element?.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

describe('forced colours and reduced motion', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(async () => {
    await emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
    await removeRooms();
  });

  it('forced colours: edges, focus ring, pressed and off states, the speaking frame', async () => {
    const room = mountRoom({ endpoint, room: uniqueRoomName('forced'), name: 'Ada' });
    await room.join();
    const mic = await kitButton(room, 'calls-mic-button');
    const tile = await defaultTile(room, participantIdOf(room));
    expect(getComputedStyle(mic).borderTopWidth, 'no edge in normal colours').to.equal('0px');

    await emulateMedia({ forcedColors: 'active' });
    const highlight = systemColor('Highlight');
    const buttonText = systemColor('ButtonText');
    expect(getComputedStyle(mic).borderTopWidth).to.equal('1px');
    expect(getComputedStyle(mic).borderTopColor).to.equal(buttonText);

    mic.click();
    await waitFor(() => mic.getAttribute('aria-pressed') === 'false', { what: 'the microphone off' });
    expect(getComputedStyle(mic).backgroundColor, 'a switched-off mic stands out').to.equal(highlight);

    const hand = await kitButton(room, 'calls-hand-button');
    hand.click();
    await waitFor(() => hand.getAttribute('aria-pressed') === 'true', { what: 'the hand raised' });
    expect(getComputedStyle(hand).backgroundColor, 'a pressed button is highlighted').to.equal(highlight);

    const leave = await kitButton(room, 'calls-leave-button');
    leave.focus();
    expect(leave.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(leave).outlineStyle).to.equal('solid');
    expect(getComputedStyle(leave).outlineColor).to.equal(highlight);

    const frame = partIn(tile, 'base')!;
    expect(getComputedStyle(frame).outlineStyle, 'no frame while silent').to.equal('none');
    // The speaking state, as the tile reflects it (its own updates may clear it again in between:
    // set it again until the frame shows); the colour eases in over 120 ms.
    await waitFor(
      () => {
        if (!tile.speaking) (tile as CallsTileElement).speaking = true;
        const style = getComputedStyle(frame);
        return tile.speaking && style.outlineStyle === 'solid' && style.outlineColor === highlight;
      },
      { what: `the speaking frame, solid in Highlight (${highlight})` },
    );
  });

  it('reduced motion: still spinner, toasts without sliding, reactions that fade in place', async () => {
    const name = uniqueRoomName('motion');
    const ada = mountRoom({ endpoint, room: name, name: 'Ada' });
    const [socket] = await socketsOpenedDuring(() => ada.join());

    await emulateMedia({ reducedMotion: 'reduce' });
    const bob = mountRoom({ endpoint, room: name, name: 'Bob' });
    await bob.join();
    const toast = await waitFor(() => partIn(deepQuery(ada, 'calls-toasts'), 'toast'), {
      what: 'the toast that Bob joined',
    });
    expect(getComputedStyle(toast).animationName).to.equal('none');

    (await kitButton(ada, 'calls-reactions-button')).click();
    const emoji = await waitFor(() => partIn(deepQuery(ada, 'calls-reactions-button'), 'emoji'), {
      what: 'the emoji row',
    });
    emoji.click();
    const ownTile = await defaultTile(ada, participantIdOf(ada));
    const reaction = await waitFor(() => partIn(partIn(ownTile, 'overlay'), 'reaction'), {
      what: 'the reaction over her tile',
    });
    expect(getComputedStyle(reaction).animationName).to.equal('calls-reaction-still');

    const allowSockets = refuseNewSockets();
    try {
      socket!.close(3000, 'network went away');
      const spinner = await waitFor(() => partIn(deepQuery(ada, 'calls-connection-banner'), 'spinner'), {
        what: 'the reconnecting spinner',
      });
      expect(getComputedStyle(spinner).animationName).to.equal('none');
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(getComputedStyle(spinner).animationName, 'it turns otherwise').to.equal('calls-banner-spin');
    } finally {
      allowSockets();
    }
  });
});
