// A backend without a TURN key sends its ICE servers in the welcome (protocol revision 3): the room
// starts its Calls session from them, in the welcome's own task, without a generate-ice-servers
// request, and the rooms still meet. The requests are read off the page's own fetch (partytracks'
// Calls requests go through it too, so the count of sessions/new shows the wrapper saw them).
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { waitForVideoFrames } from './helpers/media.js';
import {
  callsSessionOf,
  mountRoom,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('<calls-room> and the welcome’s ICE servers', () => {
  const nativeFetch = window.fetch;
  afterEach(async () => {
    window.fetch = nativeFetch;
    await removeRooms();
  });

  it('asks the SFU for a session without asking generate-ice-servers first, and the rooms meet', async () => {
    const { backend } = await callsTestEnv();
    const asked: string[] = [];
    window.fetch = (input, init) => {
      asked.push(new Request(input).url);
      return nativeFetch(input, init);
    };
    const room = uniqueRoomName('welcome-ice');
    const ada = mountRoom({ endpoint: backend.endpoint, room, name: 'Ada' });
    const bob = mountRoom({
      endpoint: backend.endpoint,
      room,
      name: 'Bob',
      inner: '<calls-tile></calls-tile>',
    });
    await Promise.all([ada.join(), bob.join()]);
    await Promise.all([callsSessionOf(ada), callsSessionOf(bob)]);

    const tile = bob.querySelector<CallsTileElement>('calls-tile')!;
    tile.participantId = participantIdOf(ada);
    const frame = await waitForVideoFrames(await tileVideo(tile), 3);
    expect(frame.width).to.be.greaterThan(0);

    const paths = asked.map((url) => new URL(url).pathname);
    expect(paths.filter((path) => path.endsWith('/partytracks/sessions/new'))).to.have.length(2);
    expect(paths.filter((path) => path.endsWith('/generate-ice-servers'))).to.deep.equal([]);
  });
});
