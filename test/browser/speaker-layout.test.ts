// <calls-speaker-layout> with real rooms through the local SFU: the fake microphone's beep makes
// a participant the active speaker and the layout shows them large; a pin overrides the speaker;
// the filmstrip's tiles scrolled out of view pull no video (the SFU's own session state), and
// scrolling it moves the pulls. Publishers have small single-layer cameras and start muted, so only
// the one unmuted is heard (their speech detection is set to hear the fake mic's short beeps).
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { firstValueFrom } from 'rxjs';
import { Room } from '../../src/core/room.js';
import { SPEAKER_HOLD_MS } from '../../src/core/spotlight.js';
import type { CallsSpeakerLayoutElement } from '../../src/elements/calls-speaker-layout/calls-speaker-layout.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import { mountRoom, pulledVideoSessions, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

const PUBLISHERS = 3;

describe('<calls-speaker-layout>', function () {
  this.timeout(240_000);
  const publishers: Room[] = [];

  afterEach(async () => {
    await Promise.all(publishers.splice(0).map((room) => room.leave()));
    await removeRooms();
  });

  async function setUp(width: number) {
    const { sfu, backend } = await callsTestEnv();
    const room = uniqueRoomName('speaker');
    const viewer = mountRoom({
      endpoint: backend.endpoint,
      room,
      name: 'Viewer',
      inner: '<calls-speaker-layout style="height:420px"></calls-speaker-layout>',
    });
    viewer.style.width = `${width}px`;
    // The viewer listens only: its own beep must not make it the speaker.
    viewer.media.setMicEnabled(false);
    await viewer.join();
    for (let index = 0; index < PUBLISHERS; index++) {
      publishers.push(
        new Room({
          endpoint: backend.endpoint,
          room,
          displayName: `Publisher ${index + 1}`,
          localMedia: { audio: false, camera: { width: 160, height: 90, frameRate: 10 } },
          simulcast: false,
          // Chromium's fake microphone beeps for about 20 ms now and then: count one beep as speech
          // (no attack time) and hold it over the gap to the next, so a beeping mic "talks".
          speaking: { attackMs: 0, releaseMs: 2_000 },
        }),
      );
    }
    await Promise.all(publishers.map((publisher) => publisher.join()));
    const layout = viewer.querySelector<CallsSpeakerLayoutElement>('calls-speaker-layout')!;
    const sessionOf = new Map<string, string>();
    await waitFor(
      async () => {
        const people = await firstValueFrom(viewer.model!.participants$);
        for (const person of people) if (person.sessionId) sessionOf.set(person.id, person.sessionId);
        return sessionOf.size === PUBLISHERS + 1;
      },
      { what: 'every publisher in the viewer’s room with a media session', timeout: 60_000 },
    );
    return { sfu, viewer, layout, sessionOf };
  }

  const mainTile = (layout: CallsSpeakerLayoutElement) =>
    layout.shadowRoot!.querySelector<CallsTileElement>('[part="main-tile"]');

  it('shows the speaking participant large, and a pin overrides the speaker', async () => {
    const { viewer, layout } = await setUp(780);
    const [first, second] = publishers as [Room, Room];

    first.setMicEnabled(true);
    await waitFor(async () => (await firstValueFrom(viewer.model!.activeSpeaker$)) === first.participantId, {
      what: 'the viewer’s room to hear publisher 1 as the active speaker',
      timeout: 30_000,
    });
    // From the room naming a new speaker, the layout takes at most its hold (1.5 s) to follow.
    await waitFor(() => mainTile(layout)?.participantId === first.participantId, {
      what: 'publisher 1 large',
      timeout: 2_000,
    });
    const video = await waitFor(
      () => mainTile(layout)?.videoElement?.srcObject && mainTile(layout)!.videoElement,
      {
        what: 'video in the large tile',
        timeout: 30_000,
      },
    );
    expect((await waitForVideoFrames(video!, 2, 30_000)).width).to.equal(160);

    // The next speaker takes over once publisher 1 has had the hold.
    first.setMicEnabled(false);
    second.setMicEnabled(true);
    await waitFor(async () => (await firstValueFrom(viewer.model!.activeSpeaker$)) === second.participantId, {
      what: 'the viewer’s room to hear publisher 2 as the active speaker',
      timeout: 30_000,
    });
    await waitFor(() => mainTile(layout)?.participantId === second.participantId, {
      what: 'publisher 2 large',
      timeout: SPEAKER_HOLD_MS + 500,
    });

    // Pin publisher 3 from the pin button on their filmstrip tile: they are large while 2 speaks.
    const third = publishers[2]!;
    const strip = () => [...layout.shadowRoot!.querySelectorAll<CallsTileElement>('[part="filmstrip-tile"]')];
    const thirdTile = strip().find((tile) => tile.participantId === third.participantId)!;
    const pinButton = await waitFor(
      () =>
        thirdTile.shadowRoot
          ?.querySelector('calls-tile-overlay')
          ?.shadowRoot?.querySelector<HTMLButtonElement>('[part="pin-button"]'),
      { what: 'the pin button on publisher 3’s tile' },
    );
    const requests: unknown[] = [];
    viewer.addEventListener('calls-pin-request', (event) => requests.push(event.detail));
    pinButton.click();
    expect(requests).to.deep.equal([{ participantId: third.participantId, pinned: true }]);
    await waitFor(() => mainTile(layout)?.participantId === third.participantId, {
      what: 'the pinned person large',
    });
    const largePin = await waitFor(
      () =>
        mainTile(layout)
          ?.shadowRoot?.querySelector('calls-tile-overlay')
          ?.shadowRoot?.querySelector<HTMLButtonElement>('[part="pin-button"]'),
      { what: 'the pin button on the large tile' },
    );
    await waitFor(() => largePin.getAttribute('aria-pressed') === 'true', {
      what: 'the pin shown as pressed',
    });
    expect(await firstValueFrom(viewer.model!.activeSpeaker$)).to.equal(second.participantId);

    // A cancelled pin request changes nothing; unpinning brings the speaker back.
    const cancel = (event: Event) => event.preventDefault();
    viewer.addEventListener('calls-pin-request', cancel, { once: true });
    largePin.click();
    await layout.updateComplete;
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    expect(mainTile(layout)?.participantId).to.equal(third.participantId);
    largePin.click();
    await waitFor(() => mainTile(layout)?.participantId === second.participantId, {
      what: 'the speaker back after unpinning',
    });
  });

  it('pulls no video for filmstrip tiles scrolled out of view, and moves the pulls with the scroll', async () => {
    // 460 px wide: the strip (less its two 44 px buttons) holds about two of its 199 px tiles.
    const { sfu, viewer, layout, sessionOf } = await setUp(460);
    const filmstrip = layout.shadowRoot!.querySelector<HTMLElement>('[part="filmstrip"]')!;
    const self = viewer.model!.participantId;

    /** The remote sessions on screen: the large tile and the strip's tiles inside the strip's box. */
    const onScreen = () => {
      const box = filmstrip.getBoundingClientRect();
      const strip = [...layout.shadowRoot!.querySelectorAll<CallsTileElement>('[part="filmstrip-tile"]')];
      const shown = strip.filter((tile) => {
        const rect = tile.getBoundingClientRect();
        return rect.right > box.left + 1 && rect.left < box.right - 1;
      });
      const hidden = strip.filter((tile) => !shown.includes(tile) && tile.participantId !== self);
      const remote = [mainTile(layout)!, ...shown].filter((tile) => tile.participantId !== self);
      return { remote, hidden, sessions: remote.map((tile) => sessionOf.get(tile.participantId)!).sort() };
    };

    const expectOnScreenPulled = async (what: string) => {
      const { remote, hidden, sessions } = onScreen();
      expect(hidden.length, 'some tile is out of the strip').to.be.greaterThan(0);
      await waitFor(
        async () => JSON.stringify(await pulledVideoSessions(sfu, viewer)) === JSON.stringify(sessions),
        {
          what: `the SFU to forward exactly the cameras on screen (${what})`,
          timeout: 60_000,
        },
      );
      for (const tile of remote) {
        const video = await waitFor(() => (tile.videoElement?.srcObject ? tile.videoElement : undefined), {
          what: `video in ${tile.participantId}'s tile`,
          timeout: 30_000,
        });
        await waitForVideoFrames(video, 2, 30_000);
      }
      return hidden.map((tile) => tile.participantId);
    };

    await waitFor(() => mainTile(layout) !== null, { what: 'a large tile' });
    const hiddenAtStart = await expectOnScreenPulled('at the start');

    layout.shadowRoot!.querySelector<HTMLButtonElement>('[data-scroll="next"]')!.click();
    await waitFor(() => onScreen().remote.some((tile) => hiddenAtStart.includes(tile.participantId)), {
      what: 'the strip scrolled to a tile that was out of view',
    });
    await waitFor(() => filmstrip.scrollLeft + filmstrip.clientWidth >= filmstrip.scrollWidth - 1, {
      what: 'the strip at its end',
    });
    const { sessions } = onScreen();
    await waitFor(
      async () => JSON.stringify(await pulledVideoSessions(sfu, viewer)) === JSON.stringify(sessions),
      {
        what: 'the SFU to forward the cameras on screen after scrolling',
        timeout: 60_000,
      },
    );
  });
});
