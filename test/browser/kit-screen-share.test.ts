// <calls-screen-share-button> and the room's screen share, two participants in one page: the
// button sends its request (bubbling, composed, cancelable), the room shares the screen as its own
// track, the other participant's default view gets a screen tile that decodes at the captured size,
// and stopping (from the button, or the browser ending the capture) removes it. Chromium's fake
// capture (--use-fake-ui-for-media-stream) answers getDisplayMedia with the headless browser's own
// screen, whose size depends on the window (800×450 here; it was 1280×720 on other setups), so the
// test compares against the capture's own settings rather than a fixed size.
import { expect } from '@open-wc/testing';
import { firstValueFrom, of } from 'rxjs';
import '../../src/index.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import type { CallsScreenShareStartedEvent } from '../../src/events/screen-share-started.js';
import { CallsScreenShareToggleRequestEvent } from '../../src/events/screen-share-toggle-request.js';
import type { CallsButtonElement } from '../../src/internal/button-element.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  deepQuery,
  mountRoom,
  nextEvent,
  participantIdOf,
  removeRooms,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

async function nativeButton(element: CallsButtonElement): Promise<HTMLButtonElement> {
  await element.updateComplete;
  const button = element.shadowRoot?.querySelector<HTMLButtonElement>('[part="button"]');
  if (!button) throw new Error(`<${element.localName}> rendered no button`);
  return button;
}

/** The screen tile of `participantId` in a room's default view (inside its grid), if it shows one. */
function screenTile(room: CallsRoomElement, participantId: string): CallsTileElement | null {
  return (
    deepQuery<CallsTileElement>(room, `calls-tile[participant-id="${participantId}"][source="screen"]`) ??
    null
  );
}

/** Lets the room act: it handles a request in a microtask after the dispatch finished. */
const roomTurn = () => new Promise<void>((resolve) => queueMicrotask(() => queueMicrotask(resolve)));

/** The other side decodes the screen at the size it was captured (text stays legible). */
async function decodesAtCaptureSize(video: HTMLVideoElement, capture: MediaStreamTrack): Promise<void> {
  const { width, height } = capture.getSettings();
  expect(width, 'a real screen capture').to.be.at.least(640);
  await waitFor(() => video.videoWidth === width && video.videoHeight === height, {
    what: `the screen to arrive at its captured ${width}×${height}`,
    timeout: 30_000,
  });
  const frame = await waitForVideoFrames(video, 5, 30_000);
  expect([frame.width, frame.height]).to.deep.equal([width, height]);
}

