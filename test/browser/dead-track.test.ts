// The dead-track monitor: the SFU stops forwarding a pulled track without a word (here: the test
// closes the pull inside the SFU), its bytes stop growing while the publisher is still there, and
// the room pulls it again by itself, so the video plays again on a fresh track.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { filter, firstValueFrom } from 'rxjs';
import type { RoomEvent } from '../../src/core/room.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  callsSessionOf,
  defaultTile,
  mountRoom,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { callsApi } from './helpers/sfu-client.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('dead pulled tracks', () => {
  afterEach(removeRooms);

  it('are pulled again when their bytes stop while the publisher is present', async () => {
    const { backend, sfu } = await callsTestEnv();
    const room = uniqueRoomName('dead-track');
    const bob = mountRoom({ endpoint: backend.endpoint, room, name: 'Bob' });
    await bob.join();
    const ada = mountRoom({ endpoint: backend.endpoint, room, name: 'Ada' });
    await ada.join();
    const adaId = participantIdOf(ada);
    const tile = await defaultTile(bob, adaId);
    const video = await tileVideo(tile);
    await waitForVideoFrames(video, 3);
    const before = (video.srcObject as MediaStream).getVideoTracks()[0]!.id;

    const adaVideo = (await firstValueFrom(
      ada.model!.self$.pipe(filter((self) => Boolean(self?.tracks.video))),
    ))!.tracks.video!;
    const bobSession = await callsSessionOf(bob);
    const session = await callsApi(sfu, 'GET', `sessions/${bobSession}`);
    const pulled = (session.tracks as Array<{ location: string; trackName: string; mid: string }>).find(
      (track) => track.location === 'remote' && track.trackName === adaVideo.trackName,
    );
    expect(pulled, "Bob's pull of Ada's camera in the SFU").to.not.equal(undefined);

    const repulled = firstValueFrom(
      bob.model!.events$.pipe(
        filter(
          (event): event is Extract<RoomEvent, { action: 'repull' }> =>
            event.type === 'recovery' && event.action === 'repull',
        ),
      ),
    );
    // Behind Bob's back: no renegotiation, his receiver simply stops getting packets.
    await callsApi(sfu, 'PUT', `sessions/${bobSession}/tracks/close`, {
      tracks: [{ mid: pulled!.mid }],
      force: true,
    });
    const event = await repulled;
    expect(event).to.deep.include({ participantId: adaId, kind: 'video' });
    await waitFor(
      () => {
        const now = (tile.videoElement?.srcObject as MediaStream | null)?.getVideoTracks()[0];
        return now && now.id !== before;
      },
      { what: 'a fresh track on the tile', timeout: 20_000 },
    );
    const frame = await waitForVideoFrames(tile.videoElement!, 3);
    expect(frame.width).to.be.greaterThan(0);
  });
});
