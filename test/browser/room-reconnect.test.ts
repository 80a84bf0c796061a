// A presence connection that drops comes back as the same participant: the room goes
// "reconnecting" → "connected", keeps its participant id, the other side never sees it leave (no
// ghost twin, no departure), and media keeps flowing. The drop is a real close of the real socket.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { firstValueFrom } from 'rxjs';
import type { CallsConnectionChangeEvent } from '../../src/events/index.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  defaultTile,
  mountRoom,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { socketsOpenedDuring } from './helpers/sockets.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('<calls-room> presence reconnect', () => {
  afterEach(removeRooms);

  it('resumes the same participant after its socket drops, unseen by the others', async () => {
    const { backend } = await callsTestEnv();
    const room = uniqueRoomName('reconnect');
    const bob = mountRoom({ endpoint: backend.endpoint, room, name: 'Bob' });
    await bob.join();
    const ada = mountRoom({ endpoint: backend.endpoint, room, name: 'Ada' });
    const [adaSocket] = await socketsOpenedDuring(() => ada.join());
    const adaId = participantIdOf(ada);
    const bobSeesAda = await tileVideo(await defaultTile(bob, adaId));
    await waitForVideoFrames(bobSeesAda, 3);

    const departures: Event[] = [];
    bob.addEventListener('calls-participant-left', (event) => departures.push(event));
    const states: string[] = [];
    ada.addEventListener('calls-connection-change', (event) =>
      states.push((event as CallsConnectionChangeEvent).detail.state),
    );

    // 3000–4999 are the codes a page may close with; anything but 1000 reads as a dropped line.
    adaSocket.close(3000, 'network went away');
    await waitFor(() => states.includes('reconnecting') && states.at(-1) === 'connected', {
      what: 'Ada to reconnect',
    });

    expect(participantIdOf(ada)).to.equal(adaId);
    expect(departures).to.have.length(0);
    const roster = await firstValueFrom(bob.model!.participants$);
    expect(roster).to.have.length(2);
    expect(roster.map((person) => person.id)).to.include(adaId);
    const frame = await waitForVideoFrames(bobSeesAda, 3);
    expect(frame.width).to.be.greaterThan(0);
  });
});
