// A tile pulls video only while it is on screen: scrolled out of its container, the pull is
// closed (the SFU's own session state shows the video track gone), and scrolled back, it pulls
// and decodes again.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  callsSessionOf,
  mountRoom,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { sfuSession } from './helpers/sfu-client.js';
import { callsTestEnv, type TestSfu } from './helpers/test-env.js';

describe('<calls-tile> visibility', () => {
  afterEach(removeRooms);

  async function pulledVideo(sfu: TestSfu, sessionId: string): Promise<any[]> {
    const state = await sfuSession(sfu, sessionId);
    return state.tracks.filter((track: any) => track.location === 'remote' && track.kind === 'video');
  }

  it('stops pulling when scrolled out of view and pulls again when scrolled back', async () => {
    const { sfu, backend } = await callsTestEnv();
    const room = uniqueRoomName('visibility');
    const viewer = mountRoom({
      endpoint: backend.endpoint,
      room,
      name: 'Viewer',
      inner: `<div class="scroller" style="height:150px;overflow:auto">
          <calls-tile style="width:240px"></calls-tile>
          <div style="height:2000px"></div>
        </div>`,
    });
    const publisher = mountRoom({ endpoint: backend.endpoint, room, name: 'Publisher' });
    await Promise.all([viewer.join(), publisher.join()]);
    const tile = viewer.querySelector<CallsTileElement>('calls-tile')!;
    const scroller = viewer.querySelector<HTMLElement>('.scroller')!;
    tile.participantId = participantIdOf(publisher);
    const frame = await waitForVideoFrames(await tileVideo(tile), 3);
    expect(frame.width).to.be.greaterThan(0);
    const viewerSession = await callsSessionOf(viewer);
    const [pulled] = await pulledVideo(sfu, viewerSession);
    expect(pulled.sessionId).to.equal(await callsSessionOf(publisher));
    expect(pulled.status).to.equal('active');

    scroller.scrollTop = 1500;
    await waitFor(async () => (await pulledVideo(sfu, viewerSession)).length === 0, {
      what: "the SFU to drop the scrolled-out tile's video",
    });
    expect(tile.videoElement?.hidden).to.equal(true);

    scroller.scrollTop = 0;
    const again = await waitFor(async () => (await pulledVideo(sfu, viewerSession))[0], {
      what: 'the SFU to forward video again',
    });
    expect(again.status).to.equal('active');
    const resumed = await waitForVideoFrames(await tileVideo(tile), 3);
    expect(resumed.width).to.be.greaterThan(0);
  });

  it('moves to a larger simulcast layer when the tile grows, on the same pull', async () => {
    const { sfu, backend } = await callsTestEnv();
    const room = uniqueRoomName('layers');
    const viewer = mountRoom({
      endpoint: backend.endpoint,
      room,
      name: 'Viewer',
      inner: '<calls-tile style="display:block;width:240px"></calls-tile>',
    });
    const publisher = mountRoom({ endpoint: backend.endpoint, room, name: 'Publisher' });
    await Promise.all([viewer.join(), publisher.join()]);
    const tile = viewer.querySelector<CallsTileElement>('calls-tile')!;
    tile.participantId = participantIdOf(publisher);
    const video = await tileVideo(tile);
    await waitFor(() => video.videoWidth === 320, {
      what: 'the quarter-size layer in a small tile',
      timeout: 20_000,
    });
    const viewerSession = await callsSessionOf(viewer);
    const [small] = await pulledVideo(sfu, viewerSession);
    expect(small.simulcast.forwardedRid).to.equal('c');

    tile.style.width = '1200px';
    await waitFor(() => video.videoWidth === 1280, {
      what: 'the full-size layer in a large tile',
      timeout: 20_000,
    });
    const [large] = await pulledVideo(sfu, viewerSession);
    expect(large.simulcast.forwardedRid).to.equal('a');
    expect(large.mid).to.equal(small.mid);
    expect(large.simulcast.ridNotAvailable).to.equal('asciibetical');
  });
});
