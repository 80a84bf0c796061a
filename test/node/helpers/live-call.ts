// A real two-person call for the hostile and attack suites: Alice publishes Opus-shaped RTP from a
// werift peer through the backend's Calls proxy, Bob pulls it the partytracks way, both announce
// themselves on the presence socket. What the suites check against it is real: packets Bob's peer
// receives, and the SFU's own view of both sessions (GET session with the app secret).
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket } from 'werift';
import { PresenceClient } from './server-harness.js';

type Description = { type: 'offer' | 'answer'; sdp: string };

interface CallsAnswer {
  sessionId?: string;
  sessionDescription?: Description;
  tracks?: Array<{ trackName: string; mid?: string; status?: string; location?: string }>;
  errorCode?: string;
}

/** Where the call runs: a dev server (the backend at `endpoint`, the local SFU behind it). */
export interface CallServer {
  endpoint: string;
  sfu?: { apiBaseUrl: string; appId: string; appSecret: string } | undefined;
}

export interface LiveCall {
  readonly room: string;
  readonly alice: PresenceClient;
  readonly bob: PresenceClient;
  readonly aliceSession: string;
  readonly bobSession: string;
  /** RTP packets Bob's peer has received from Alice's microphone so far. */
  packetsReceived(): number;
  /** Resolves once Bob has received `count` more packets than now (fails after `timeoutMs`). */
  flowing(count?: number, timeoutMs?: number): Promise<void>;
  /** Track statuses as the SFU itself reports them, for Alice's and Bob's sessions. */
  sfuTrackStatuses(): Promise<{ alice: string[]; bob: string[] }>;
  stop(): Promise<void>;
}

/** A werift peer on loopback, the way the widget's browser would behave through partytracks. */
export function loopbackPeer(): RTCPeerConnection {
  return new RTCPeerConnection({
    iceServers: [],
    bundlePolicy: 'max-bundle',
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceInterfaceAddresses: { udp4: '127.0.0.1' },
  });
}

/** Resolves once `pc` is connected; rejects if it fails. */
export function connected(pc: RTCPeerConnection): Promise<void> {
  return new Promise((resolve, reject) => {
    if (pc.connectionState === 'connected') return resolve();
    const subscription = pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') {
        subscription.unSubscribe();
        resolve();
      } else if (state === 'failed') reject(new Error('peer connection failed'));
    });
  });
}

