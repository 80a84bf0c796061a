// Two <calls-room> elements join one room through the Workers adapter — the Worker and its room
// Durable Object running in workerd — and the local SFU: each must decode the other's camera.
// Evidence: decoded frames and each one's presence view.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { waitForVideoFrames } from './helpers/media.js';
import {
  defaultTile,
  mountRoom,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import type { WorkersTestEnv } from './helpers/workers-backend-plugin.js';

// Kept as a literal (not imported from the plugin) so the browser never loads the Node-side module.
const WORKERS_ENV_MODULE = '/__calls-workers-env.js';

describe('<calls-room> through the Workers backend', () => {
  let endpoint: string;

  before(async () => {
    ({ endpoint } = (
      (await import(/* @vite-ignore */ WORKERS_ENV_MODULE)) as { default: WorkersTestEnv }
    ).default);
  });

  afterEach(removeRooms);

  it("two participants join through the Worker and decode each other's video", async () => {
    const room = uniqueRoomName('workers');
    const ada = mountRoom({ endpoint, room, name: 'Ada' });
    const bob = mountRoom({ endpoint, room, name: 'Bob' });
    const started = performance.now();
    await Promise.all([ada.join(), bob.join()]);
    const joinedAt = performance.now();
    const adaSeesBob = await tileVideo(await defaultTile(ada, participantIdOf(bob)));
    const bobSeesAda = await tileVideo(await defaultTile(bob, participantIdOf(ada)));
    await Promise.all([waitForVideoFrames(adaSeesBob, 5), waitForVideoFrames(bobSeesAda, 5)]);
    console.log(
      `Workers backend: join ${Math.round(joinedAt - started)} ms, join → 5 remote frames both ways ${Math.round(performance.now() - joinedAt)} ms`,
    );
    expect(adaSeesBob.videoWidth).to.be.greaterThan(0);
    expect(bobSeesAda.videoWidth).to.be.greaterThan(0);
    expect(bobSeesAda.videoHeight).to.be.greaterThan(0);
  });
});
