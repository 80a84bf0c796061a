// A Calls API client written the way Cloudflare's own examples are: a plain RTCPeerConnection and
// fetch, no partytracks. It negotiates in whatever m-section order and style the test asks for, so
// the SFU is exercised beyond what partytracks happens to do.
import { appBase } from './sfu-client.js';
import type { TestSfu } from './test-env.js';

export interface RemoteTrackRef {
  sessionId: string;
  trackName: string;
}

export class RawCallsClient {
  private constructor(
    private readonly sfu: TestSfu,
    readonly pc: RTCPeerConnection,
    readonly sessionId: string,
  ) {}

  /** A new session; `query` is appended to `sessions/new` (e.g. `?thirdparty=true`). */
  static async create(sfu: TestSfu, query = '', config: RTCConfiguration = {}): Promise<RawCallsClient> {
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', ...config });
    const response = await rawApi(sfu, 'POST', `sessions/new${query}`);
    return new RawCallsClient(sfu, pc, response.sessionId);
  }

  api(method: string, path: string, body?: unknown): Promise<any> {
    return rawApi(this.sfu, method, `sessions/${this.sessionId}${path}`, body);
  }

  /** Pushes `tracks` in this order (one sendonly transceiver each) with one offer. */
  async push(tracks: MediaStreamTrack[], prefix = 'track'): Promise<(RemoteTrackRef & { mid: string })[]> {
    const transceivers = tracks.map((track) => this.pc.addTransceiver(track, { direction: 'sendonly' }));
    await this.pc.setLocalDescription(await this.pc.createOffer());
    const names = transceivers.map((_, index) => `${prefix}-${index}-${crypto.randomUUID()}`);
    const response = await this.api('POST', '/tracks/new', {
      sessionDescription: this.pc.localDescription?.toJSON(),
      tracks: transceivers.map((transceiver, index) => ({
        location: 'local',
        mid: transceiver.mid,
        trackName: names[index],
      })),
    });
    await this.pc.setRemoteDescription(response.sessionDescription);
    return transceivers.map((transceiver, index) => ({
      sessionId: this.sessionId,
      trackName: names[index],
      mid: transceiver.mid ?? '',
    }));
  }

  /** Pulls `tracks` the partytracks way: the SFU offers, we answer and renegotiate. */
  async pull(tracks: RemoteTrackRef[], extra: Record<string, unknown> = {}): Promise<PulledTrack[]> {
    const response = await this.api('POST', '/tracks/new', {
      tracks: tracks.map((track) => ({ location: 'remote', ...track, ...extra })),
    });
    const failed = response.tracks.find((track: { errorCode?: string }) => track.errorCode);
    if (failed) throw new Error(`pull failed: ${JSON.stringify(failed)}`);
    if (response.requiresImmediateRenegotiation) {
      await this.pc.setRemoteDescription(response.sessionDescription);
      await this.pc.setLocalDescription(await this.pc.createAnswer());
      await this.api('PUT', '/renegotiate', { sessionDescription: this.pc.localDescription?.toJSON() });
    }
    return response.tracks.map((track: { mid: string }) => this.pulled(track.mid));
  }

  /** The transceiver of `mid` and its track. */
  pulled(mid: string): PulledTrack {
    const transceiver = this.pc.getTransceivers().find((candidate) => candidate.mid === mid);
    if (!transceiver) throw new Error(`no transceiver with mid ${mid}`);
    return { mid, transceiver, track: transceiver.receiver.track };
  }

  /** Closes `mids` the Cloudflare way: stop the transceivers, offer, `tracks/close` with force false, apply. */
  async close(mids: string[]): Promise<RTCSessionDescriptionInit> {
    for (const transceiver of this.pc.getTransceivers()) {
      if (mids.includes(transceiver.mid ?? '')) transceiver.stop();
    }
    await this.pc.setLocalDescription(await this.pc.createOffer());
    const response = await this.api('PUT', '/tracks/close', {
      sessionDescription: this.pc.localDescription?.toJSON(),
      tracks: mids.map((mid) => ({ mid })),
      force: false,
    });
    await this.pc.setRemoteDescription(response.sessionDescription);
    return response.sessionDescription;
  }

  /** Ends the peer connection without a word to the SFU, as a closed tab does. */
  hangUp(): void {
    this.pc.close();
  }
}

export interface PulledTrack {
  mid: string;
  transceiver: RTCRtpTransceiver;
  track: MediaStreamTrack;
}

export async function rawApi(sfu: TestSfu, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${appBase(sfu)}/${path}`, {
    method,
    headers: { authorization: `Bearer ${sfu.appSecret}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Bytes of every RTP stream of `pc` of `type`, by mid. */
export async function rtpBytesByMid(
  pc: RTCPeerConnection,
  type: 'outbound-rtp' | 'inbound-rtp',
): Promise<Map<string, number>> {
  const bytes = new Map<string, number>();
  const report = await pc.getStats();
  for (const stats of report.values()) {
    if (stats.type !== type || stats.mid === undefined) continue;
    const value = type === 'outbound-rtp' ? stats.bytesSent : stats.bytesReceived;
    bytes.set(stats.mid, (bytes.get(stats.mid) ?? 0) + (value ?? 0));
  }
  return bytes;
}
