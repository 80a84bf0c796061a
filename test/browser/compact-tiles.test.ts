// People without a camera as compact tiles, with real rooms on the local SFU: when Bob turns his
// camera off, the viewer's grid shows him as a short compact tile (initials, name, a ring while his
// beep counts as speech) that pulls no video (the SFU's own session state), and the cameras left
// get the room; when his camera comes back, his full tile returns with decoded frames. In the
// speaker layout's filmstrip, a compact tile is a square, narrower than a camera's.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { firstValueFrom } from 'rxjs';
import { COMPACT_TILE } from '../../src/core/layout.js';
import { Room } from '../../src/core/room.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  deepQuery,
  defaultTile,
  mountRoom,
  participantIdOf,
  pulledVideoSessions,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('compact tiles for people without a camera', function () {
  this.timeout(180_000);
  const publishers: Room[] = [];

  afterEach(async () => {
    await Promise.all(publishers.splice(0).map((room) => room.leave()));
    await removeRooms();
  });

  async function setUp(layout: 'grid' | 'speaker') {
    const { sfu, backend } = await callsTestEnv();
    const room = uniqueRoomName(`compact-${layout}`);
    const viewer = mountRoom({ endpoint: backend.endpoint, room, name: 'Ada' });
    viewer.style.width = '720px';
    viewer.style.height = '560px';
    viewer.layout = layout;
    // Only Bob is heard: his beep, not the viewer's, makes someone speak.
    viewer.media.setMicEnabled(false);
    await viewer.join();
    const bob = new Room({
      endpoint: backend.endpoint,
      room,
      displayName: 'Bob',
      localMedia: { camera: { width: 320, height: 180, frameRate: 10 } },
      simulcast: false,
      // Chromium's fake microphone beeps for ~20 ms now and then: count a beep as speech and hold it.
      speaking: { attackMs: 0, releaseMs: 2_000 },
    });
    publishers.push(bob);
    await bob.join();
    const bobId = bob.participantId as string;
    const bobSession = await waitFor(
      async () => (await firstValueFrom(viewer.model!.participants$)).find((p) => p.id === bobId)?.sessionId,
      { what: "Bob's media session in the viewer's room", timeout: 30_000 },
    );
    return { sfu, viewer, bob, bobId, bobSession };
  }

  it('in the grid: camera off gives a compact tile that pulls nothing; camera on brings the full tile back', async () => {
    const { sfu, viewer, bob, bobId, bobSession } = await setUp('grid');
    const tile = await defaultTile(viewer, bobId);
    await waitForVideoFrames(await tileVideo(tile, 30_000), 3, 30_000);
    const fullHeight = tile.getBoundingClientRect().height;
    expect(tile.compact).to.equal(false);
    const ownTile = await defaultTile(viewer, participantIdOf(viewer));
    const ownWidthBefore = ownTile.getBoundingClientRect().width;

    bob.setCameraEnabled(false);
    await waitFor(() => tile.compact, { what: "Bob's tile to turn compact" });
    await waitFor(async () => !(await pulledVideoSessions(sfu, viewer)).includes(bobSession), {
      what: "the SFU to stop forwarding Bob's video to the viewer",
      timeout: 30_000,
    });
    await waitFor(() => Math.round(tile.getBoundingClientRect().height) === COMPACT_TILE.height, {
      what: `Bob's tile to be ${COMPACT_TILE.height} px tall`,
    });
    expect(tile.getBoundingClientRect().height).to.be.lessThan(fullHeight / 2);
    expect(tile.videoElement?.hidden, 'no video in a compact tile').to.equal(true);
    const initials = tile.shadowRoot!.querySelector<HTMLElement>('[part="initials"]')!;
    expect(initials.textContent).to.equal('B');
    expect(tile.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal('Bob');
    // Below the cameras, and the camera left (the viewer's own) grew into the room Bob gave up.
    await waitFor(() => tile.getBoundingClientRect().top >= ownTile.getBoundingClientRect().bottom, {
      what: "Bob's compact tile below the cameras",
    });
    expect(ownTile.getBoundingClientRect().width).to.be.greaterThan(ownWidthBefore);

    // His beep counts as speech: the ring round his initials shows it.
    await waitFor(() => tile.speaking, { what: 'Bob to speak', timeout: 30_000 });
    expect(getComputedStyle(initials).boxShadow).to.not.equal('none');
    bob.setMicEnabled(false);
    await waitFor(() => tile.muted && !tile.speaking, { what: 'Bob muted, not speaking' });
    const mutedIcon = tile.shadowRoot!.querySelector<HTMLElement>('[part="muted-indicator"]')!;
    expect(mutedIcon.hidden).to.equal(false);
    expect(getComputedStyle(initials).boxShadow).to.equal('none');

    bob.setCameraEnabled(true);
    await waitFor(() => !tile.compact, { what: "Bob's full tile to come back" });
    const frame = await waitForVideoFrames(await tileVideo(tile, 30_000), 3, 30_000);
    expect(frame.width).to.be.greaterThan(0);
    expect(await pulledVideoSessions(sfu, viewer)).to.include(bobSession);
    expect(tile.getBoundingClientRect().height).to.be.greaterThan(COMPACT_TILE.height * 1.5);
  });

  it('in the speaker layout: a filmstrip tile without a camera is a compact square', async () => {
    const { viewer, bobId } = await setUp('speaker');
    const layout = await waitFor(() => deepQuery(viewer, 'calls-speaker-layout'), {
      what: 'the speaker layout',
    });
    const main = await waitFor(
      () => layout.shadowRoot?.querySelector<CallsTileElement>('[part="main-tile"]'),
      { what: 'the main tile' },
    );
    await waitFor(() => main.participantId === bobId, { what: 'Bob in the main area' });
    const own = await waitFor(
      () => layout.shadowRoot?.querySelector<CallsTileElement>('[part="filmstrip-tile"]'),
      { what: 'the viewer in the filmstrip' },
    );
    await waitForVideoFrames(await tileVideo(own, 30_000), 2, 30_000);
    const cameraWidth = own.getBoundingClientRect().width;

    viewer.media.setCameraEnabled(false);
    await waitFor(() => own.compact, { what: "the viewer's own filmstrip tile to turn compact" });
    await waitFor(() => own.getBoundingClientRect().width < cameraWidth * 0.75, {
      what: 'the compact filmstrip tile to be narrower',
    });
    const rect = own.getBoundingClientRect();
    expect(Math.round(rect.width)).to.equal(Math.round(rect.height));
    expect(own.videoElement?.hidden).to.equal(true);
    expect(main.compact, 'the main tile is never compact').to.equal(false);
  });
});
