// A pull whose negotiation fails: partytracks schedules the request, the request fails, and the
// pull's observable never hears of it (no track, no error). The room makes such a pull again once
// it has waited long enough, so the video still comes. Here the first request that pulls the other
// participant's camera fails the way a dropped connection to the backend does.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { filter, firstValueFrom } from 'rxjs';
import type { RoomEvent } from '../../src/core/room.js';
import { waitForVideoFrames } from './helpers/media.js';
import {
  defaultTile,
  mountRoom,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** Fails the first request that pulls `trackName`; `restore` undoes it. */
function failFirstPullOf(trackName: string): { failed: () => boolean; restore: () => void } {
  const original = window.fetch;
  let failed = false;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const body = typeof init?.body === 'string' ? init.body : '';
    if (!failed && url.includes('/tracks/new') && body.includes(`"trackName":"${trackName}"`)) {
      failed = true;
      return Promise.reject(new TypeError('Failed to fetch'));
    }
    return original(input, init);
  };
  return { failed: () => failed, restore: () => (window.fetch = original) };
}

describe('a pull that never delivers its track', () => {
  afterEach(removeRooms);

  it('is made again, and the video comes', async function () {
    this.timeout(60_000);
    const { backend } = await callsTestEnv();
    const room = uniqueRoomName('stuck-pull');
    const ada = mountRoom({ endpoint: backend.endpoint, room, name: 'Ada' });
    await ada.join();
    const adaId = participantIdOf(ada);
    const adaVideo = (await firstValueFrom(
      ada.model!.self$.pipe(filter((self) => Boolean(self?.tracks.video))),
    ))!.tracks.video!;
    // partytracks leaves the failed request as an unhandled rejection: the browser log shows it.
    const fault = failFirstPullOf(adaVideo.trackName);
    try {
      const bob = mountRoom({ endpoint: backend.endpoint, room, name: 'Bob' });
      await bob.join();
      const events: RoomEvent[] = [];
      const subscription = bob.model!.events$.subscribe((event) => events.push(event));
      const tile = await defaultTile(bob, adaId);
      const video = await tileVideo(tile, 40_000);
      const frame = await waitForVideoFrames(video, 3);
      subscription.unsubscribe();
      expect(fault.failed(), "the first pull of Ada's camera failed").to.equal(true);
      expect(frame.width).to.be.greaterThan(0);
      expect(
        events.some(
          (event) => event.type === 'recovery' && event.action === 'repull' && event.participantId === adaId,
        ),
        'a repull of Ada',
      ).to.equal(true);
    } finally {
      fault.restore();
    }
  });
});
