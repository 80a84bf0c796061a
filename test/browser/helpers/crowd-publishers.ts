// Cheap publishers for big-room tests and benches: many participants in one Chromium page, each a
// real client of the backend protocol (its own presence WebSocket, its own Calls session through
// the backend's proxy, its camera and microphone pushed with partytracks) that receives nothing.
//
// A core `Room` per participant would also pull everyone else's audio (that is what a room does),
// so 24 of them in one page would carry 24 × 23 audio streams only to make the page slow. These push
// only: the one viewer under test is the only one that pulls. Every publisher sends its own
// encoding of one shared fake camera (a clone of one capture, so the page captures once) in the
// default simulcast layers, and a clone of the fake microphone.
import type { PartyTracks, TrackMetadata } from 'partytracks/client';
import { filter, firstValueFrom, merge, of } from 'rxjs';
import { DEFAULT_SIMULCAST_LAYERS } from '../../../src/core/layout.js';
import { createPartyTracks, fetchIceServers } from '../../../src/core/media-session.js';
import { type ConnectionState, PresenceClient } from '../../../src/core/presence-client.js';
import {
  type ClientMessage,
  partyTracksPrefix,
  type ServerMessage,
  type TrackRef,
} from '../../../src/core/protocol.js';
import { withTimeout } from './media.js';
import { holdFirst } from './sfu-client.js';

export interface CrowdOptions {
  /** The backend kit's endpoint (what a `<calls-room endpoint>` takes). */
  endpoint: string;
  room: string;
  count: number;
  /** Constraints of the one shared capture. Default: 320×180 at 15 fps. */
  camera?: MediaTrackConstraints;
  /** Publishers set up at the same time (each is an HTTP + SDP round trip on the SFU). Default 2. */
  concurrency?: number;
  /** Display names: `${namePrefix} 1`, `${namePrefix} 2`, … Default "Publisher". */
  namePrefix?: string;
}

export interface CrowdPublisher {
  readonly name: string;
  readonly participantId: string;
  readonly sessionId: string;
  readonly video: TrackRef;
  readonly audio: TrackRef;
  readonly peerConnection: RTCPeerConnection;
  leave(): void;
}

export interface Crowd {
  readonly publishers: readonly CrowdPublisher[];
  /** What the shared capture really delivers (the fake camera honours the constraints). */
  readonly captureWidth: number;
  leave(): void;
}

/** Generous: on a loaded two-core machine one publish can take several seconds. */
const PUBLISH_TIMEOUT_MS = 120_000;

export const CROWD_CAMERA: MediaTrackConstraints = { width: 320, height: 180, frameRate: 15 };

/** Joins `count` publishers to `room`, in join order. Rejects (after leaving them all) if one fails. */
export async function joinCrowd(options: CrowdOptions): Promise<Crowd> {
  const capture = await navigator.mediaDevices.getUserMedia({
    video: options.camera ?? CROWD_CAMERA,
    audio: true,
  });
  const [camera] = capture.getVideoTracks();
  const [microphone] = capture.getAudioTracks();
  if (!camera || !microphone) throw new Error('the fake camera or microphone gave no track');
  const publishers: CrowdPublisher[] = [];
  const stopAll = () => {
    for (const publisher of publishers.splice(0)) publisher.leave();
    for (const track of capture.getTracks()) track.stop();
  };
  const concurrency = options.concurrency ?? 2;
  const names = Array.from(
    { length: options.count },
    (_, i) => `${options.namePrefix ?? 'Publisher'} ${i + 1}`,
  );
  try {
    // Join order is the order of `names` (the grid places people in join order): each batch joins
    // its presence sockets one after the other, then sets up its media in parallel.
    for (let start = 0; start < names.length; start += concurrency) {
      const batch = names.slice(start, start + concurrency);
      const joined: Promise<CrowdPublisher>[] = [];
      for (const name of batch) {
        const presence = new PresenceClient({
          endpoint: options.endpoint,
          room: options.room,
          displayName: name,
          getToken: async () => undefined,
        });
        const welcome = await presence.connect();
        joined.push(
          withTimeout(
            publish(
              presence,
              welcome.participantId,
              name,
              options.endpoint,
              camera.clone(),
              microphone.clone(),
            ),
            PUBLISH_TIMEOUT_MS,
            `${name} to publish`,
          ),
        );
      }
      publishers.push(...(await Promise.all(joined)));
    }
  } catch (error) {
    stopAll();
    throw error;
  }
  return { publishers, captureWidth: camera.getSettings().width ?? 0, leave: stopAll };
}

