// Browser-side access to the local SFU for tests: unmodified partytracks clients pointed straight
// at the SFU's Calls API, and the SFU's own view of a session (GET sessions/{id}).
import { PartyTracks } from 'partytracks/client';
import { firstValueFrom, type Observable } from 'rxjs';
import type { TestSfu } from './test-env.js';

export function appBase(sfu: TestSfu): string {
  return `${sfu.apiBaseUrl}/apps/${sfu.appId}`;
}

/** A partytracks client talking to the SFU directly (the secret is a test secret, never a real one). */
export function partyTracksFor(sfu: TestSfu): PartyTracks {
  return new PartyTracks({
    prefix: appBase(sfu),
    iceServers: [],
    headers: new Headers({ authorization: `Bearer ${sfu.appSecret}` }),
  });
}

export async function sessionIdOf(client: PartyTracks): Promise<string> {
  return (await firstValueFrom(client.session$)).sessionId;
}

export async function peerConnectionOf(client: PartyTracks): Promise<RTCPeerConnection> {
  return firstValueFrom(client.peerConnection$);
}

/** What the SFU itself reports about a session. */
export async function sfuSession(sfu: TestSfu, sessionId: string): Promise<any> {
  const response = await fetch(`${appBase(sfu)}/sessions/${sessionId}`, {
    headers: { authorization: `Bearer ${sfu.appSecret}` },
  });
  if (!response.ok) throw new Error(`GET session answered ${response.status}`);
  return response.json();
}

/** A raw Calls API call, for what partytracks does not cover (data channels). */
export async function callsApi(sfu: TestSfu, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${appBase(sfu)}/${path}`, {
    method,
    headers: { authorization: `Bearer ${sfu.appSecret}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * Subscribes to `source$` and resolves with its first value, keeping the subscription open
 * (partytracks pushes and pulls live exactly as long as they are subscribed).
 */
export function holdFirst<T>(source$: Observable<T>): Promise<{ value: T; release: () => void }> {
  return new Promise((resolve, reject) => {
    let resolved = false;
    const subscription = source$.subscribe({
      next: (value) => {
        if (resolved) return;
        resolved = true;
        resolve({ value, release: () => subscription.unsubscribe() });
      },
      error: reject,
    });
  });
}

export function videoElementFor(...tracks: MediaStreamTrack[]): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.srcObject = new MediaStream(tracks);
  document.body.append(video);
  return video;
}

/**
 * Chromium feeds a remote WebRTC audio track to Web Audio only while a media element plays it, so
 * measure energy from a track that is also attached to a (muted) audio element.
 */
export function playingAudio(track: MediaStreamTrack): MediaStream {
  const stream = new MediaStream([track]);
  const audio = document.createElement('audio');
  audio.muted = true;
  audio.autoplay = true;
  audio.srcObject = stream;
  document.body.append(audio);
  return stream;
}