/** A Calls API call through the backend's proxy, as the participant holding `credential`. */
export async function proxyCall(
  dev: CallServer,
  credential: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: CallsAnswer }> {
  const response = await fetch(`${dev.endpoint}/partytracks${path}`, {
    method,
    headers: { 'X-Calls-Participant': credential, 'Content-Type': 'text/plain;charset=UTF-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as CallsAnswer };
}

export function roomUrl(dev: CallServer, room: string, name?: string): string {
  const query = name === undefined ? '' : `?name=${encodeURIComponent(name)}`;
  return `${dev.endpoint.replace(/^http/, 'ws')}/rooms/${room}${query}`;
}

export async function startLiveCall(dev: CallServer, room = 'live'): Promise<LiveCall> {
  const { sfu } = dev;
  if (!sfu) throw new Error('the live call needs the local SFU');
  const sfuApi: NonNullable<CallServer['sfu']> = sfu;
  const alice = await PresenceClient.join(roomUrl(dev, room, 'Alice'));
  const bob = await PresenceClient.join(roomUrl(dev, room, 'Bob'));
  const peers: RTCPeerConnection[] = [];
  let sending: ReturnType<typeof setInterval> | undefined;
  const stop = async () => {
    clearInterval(sending);
    alice.close();
    bob.close();
    await Promise.all(peers.map((pc) => pc.close()));
  };
  try {
    return await setUp();
  } catch (error) {
    // A call that failed to start must not leave its timer and peers keeping the process alive.
    await stop();
    throw error;
  }

  async function setUp(): Promise<LiveCall> {
    const created = await proxyCall(dev, alice.credential, 'POST', '/sessions/new');
    const aliceSession = created.body.sessionId as string;
    const publisher = loopbackPeer();
    peers.push(publisher);
    const microphone = new MediaStreamTrack({ kind: 'audio' });
    const transceiver = publisher.addTransceiver(microphone, { direction: 'sendonly' });
    await publisher.setLocalDescription(await publisher.createOffer());
    const pushed = await proxyCall(dev, alice.credential, 'POST', `/sessions/${aliceSession}/tracks/new`, {
      sessionDescription: { type: 'offer', sdp: publisher.localDescription?.sdp },
      tracks: [{ location: 'local', mid: transceiver.mid, trackName: 'mic' }],
    });
    if (pushed.status !== 200) throw new Error(`push failed: ${JSON.stringify(pushed.body)}`);
    await publisher.setRemoteDescription(pushed.body.sessionDescription as Description);
    await connected(publisher);
    const payloadType =
      transceiver.codecs.find((codec) => codec.mimeType.toLowerCase() === 'audio/opus')?.payloadType ?? 111;
    let sequenceNumber = 0;
    // Opus-shaped packets every 20 ms, as a microphone sends them.
    sending = setInterval(() => {
      sequenceNumber += 1;
      const header = new RtpHeader({
        payloadType,
        sequenceNumber: sequenceNumber & 0xffff,
        timestamp: sequenceNumber * 960,
        ssrc: 0x1234abcd,
        marker: false,
      });
      microphone.writeRtp(new RtpPacket(header, Buffer.from([0xf8, 0xff, 0xfe])));
    }, 20);
    const audio = { sessionId: aliceSession, trackName: 'mic' };
    await alice.request({
      type: 'update',
      patch: { sessionId: aliceSession, audioEnabled: true, tracks: { audio } },
    });

    const bobSession = (await proxyCall(dev, bob.credential, 'POST', '/sessions/new')).body
      .sessionId as string;
    const subscriber = loopbackPeer();
    peers.push(subscriber);
    let received = 0;
    const waiters = new Set<() => void>();
    subscriber.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe(() => {
        received += 1;
        for (const wake of waiters) wake();
      });
    });
    const pulled = await proxyCall(dev, bob.credential, 'POST', `/sessions/${bobSession}/tracks/new`, {
      tracks: [{ location: 'remote', ...audio }],
    });
    if (pulled.status !== 200) throw new Error(`pull failed: ${JSON.stringify(pulled.body)}`);
    await subscriber.setRemoteDescription(pulled.body.sessionDescription as Description);
    await subscriber.setLocalDescription(await subscriber.createAnswer());
    const renegotiated = await proxyCall(dev, bob.credential, 'PUT', `/sessions/${bobSession}/renegotiate`, {
      sessionDescription: { type: 'answer', sdp: subscriber.localDescription?.sdp },
    });
    if (renegotiated.status !== 200)
      throw new Error(`renegotiate failed: ${JSON.stringify(renegotiated.body)}`);
    await connected(subscriber);
    await bob.request({ type: 'update', patch: { sessionId: bobSession } });

    const flowing = (count = 25, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const target = received + count;
        const check = () => {
          if (received < target) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const states = `publisher ${publisher.connectionState}, subscriber ${subscriber.connectionState}`;
          reject(
            new Error(
              `media stopped: ${received} packets, wanted ${target} within ${timeoutMs} ms (${states})`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    await flowing();

    const statuses = async (sessionId: string) => {
      const response = await fetch(`${sfuApi.apiBaseUrl}/apps/${sfuApi.appId}/sessions/${sessionId}`, {
        headers: { authorization: `Bearer ${sfuApi.appSecret}` },
      });
      const body = (await response.json()) as CallsAnswer;
      return (body.tracks ?? []).map((track) => `${track.location}:${track.trackName}:${track.status}`);
    };

    return {
      room,
      alice,
      bob,
      aliceSession,
      bobSession,
      packetsReceived: () => received,
      flowing,
      sfuTrackStatuses: async () => ({
        alice: await statuses(aliceSession),
        bob: await statuses(bobSession),
      }),
      stop,
    };
  }
}
