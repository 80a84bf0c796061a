// SFU memory page: create / use / close cycles of Calls sessions on the local SFU, several lanes
// at once. One cycle: a publisher session pushes camera + mic, a subscriber session pulls both and
// shows a frame, then both end (tracks closed, peer connections closed).
import { of } from 'rxjs';
import { attachVideo, camera, firstFrameTime } from './lib/first-frame.js';
import { hold, partyTracksFor, type SfuAddress } from './lib/partytracks.js';
import { within } from './lib/within.js';

let stream: MediaStream | undefined;

async function cycle(sfu: SfuAddress, timeoutMs: number): Promise<boolean> {
  stream ??= await camera();
  const publisher = partyTracksFor(sfu);
  const subscriber = partyTracksFor(sfu);
  const releases: (() => void)[] = [];
  try {
    // Clones, so closing this cycle's senders never ends the camera the next cycle uses.
    const pushed = await Promise.all(
      stream.getTracks().map((track) => hold(publisher.push(of(track.clone())))),
    );
    releases.push(...pushed.map(({ release }) => release));
    const pulled = await Promise.all(pushed.map(({ value }) => hold(subscriber.pull(of(value)))));
    releases.push(...pulled.map(({ release }) => release));
    const video = pulled.map(({ value }) => value).find((track) => track.kind === 'video')!;
    const element = attachVideo(video);
    releases.push(() => element.remove());
    return (await within(firstFrameTime(element, timeoutMs), timeoutMs).catch(() => null)) !== null;
  } finally {
    for (const release of releases.reverse()) release();
  }
}

const bench = {
  /** Runs `count` cycles, `lanes` at a time; answers how many showed a frame. */
  async cycles(sfu: SfuAddress, count: number, lanes: number, timeoutMs: number): Promise<{ shown: number }> {
    let next = 0;
    let shown = 0;
    const lane = async () => {
      while (next < count) {
        next++;
        if (await cycle(sfu, timeoutMs)) shown++;
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    return { shown };
  },
  leave(): void {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
  },
};

Object.assign(window, { bench });
export type SfuCyclesPage = typeof bench;
