// Two <calls-room> elements in one page join the same room through the backend kit and the local
// SFU: each must decode the other's camera and hear the other's microphone, and see the other's
// mute and departure. Evidence: decoded frames, audio energy and the presence state each shows.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import { peakAudioRms, waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  defaultTile,
  mountRoom,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('two <calls-room> elements in one room', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(removeRooms);

  async function pair(): Promise<[CallsRoomElement, CallsRoomElement]> {
    const room = uniqueRoomName('pair');
    const ada = mountRoom({ endpoint, room, name: 'Ada Lovelace' });
    const bob = mountRoom({ endpoint, room, name: 'Bob' });
    await Promise.all([ada.join(), bob.join()]);
    return [ada, bob];
  }

  it("each decodes the other one's camera and hears the other one's microphone", async () => {
    const started = performance.now();
    const [ada, bob] = await pair();
    const joinedAt = performance.now();
    const adaSeesBob = await tileVideo(await defaultTile(ada, participantIdOf(bob)));
    const bobSeesAda = await tileVideo(await defaultTile(bob, participantIdOf(ada)));
    const [adaFrame] = await Promise.all([
      waitForVideoFrames(adaSeesBob, 5),
      waitForVideoFrames(bobSeesAda, 5),
    ]);
    console.log(
      `join ${Math.round(joinedAt - started)} ms, join → 5 remote frames both ways ${Math.round(performance.now() - joinedAt)} ms`,
    );
    expect(adaFrame.width).to.be.greaterThan(0);
    expect(adaSeesBob.videoWidth).to.be.greaterThan(0);
    expect(bobSeesAda.videoWidth).to.be.greaterThan(0);

    const adaOutput = await waitFor(
      () => (ada.model?.audioOutput?.stream.getAudioTracks().length ? ada.model.audioOutput : undefined),
      {
        what: "remote audio in Ada's sink",
      },
    );
    const bobOutput = await waitFor(
      () => (bob.model?.audioOutput?.stream.getAudioTracks().length ? bob.model.audioOutput : undefined),
      {
        what: "remote audio in Bob's sink",
      },
    );
    expect(await peakAudioRms(adaOutput.stream)).to.be.greaterThan(0.01);
    expect(await peakAudioRms(bobOutput.stream)).to.be.greaterThan(0.01);
  });
});
