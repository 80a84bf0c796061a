// Capacity page, SFU side: several participants in this page, each with its own partytracks client
// on the local SFU, publishing 640x360 camera + mic and pulling every other participant's tracks.
import type { PartyTracks, TrackMetadata } from 'partytracks/client';
import { firstValueFrom, of } from 'rxjs';
import { attachVideo, camera, firstFrameTime } from './lib/first-frame.js';
import { hold, partyTracksFor, type SfuAddress } from './lib/partytracks.js';
import { readCounters } from './lib/rtp-stats.js';
import { within } from './lib/within.js';

interface Local {
  id: string;
  client: PartyTracks;
  stream: MediaStream;
  tracks: TrackMetadata[];
}

export interface Published {
  id: string;
  sessionId: string;
  tracks: TrackMetadata[];
}

const locals: Local[] = [];
const releases: (() => void)[] = [];

const bench = {
  async publish(sfu: SfuAddress, ids: string[]): Promise<Published[]> {
    return Promise.all(
      ids.map(async (id) => {
        const client = partyTracksFor(sfu);
        const stream = await camera();
        const pushed = await Promise.all(stream.getTracks().map((track) => hold(client.push(of(track)))));
        for (const { release } of pushed) releases.push(release);
        const local = { id, client, stream, tracks: pushed.map(({ value }) => value) };
        locals.push(local);
        return { id, sessionId: (await firstValueFrom(client.session$)).sessionId, tracks: local.tracks };
      }),
    );
  },

  /** Every local participant pulls every other participant's tracks; resolves when each video shows a frame. */
  async pullAll(
    everyone: Published[],
    timeoutMs: number,
  ): Promise<{ pulledVideos: number; withoutFrame: number }> {
    const waits: Promise<number | null>[] = [];
    // All of one participant's pulls at once, as an app pulling a room it just joined would.
    await Promise.all(
      locals.flatMap((local) =>
        everyone
          .filter((other) => other.id !== local.id)
          .flatMap((other) => other.tracks)
          .map(async (metadata) => {
            const { value: track, release } = await hold(local.client.pull(of(metadata)));
            releases.push(release);
            if (track.kind !== 'video') return;
            const frame = within(firstFrameTime(attachVideo(track), timeoutMs), timeoutMs).catch(() => null);
            waits.push(frame);
          }),
      ),
    );
    const frames = await Promise.all(waits);
    return { pulledVideos: frames.length, withoutFrame: frames.filter((frame) => frame === null).length };
  },

  async counters() {
    const all = await Promise.all(
      locals.map(async (local) =>
        readCounters(local.id, [await firstValueFrom(local.client.peerConnection$)]),
      ),
    );
    return all.flat();
  },

  leave(): void {
    for (const release of releases.splice(0).reverse()) release();
    for (const local of locals.splice(0)) for (const track of local.stream.getTracks()) track.stop();
    for (const video of document.querySelectorAll('video')) video.remove();
  },
};

Object.assign(window, { bench });
export type CapacitySfuPage = typeof bench;
