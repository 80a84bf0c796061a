// Crowd measurement, baseline side: what an app on raw partytracks does without layout-aware
// pulls — pull every publisher's camera and microphone straight from the SFU and show every
// camera, all 24, in one grid the size of the project's (each `<video>` a 4×4-grid tile wide).
import type { TrackMetadata } from 'partytracks/client';
import { firstValueFrom, of } from 'rxjs';
import { CROWD_VIEWER } from './lib/crowd-viewer.js';
import { type InboundStream, readInbound } from './lib/inbound-totals.js';
import { hold, partyTracksFor, type SfuAddress } from './lib/partytracks.js';

const releases: (() => void)[] = [];
let connection: RTCPeerConnection | undefined;
let sessionId: string | null = null;
const videos: HTMLVideoElement[] = [];

const bench = {
  async pullAll(sfu: SfuAddress, tracks: TrackMetadata[]): Promise<void> {
    const client = partyTracksFor(sfu);
    const grid = document.createElement('div');
    const tile = Math.floor(CROWD_VIEWER.width / 4) - 12;
    grid.style.cssText = `display:flex;flex-wrap:wrap;gap:12px;width:${CROWD_VIEWER.width}px`;
    document.body.append(grid);
    const pulled = await Promise.all(tracks.map((metadata) => hold(client.pull(of(metadata)))));
    for (const { value: track, release } of pulled) {
      releases.push(release);
      const media = document.createElement(track.kind === 'video' ? 'video' : 'audio');
      media.autoplay = true;
      media.srcObject = new MediaStream([track]);
      if (media instanceof HTMLVideoElement) {
        media.muted = true;
        media.playsInline = true;
        media.style.cssText = `width:${tile}px;aspect-ratio:16/9;object-fit:cover;background:#000`;
        videos.push(media);
        grid.append(media);
      } else document.body.append(media);
    }
    const session = await firstValueFrom(client.session$);
    connection = session.peerConnection;
    sessionId = session.sessionId;
  },
  sessionId(): string | null {
    return sessionId;
  },
  tiles(): number {
    return videos.length;
  },
  async allTilesPlaying(expected: number, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const playing = videos.filter((video) => video.getVideoPlaybackQuality().totalVideoFrames > 0);
      if (videos.length >= expected && playing.length === videos.length) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  },
  inbound(): Promise<InboundStream[]> {
    return readInbound(connection ? [connection] : []);
  },
  leave(): void {
    connection?.close();
    for (const release of releases.splice(0)) release();
    for (const video of videos.splice(0)) video.remove();
  },
};

Object.assign(window, { bench });
export type CrowdBaselinePage = typeof bench;
