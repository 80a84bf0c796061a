// <calls-tile> while a picture is on its way: initials and a spinner (not an empty box) from the
// moment the camera turns on until the first frame decodes; and its quality indicator, measured
// from the real connection.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  defaultTile,
  mountRoom,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('<calls-tile> waiting for video, and quality', () => {
  afterEach(removeRooms);

  it('shows initials and a spinner until the first frame, then the video and a quality level', async () => {
    const { backend } = await callsTestEnv();
    const room = uniqueRoomName('waiting');
    const bob = mountRoom({ endpoint: backend.endpoint, room, name: 'Bob' });
    await bob.join();
    const ada = mountRoom({ endpoint: backend.endpoint, room, name: 'Ada King' });
    await ada.join();
    const tile = await defaultTile(bob, participantIdOf(ada));
    await waitForVideoFrames(await tileVideo(tile), 3);

    ada.media.setCameraEnabled(false);
    await waitFor(() => tile.videoElement?.hidden, { what: 'the camera to go off' });
    expect(tile.waiting).to.equal(false, 'a camera that is off is not awaited');

    // Every state the tile goes through once the camera is on again.
    const seen: Array<{ waiting: boolean; spinner: boolean; placeholder: boolean; width: number }> = [];
    const record = () =>
      seen.push({
        waiting: tile.waiting,
        spinner: Boolean(tile.shadowRoot?.querySelector('[part="spinner"]')),
        placeholder: !tile.shadowRoot?.querySelector<HTMLElement>('[part="placeholder"]')?.hidden,
        width: tile.videoElement?.videoWidth ?? 0,
      });
    const observer = new MutationObserver(record);
    observer.observe(tile, { attributes: true, attributeFilter: ['waiting'] });
    ada.media.setCameraEnabled(true);
    await waitFor(() => !tile.waiting && (tile.videoElement?.videoWidth ?? 0) > 0, {
      what: 'the picture to arrive',
    });
    observer.disconnect();
    await tile.updateComplete;
    record();

    const waiting = seen.find((state) => state.waiting);
    expect(waiting, 'the tile waited for the picture').to.not.equal(undefined);
    expect(waiting?.spinner).to.equal(true);
    expect(waiting?.placeholder).to.equal(true);
    expect(tile.shadowRoot?.querySelector('[part="initials"]')?.textContent).to.equal('AK');
    const last = seen.at(-1);
    expect(last).to.deep.include({ waiting: false, spinner: false, placeholder: false });
    expect(last?.width).to.be.greaterThan(0);

    // Quality comes from the connection's statistics, every 2 s.
    await waitFor(() => tile.quality !== 'unknown', { what: 'a measured quality', timeout: 20_000 });
    const indicator = tile.shadowRoot?.querySelector<HTMLElement>('[part="quality"]');
    expect(indicator?.hidden).to.equal(false);
    expect(indicator?.dataset.quality).to.equal(tile.quality);
    expect(indicator?.getAttribute('aria-label')).to.match(/connection/i);
  });
});
