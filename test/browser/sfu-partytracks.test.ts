// The local SFU driven by the unmodified partytracks client, as a real app would use Cloudflare
// Calls: push from one connection, pull on another, close, re-pull, simulcast and data channels.
// Every assertion rests on decoded frames, audio energy, RTP stats or the SFU's own session state.
import { expect } from '@open-wc/testing';
import { BehaviorSubject, of } from 'rxjs';
import { inboundVideoStats, peakAudioRms, waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  appBase,
  callsApi,
  holdFirst,
  partyTracksFor,
  peerConnectionOf,
  playingAudio,
  sessionIdOf,
  sfuSession,
  videoElementFor,
} from './helpers/sfu-client.js';
import { useSfuSuite } from './helpers/sfu-suite.js';

/** Simulcast as an app would publish a 720p camera: full, half and quarter size (rids sort best first). */
const THREE_LAYERS: RTCRtpEncodingParameters[] = [
  { rid: 'a', maxBitrate: 1_500_000 },
  { rid: 'b', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'c', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
];

describe('local SFU with partytracks', () => {
  const suite = useSfuSuite();

  async function camera(constraints: MediaTrackConstraints = { width: 1280, height: 720 }) {
    const stream = await suite.userMedia({ video: constraints, audio: true });
    return { video: stream.getVideoTracks()[0], audio: stream.getAudioTracks()[0] };
  }

  async function hold<T>(source$: import('rxjs').Observable<T>): Promise<T> {
    const { value, release } = await holdFirst(source$);
    suite.onCleanup(release);
    return value;
  }

  it('pushes camera and mic on one connection and pulls them on another', async () => {
    const { video, audio } = await camera();
    const publisher = partyTracksFor(suite.sfu);
    const subscriber = partyTracksFor(suite.sfu);
    const [videoMeta, audioMeta] = await Promise.all([
      hold(publisher.push(of(video))),
      hold(publisher.push(of(audio))),
    ]);
    expect(videoMeta.sessionId).to.equal(await sessionIdOf(publisher));

    const [remoteVideo, remoteAudio] = await Promise.all([
      hold(subscriber.pull(of(videoMeta))),
      hold(subscriber.pull(of(audioMeta))),
    ]);
    const element = videoElementFor(remoteVideo);
    const frame = await waitForVideoFrames(element, 10);
    expect(frame.width).to.equal(1280);
    expect(element.videoWidth).to.equal(1280);
    const stats = await waitFor(async () => {
      const report = await inboundVideoStats(await peerConnectionOf(subscriber));
      return report && (report.framesDecoded ?? 0) > 0 ? report : undefined;
    });
    expect(stats.framesDecoded).to.be.greaterThan(0);
    expect(await peakAudioRms(playingAudio(remoteAudio))).to.be.greaterThan(0.01);

    const publisherState = await sfuSession(suite.sfu, videoMeta.sessionId as string);
    expect(publisherState.tracks.map((track: { status: string }) => track.status)).to.deep.equal([
      'active',
      'active',
    ]);
  });

  it('closes one pulled track while the other keeps playing, then pulls it again', async () => {
    const { video, audio } = await camera({ width: 640, height: 360 });
    const publisher = partyTracksFor(suite.sfu);
    const subscriber = partyTracksFor(suite.sfu);
    const [videoMeta, audioMeta] = await Promise.all([
      hold(publisher.push(of(video))),
      hold(publisher.push(of(audio))),
    ]);
    const remoteAudio = await hold(subscriber.pull(of(audioMeta)));
    const pulledVideo = await holdFirst(subscriber.pull(of(videoMeta)));
    await waitForVideoFrames(videoElementFor(pulledVideo.value), 5);
    const subscriberSession = await sessionIdOf(subscriber);
    expect((await sfuSession(suite.sfu, subscriberSession)).tracks).to.have.length(2);

    pulledVideo.release();
    const afterClose = await waitFor(
      async () => {
        const state = await sfuSession(suite.sfu, subscriberSession);
        return state.tracks.length === 1 ? state : undefined;
      },
      { what: 'the SFU to drop the closed video track' },
    );
    expect(afterClose.tracks[0].kind).to.equal('audio');
    expect(await peakAudioRms(playingAudio(remoteAudio))).to.be.greaterThan(0.01);

    const repulled = await hold(subscriber.pull(of(videoMeta)));
    const frame = await waitForVideoFrames(videoElementFor(repulled), 5);
    expect(frame.width).to.equal(640);
    expect((await sfuSession(suite.sfu, subscriberSession)).tracks).to.have.length(2);
  });

  it('forwards the simulcast layer the subscriber prefers and switches when it changes', async () => {
    const { video } = await camera();
    const publisher = partyTracksFor(suite.sfu);
    const subscriber = partyTracksFor(suite.sfu);
    const meta = await hold(publisher.push(of(video), { sendEncodings$: of(THREE_LAYERS) }));
    const preferredRid$ = new BehaviorSubject<string | undefined>('c');
    const remote = await hold(subscriber.pull(of(meta), { simulcast: { preferredRid$ } }));
    const element = videoElementFor(remote);
    await waitFor(() => element.videoWidth === 320, { what: 'the 320 px layer', timeout: 20_000 });

    preferredRid$.next('a');
    await waitFor(() => element.videoWidth === 1280, { what: 'the 1280 px layer', timeout: 20_000 });
    const state = await sfuSession(suite.sfu, await sessionIdOf(subscriber));
    expect(state.tracks[0].simulcast.preferredRid).to.equal('a');
    expect(state.tracks[0].simulcast.forwardedRid).to.equal('a');
    const frame = await waitForVideoFrames(element, 5);
    expect(frame.width).to.equal(1280);

    // A rid the publisher does not send: "none" forwards nothing, "asciibetical" falls back to
    // the next rid in ASCII order ("c", the 320 px layer, after "bb").
    const subscriberSession = await sessionIdOf(subscriber);
    const { mid } = state.tracks[0];
    await callsApi(suite.sfu, 'PUT', `sessions/${subscriberSession}/tracks/update`, {
      tracks: [{ mid, simulcast: { preferredRid: 'bb', ridNotAvailable: 'none' } }],
    });
    expect((await sfuSession(suite.sfu, subscriberSession)).tracks[0].simulcast.forwardedRid).to.equal(null);
    await callsApi(suite.sfu, 'PUT', `sessions/${subscriberSession}/tracks/update`, {
      tracks: [{ mid, simulcast: { preferredRid: 'bb', ridNotAvailable: 'asciibetical' } }],
    });
    await waitFor(() => element.videoWidth === 320, {
      what: 'the fallback to the 320 px layer',
      timeout: 20_000,
    });
    expect((await sfuSession(suite.sfu, subscriberSession)).tracks[0].simulcast.forwardedRid).to.equal('c');
  });

  it('keeps receiving every simulcast layer after the publisher session renegotiates', async () => {
    const { video, audio } = await camera();
    const publisher = partyTracksFor(suite.sfu);
    const subscriber = partyTracksFor(suite.sfu);
    const videoMeta = await hold(publisher.push(of(video), { sendEncodings$: of(THREE_LAYERS) }));
    const audioMeta = await hold(subscriber.push(of(audio)));
    // The publisher's own session pulls a track: the SFU makes a new offer on that session, and
    // the simulcast it receives must survive the renegotiation.
    await hold(publisher.pull(of(audioMeta)));
    const remote = await hold(subscriber.pull(of(videoMeta), { simulcast: { preferredRid$: of('c') } }));
    const element = videoElementFor(remote);
    await waitFor(() => element.videoWidth === 320, { what: 'the 320 px layer', timeout: 20_000 });
    const publisherState = await sfuSession(suite.sfu, videoMeta.sessionId as string);
    const pushed = publisherState.tracks.find(
      (track: { kind: string; location: string }) => track.kind === 'video' && track.location === 'local',
    );
    expect(pushed.simulcast.available).to.have.members(['a', 'b', 'c']);
  });

  it('decodes every stream when four connections each publish and pull all the others', async () => {
    const people = await Promise.all(
      [0, 1, 2, 3].map(async () => {
        const { video, audio } = await camera({ width: 640, height: 360 });
        const client = partyTracksFor(suite.sfu);
        const metas = await Promise.all([hold(client.push(of(video))), hold(client.push(of(audio)))]);
        return { client, metas };
      }),
    );
    // Each session both publishes and pulls: its keyframe requests carry its own media SSRC.
    const pulls = people.flatMap((person, index) =>
      people
        .filter((_, other) => other !== index)
        .map((other) => hold(person.client.pull(of(other.metas[0])))),
    );
    const frames = await Promise.all(
      (await Promise.all(pulls)).map((track) => waitForVideoFrames(videoElementFor(track), 3, 20_000)),
    );
    expect(frames).to.have.length(12);
    for (const frame of frames) expect(frame.width).to.equal(640);
  });

  async function connectedPeer() {
    const pc = new RTCPeerConnection();
    suite.onCleanup(() => pc.close());
    pc.createDataChannel('bootstrap');
    await pc.setLocalDescription(await pc.createOffer());
    const created = await callsApi(suite.sfu, 'POST', 'sessions/new', {
      sessionDescription: pc.localDescription,
    });
    await pc.setRemoteDescription(created.sessionDescription);
    await waitFor(() => pc.connectionState === 'connected', { what: 'the peer connection' });
    return { pc, sessionId: created.sessionId as string };
  }

  it('forgets a session whose client closed its connection and keeps the live ones', async () => {
    const leaving = await connectedPeer();
    const staying = await connectedPeer();
    leaving.pc.close();
    // The test SFU runs with a 6 s consent timeout and a 2 s resume window.
    const sessionUrl = `${appBase(suite.sfu)}/sessions/${leaving.sessionId}`;
    const headers = { authorization: `Bearer ${suite.sfu.appSecret}` };
    await waitFor(async () => (await fetch(sessionUrl, { headers })).status === 410, {
      what: 'the SFU to drop the silent session',
      timeout: 20_000,
    });
    const live = await sfuSession(suite.sfu, staying.sessionId);
    expect(live.connectionState).to.equal('connected');
  });

  it('delivers a data channel message from a publisher to a subscriber', async () => {
    const publisher = await connectedPeer();
    const subscriber = await connectedPeer();
    const published = await callsApi(suite.sfu, 'POST', `sessions/${publisher.sessionId}/datachannels/new`, {
      dataChannels: [{ location: 'local', dataChannelName: 'chat' }],
    });
    const sendChannel = publisher.pc.createDataChannel('chat', {
      negotiated: true,
      id: published.dataChannels[0].id,
    });
    const subscribed = await callsApi(
      suite.sfu,
      'POST',
      `sessions/${subscriber.sessionId}/datachannels/new`,
      {
        dataChannels: [{ location: 'remote', sessionId: publisher.sessionId, dataChannelName: 'chat' }],
      },
    );
    const receiveChannel = subscriber.pc.createDataChannel('chat', {
      negotiated: true,
      id: subscribed.dataChannels[0].id,
    });
    const received = new Promise<string>((resolve) => {
      receiveChannel.onmessage = (event) => resolve(event.data as string);
    });
    await waitFor(() => sendChannel.readyState === 'open' && receiveChannel.readyState === 'open', {
      what: 'both data channels to open',
    });
    await waitFor(
      async () => {
        const state = await sfuSession(suite.sfu, subscriber.sessionId);
        return state.dataChannels.some((channel: { status: string }) => channel.status === 'active');
      },
      { what: 'the SFU side of the subscriber channel' },
    );
    sendChannel.send('hello from the publisher');
    expect(await received).to.equal('hello from the publisher');
  });
});