describe('<calls-screen-share-button>', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(async () => {
    await removeRooms();
    for (const element of document.querySelectorAll('[data-kit-test]')) element.remove();
  });

  /** Ada (with an outside share button, by id) and Grace (default view), both joined. */
  async function twoInARoom() {
    const name = uniqueRoomName('screen');
    const ada = mountRoom({ endpoint, room: name, name: 'Ada' });
    ada.id = uniqueRoomName('ada');
    const grace = mountRoom({ endpoint, room: name, name: 'Grace' });
    const element = document.createElement('calls-screen-share-button');
    element.setAttribute('room', ada.id);
    element.dataset.kitTest = '';
    document.body.append(element);
    const button = await nativeButton(element);
    expect(button.disabled, 'disabled outside a call').to.equal(true);
    await ada.join();
    await grace.join();
    await waitFor(() => !button.disabled, { what: 'the button to enable once joined' });
    return { ada, grace, element, button, adaId: participantIdOf(ada) };
  }

  it('shares the screen as its own tile that the other participant decodes at full size, and stops', async () => {
    const { ada, grace, button, adaId } = await twoInARoom();
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.textContent?.trim()).to.equal('Share screen');

    const requests: Event[] = [];
    document.addEventListener('calls-screen-share-toggle-request', (event) => requests.push(event), {
      once: true,
    });
    const graceSaw = nextEvent<CallsScreenShareStartedEvent>(grace, 'calls-screen-share-started');
    const adaSaw = nextEvent<CallsScreenShareStartedEvent>(ada, 'calls-screen-share-started');
    button.click();
    expect(requests).to.have.length(1);
    const [request] = requests as [CustomEvent];
    expect([request.bubbles, request.composed, request.cancelable]).to.deep.equal([true, true, true]);
    expect(request.detail).to.deep.equal({ enabled: true });

    expect((await adaSaw).detail).to.deep.equal({ participantId: adaId, isSelf: true });
    expect((await graceSaw).detail).to.deep.equal({ participantId: adaId, isSelf: false });
    await waitFor(() => button.getAttribute('aria-pressed') === 'true', {
      what: 'the button to show sharing',
    });

    // Grace's view of Ada's presence record carries the screen in its own slot, beside the camera.
    const seen = await firstValueFrom(grace.model?.participant$(adaId) ?? of(undefined));
    expect(seen?.screenshareEnabled).to.equal(true);
    expect(seen?.tracks.screenshare?.sessionId).to.equal(seen?.sessionId);
    expect(seen?.tracks.screenshare?.trackName).to.not.equal(seen?.tracks.video?.trackName);

    const tile = await waitFor(() => screenTile(grace, adaId), { what: "Ada's screen tile on Grace's side" });
    const video = await waitFor(
      () => (tile.videoElement?.srcObject && !tile.videoElement.hidden ? tile.videoElement : undefined),
      {
        what: 'the screen tile to show video',
        timeout: 30_000,
      },
    );
    // Ada sees her own share as a tile too, from the local capture.
    const ownTile = await waitFor(() => screenTile(ada, adaId), { what: "Ada's own screen tile" });
    await waitFor(() => (ownTile.videoElement?.videoWidth ?? 0) > 0, { what: 'her own screen to play' });
    const capture = (ownTile.videoElement!.srcObject as MediaStream).getVideoTracks()[0]!;
    await decodesAtCaptureSize(video, capture);

    const stopped = nextEvent(grace, 'calls-screen-share-stopped');
    button.click();
    await stopped;
    await waitFor(() => screenTile(grace, adaId) === null, { what: 'the screen tile to go' });
    await waitFor(() => screenTile(ada, adaId) === null, { what: 'her own screen tile to go' });
    expect(ada.model?.screenShareEnabled).to.equal(false);
  });

  it('inside a room (by context): a cancelled request shares nothing; the browser ending the capture stops the share', async () => {
    const name = uniqueRoomName('screen-context');
    const ada = mountRoom({
      endpoint,
      room: name,
      name: 'Ada',
      inner: '<calls-screen-share-button></calls-screen-share-button>',
    });
    const grace = mountRoom({ endpoint, room: name, name: 'Grace' });
    await ada.join();
    await grace.join();
    const adaId = participantIdOf(ada);
    const element = ada.querySelector('calls-screen-share-button') as CallsButtonElement;
    const button = await nativeButton(element);
    await waitFor(() => !button.disabled, { what: 'the button to enable once joined' });

    document.addEventListener('calls-screen-share-toggle-request', (event) => event.preventDefault(), {
      once: true,
    });
    button.click();
    await roomTurn();
    expect(ada.model?.screenShareEnabled).to.equal(false);
    expect(button.getAttribute('aria-pressed')).to.equal('false');

    const started = nextEvent(grace, 'calls-screen-share-started');
    button.click();
    await started;
    const tile = await waitFor(() => screenTile(grace, adaId), { what: "Ada's screen tile" });
    await waitFor(() => (tile.videoElement?.videoWidth ?? 0) > 0, {
      what: 'the screen to decode',
      timeout: 30_000,
    });

    // What the browser's own "Stop sharing" does: it ends the captured tracks ('ended' fires; a page's
    // own stop() would not fire it). The room must notice by itself.
    const track = await firstValueFrom(ada.model?.screenShare.videoTrack$ ?? of(undefined));
    if (!track) throw new Error('Ada captures no screen');
    const stopped = nextEvent(grace, 'calls-screen-share-stopped');
    const adaStopped = nextEvent(ada, 'calls-screen-share-stopped');
    track.stop();
    track.dispatchEvent(new Event('ended'));
    await Promise.all([stopped, adaStopped]);
    await waitFor(() => screenTile(grace, adaId) === null, { what: 'the screen tile to go' });
    await waitFor(() => button.getAttribute('aria-pressed') === 'false', { what: 'the button to follow' });
    const record = await firstValueFrom(grace.model?.participant$(adaId) ?? of(undefined));
    expect(record?.tracks.screenshare ?? null).to.equal(null);
  });

  it('outside a call a share request is refused with screen_share_failed', async () => {
    const ada = mountRoom({ endpoint, room: uniqueRoomName('screen-outside'), name: 'Ada' });
    const error = nextEvent<Event & { code: string }>(ada, 'calls-error');
    ada.dispatchEvent(new CallsScreenShareToggleRequestEvent({ enabled: true }));
    expect((await error).code).to.equal('screen_share_failed');
  });
});