async function publish(
  presence: PresenceClient,
  participantId: string,
  name: string,
  endpoint: string,
  camera: MediaStreamTrack,
  microphone: MediaStreamTrack,
): Promise<CrowdPublisher> {
  const releases: (() => void)[] = [];
  const leave = () => {
    // Media first, so partytracks sends nothing after the presence socket said goodbye.
    for (const release of releases.splice(0)) release();
    presence.close();
    camera.stop();
    microphone.stop();
  };
  try {
    // The proxy locks the session to this participant by its credential, as for a Room.
    const headers = new Headers();
    const credentials = presence.credential$.subscribe((credential) => {
      if (credential) headers.set('X-Calls-Participant', credential);
    });
    releases.push(() => credentials.unsubscribe());
    const prefix = partyTracksPrefix(endpoint, globalThis.location?.href);
    const partyTracks: PartyTracks = createPartyTracks(
      prefix,
      headers,
      await fetchIceServers(prefix, headers),
    );
    const sendEncodings = DEFAULT_SIMULCAST_LAYERS.map(({ rid, scaleResolutionDownBy, maxBitrate }) => ({
      rid,
      scaleResolutionDownBy,
      maxBitrate,
    }));
    const [video, audio] = await Promise.all([
      holdFirst(partyTracks.push(of(camera), { sendEncodings$: of(sendEncodings) })),
      holdFirst(partyTracks.push(of(microphone))),
    ]);
    releases.push(video.release, audio.release);
    const { sessionId, peerConnection } = await firstValueFrom(partyTracks.session$);
    // Closed before the pushes are released: partytracks then sends no per-track close requests
    // (the Room leaves the same way).
    releases.unshift(() => peerConnection.close());
    const refs = { video: refOf(video.value), audio: refOf(audio.value) };
    await announce(presence, {
      type: 'update',
      id: `crowd-${participantId}`,
      patch: { sessionId, tracks: refs, audioEnabled: true, videoEnabled: true },
    });
    return { name, participantId, sessionId, ...refs, peerConnection, leave };
  } catch (error) {
    leave();
    throw error;
  }
}

/**
 * Sends `update` and resolves on its `ack` (rejects on the backend's refusal). A presence socket
 * that drops before the answer resumes the same participant (PresenceClient reconnects by itself),
 * and the update goes again on the resumed connection, as the Room's SelfSync does.
 */
async function announce(presence: PresenceClient, message: ClientMessage & { id: string }): Promise<void> {
  for (;;) {
    await firstValueFrom(presence.state$.pipe(filter((state) => state === 'connected')));
    const outcome = firstValueFrom<ServerMessage | ConnectionState>(
      merge(
        presence.message$.pipe(filter((reply) => 'id' in reply && reply.id === message.id)),
        presence.state$.pipe(filter((state) => state !== 'connected')),
        presence.welcome$.pipe(filter((welcome) => !welcome.resumed)),
      ),
    );
    if (!presence.send(message)) continue;
    const reply = await outcome;
    if (typeof reply === 'string') continue;
    if (reply.type === 'welcome') throw new Error('the backend forgot a publisher while it announced itself');
    if (reply.type === 'error')
      throw new Error(`the backend refused the update: ${reply.code} ${reply.message}`);
    return;
  }
}

function refOf(metadata: TrackMetadata): TrackRef {
  if (!metadata.sessionId || !metadata.trackName) throw new Error('partytracks pushed without a track name');
  return { sessionId: metadata.sessionId, trackName: metadata.trackName };
}
