// Two <calls-room> elements in one page join the same room through the backend kit and the local
// SFU: each must decode the other's camera and hear the other's microphone, and see the other's
// mute and departure. Evidence: decoded frames, audio energy and the presence state each shows.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsLeftEvent, CallsParticipantLeftEvent } from '../../src/events/index.js';
import { peakAudioRms, waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  callsSessionOf,
  deepQuery,
  defaultTile,
  kitButton,
  mountRoom,
  nextEvent,
  participantIdOf,
  removeRooms,
  tileVideo,
  uniqueRoomName,
} from './helpers/room.js';
import { sfuSession } from './helpers/sfu-client.js';
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

  it('shows the other side when someone turns their microphone and camera off with the buttons', async () => {
    const [ada, bob] = await pair();
    const adaOnBobsScreen = await defaultTile(bob, participantIdOf(ada));
    await waitForVideoFrames(await tileVideo(adaOnBobsScreen), 3);
    expect(adaOnBobsScreen.muted).to.equal(false);

    const micButton = await kitButton(ada, 'calls-mic-button');
    const cameraButton = await kitButton(ada, 'calls-camera-button');
    expect(micButton.getAttribute('aria-pressed')).to.equal('true');
    // The accessible name is the button's (visually hidden) label.
    expect(micButton.textContent?.trim()).to.equal('Microphone');
    micButton.click();
    await waitFor(() => adaOnBobsScreen.hasAttribute('muted'), {
      what: "Ada's tile on Bob's screen to show muted",
    });
    expect(micButton.getAttribute('aria-pressed')).to.equal('false');
    const indicator = adaOnBobsScreen.shadowRoot!.querySelector<HTMLElement>('[part="muted-indicator"]')!;
    expect(indicator.hidden).to.equal(false);
    expect(indicator.getAttribute('aria-label')).to.equal('Muted');

    cameraButton.click();
    await waitFor(() => adaOnBobsScreen.videoElement?.hidden, {
      what: "Ada's video to give way to her initials",
    });
    const initials = adaOnBobsScreen.shadowRoot!.querySelector('[part="initials"]');
    expect(initials?.textContent).to.equal('AL');
    // A camera that is off is not pulled at all: Bob's Calls session holds no video from Ada.
    const bobSession = await callsSessionOf(bob);
    const { sfu } = await callsTestEnv();
    await waitFor(
      async () => {
        const state = await sfuSession(sfu, bobSession);
        return !state.tracks.some((track: any) => track.location === 'remote' && track.kind === 'video');
      },
      { what: "Bob's session to drop Ada's video" },
    );

    micButton.click();
    await waitFor(() => !adaOnBobsScreen.hasAttribute('muted'), {
      what: "Ada to be unmuted on Bob's screen",
    });
  });

  it("removes someone who leaves from the other one's room", async () => {
    const [ada, bob] = await pair();
    const adaId = participantIdOf(ada);
    await defaultTile(bob, adaId);
    const left = nextEvent<CallsParticipantLeftEvent>(bob, 'calls-participant-left');
    const adaLeft = nextEvent<CallsLeftEvent>(ada, 'calls-left');
    await ada.leave();
    expect((await adaLeft).detail.reason).to.equal('left');
    const event = await left;
    expect(event.detail.participant.id).to.equal(adaId);
    expect(event.detail.participant.name).to.equal('Ada Lovelace');
    expect(event.detail.reason).to.equal('left');
    await waitFor(() => !deepQuery(bob, `calls-tile[participant-id="${adaId}"]`), {
      what: "Ada's tile to disappear",
    });
    const announcer = bob.shadowRoot!.querySelector('[part="announcer"]');
    expect(announcer?.getAttribute('aria-live')).to.equal('polite');
    expect(announcer?.textContent).to.contain('Ada Lovelace left');
    // Leaving released Ada's camera and microphone.
    expect(ada.model).to.equal(undefined);
  });
});
