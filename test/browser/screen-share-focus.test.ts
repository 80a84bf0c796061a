// Screen-share focus in <calls-speaker-layout>, with real media through the local SFU: when Ada
// shares her screen, the viewer's main area switches to it and decodes it at the size it was
// captured; when Grace shares too, the newest share takes the main area and the share buttons
// switch back to Ada's; when both stop, the main area returns to the speaker's camera (Grace's). Chromium's
// fake capture gives the headless window's own screen, so sizes are read from the capture itself.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { firstValueFrom } from 'rxjs';
import { Room } from '../../src/core/room.js';
import type { CallsSpeakerLayoutElement } from '../../src/elements/calls-speaker-layout/calls-speaker-layout.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import { mountRoom, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('screen-share focus in the speaker layout', function () {
  this.timeout(240_000);
  const sharers: Room[] = [];

  afterEach(async () => {
    await Promise.all(sharers.splice(0).map((room) => room.leave()));
    await removeRooms();
  });

  it('puts a share in the main area, switches between two, and returns to the speaker after', async () => {
    const { backend } = await callsTestEnv();
    const name = uniqueRoomName('share-focus');
    const viewer = mountRoom({
      endpoint: backend.endpoint,
      room: name,
      name: 'Viewer',
      inner: '<calls-speaker-layout style="height:420px"></calls-speaker-layout>',
    });
    viewer.style.width = '640px';
    viewer.media.setMicEnabled(false);
    await viewer.join();
    // Grace's fake microphone beeps (counted as speech, held between beeps) and Ada's is off, so
    // Grace is the speaker; without one the layout would show Ada, the first to join.
    for (const displayName of ['Ada', 'Grace']) {
      sharers.push(
        new Room({
          endpoint: backend.endpoint,
          room: name,
          displayName,
          localMedia: {
            audio: displayName === 'Grace',
            camera: { width: 320, height: 180, frameRate: 10 },
          },
          simulcast: false,
          speaking: { attackMs: 0, releaseMs: 2_000 },
        }),
      );
    }
    const [ada, grace] = sharers as [Room, Room];
    await Promise.all([ada.join(), grace.join()]);
    const adaId = ada.participantId as string;
    const graceId = grace.participantId as string;
    const layout = viewer.querySelector<CallsSpeakerLayoutElement>('calls-speaker-layout')!;
    const main = () => layout.shadowRoot?.querySelector<CallsTileElement>('[part="main-tile"]') ?? null;
    const showsLarge = (participantId: string, source: 'camera' | 'screen') => {
      const tile = main();
      return tile?.participantId === participantId && tile.source === source ? tile : undefined;
    };

    /** The main tile decodes `sharer`'s screen at the size it was captured. */
    const decodesShareOf = async (sharer: Room, participantId: string) => {
      const tile = await waitFor(() => showsLarge(participantId, 'screen'), {
        what: `${participantId}'s screen in the main area`,
        timeout: 30_000,
      });
      const capture = await waitFor(() => firstValueFrom(sharer.screenShare.videoTrack$), {
        what: 'the capture',
      });
      const { width, height } = capture.getSettings();
      expect(width, 'a real screen capture').to.be.at.least(640);
      const video = await waitFor(
        () => (tile.videoElement?.srcObject && !tile.videoElement.hidden ? tile.videoElement : undefined),
        { what: 'the main tile to show the screen', timeout: 30_000 },
      );
      await waitFor(() => video.videoWidth === width && video.videoHeight === height, {
        what: `the screen at its captured ${width}×${height}`,
        timeout: 30_000,
      });
      const frame = await waitForVideoFrames(video, 3, 30_000);
      expect([frame.width, frame.height]).to.deep.equal([width, height]);
    };

    // Before any share: the speaker's camera is large.
    await waitFor(() => showsLarge(graceId, 'camera'), {
      what: 'Grace, speaking, in the main area',
      timeout: 30_000,
    });

    ada.setScreenShareEnabled(true);
    await decodesShareOf(ada, adaId);
    expect(layout.shadowRoot!.querySelector('[part="shares"]'), 'no switcher for one share').to.equal(null);

    grace.setScreenShareEnabled(true);
    await decodesShareOf(grace, graceId);
    const buttons = await waitFor(
      () => {
        const found = [...layout.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="share-button"]')];
        return found.length === 2 ? found : undefined;
      },
      { what: 'a button per share' },
    );
    const adaButton = buttons.find((button) => button.dataset.sharer === adaId)!;
    const graceButton = buttons.find((button) => button.dataset.sharer === graceId)!;
    expect(graceButton.getAttribute('aria-pressed'), 'the newest share is shown').to.equal('true');
    adaButton.click();
    await decodesShareOf(ada, adaId);
    await waitFor(() => adaButton.getAttribute('aria-pressed') === 'true', { what: "Ada's button pressed" });
    expect(graceButton.getAttribute('aria-pressed')).to.equal('false');
    // Grace's share left the main area for the filmstrip.
    const strip = [...layout.shadowRoot!.querySelectorAll<CallsTileElement>('[part="filmstrip-tile"]')];
    expect(strip.some((tile) => tile.participantId === graceId && tile.source === 'screen')).to.equal(true);

    grace.setScreenShareEnabled(false);
    await waitFor(() => layout.shadowRoot!.querySelector('[part="shares"]') === null, {
      what: 'the switcher to go with the second share',
    });
    expect(showsLarge(adaId, 'screen'), 'the chosen share stays').to.not.equal(undefined);

    ada.setScreenShareEnabled(false);
    const speaker = await waitFor(() => showsLarge(graceId, 'camera'), {
      what: 'the speaker’s camera back in the main area',
      timeout: 30_000,
    });
    const video = await waitFor(
      () =>
        speaker.videoElement?.srcObject && !speaker.videoElement.hidden ? speaker.videoElement : undefined,
      { what: 'the speaker’s camera to show', timeout: 30_000 },
    );
    const frame = await waitForVideoFrames(video, 3, 30_000);
    expect(frame.width).to.equal(320);
    expect(layout.shadowRoot!.querySelector('calls-tile[source="screen"]'), 'no share left').to.equal(null);
  });
});
