// Capacity page, mesh side (the baseline): the same participants connected directly to each other,
// one RTCPeerConnection per pair, no server in the media path. The harness carries the offers and
// answers between pages; ICE is gathered completely first (loopback only), so no trickle is needed.
import { attachVideo, camera, firstFrameTime } from './lib/first-frame.js';
import { readCounters } from './lib/rtp-stats.js';
import { within } from './lib/within.js';

interface Local {
  id: string;
  stream: MediaStream;
  /** Peer connections to each other participant, by their id. */
  peers: Map<string, RTCPeerConnection>;
}

const locals = new Map<string, Local>();
const frameWaits: Promise<number | null>[] = [];
let frameTimeoutMs = 20_000;

function connection(local: Local, remoteId: string): RTCPeerConnection {
  const pc = new RTCPeerConnection({ iceServers: [] });
  for (const track of local.stream.getTracks()) pc.addTrack(track, local.stream);
  pc.addEventListener('track', ({ track }) => {
    if (track.kind === 'video')
      frameWaits.push(
        within(firstFrameTime(attachVideo(track), frameTimeoutMs), frameTimeoutMs).catch(() => null),
      );
  });
  local.peers.set(remoteId, pc);
  return pc;
}

async function gathered(pc: RTCPeerConnection): Promise<RTCSessionDescriptionInit> {
  if (pc.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) => {
      const check = () => pc.iceGatheringState === 'complete' && resolve();
      pc.addEventListener('icegatheringstatechange', check);
      check();
    });
  }
  return pc.localDescription!.toJSON();
}

const bench = {
  async start(ids: string[], timeoutMs: number): Promise<void> {
    frameTimeoutMs = timeoutMs;
    for (const id of ids) locals.set(id, { id, stream: await camera(), peers: new Map() });
  },
  async offer(fromId: string, toId: string): Promise<RTCSessionDescriptionInit> {
    const pc = connection(locals.get(fromId)!, toId);
    await pc.setLocalDescription(await pc.createOffer());
    return gathered(pc);
  },
  async answer(
    fromId: string,
    toId: string,
    offer: RTCSessionDescriptionInit,
  ): Promise<RTCSessionDescriptionInit> {
    const pc = connection(locals.get(fromId)!, toId);
    await pc.setRemoteDescription(offer);
    await pc.setLocalDescription(await pc.createAnswer());
    return gathered(pc);
  },
  async accept(fromId: string, toId: string, answer: RTCSessionDescriptionInit): Promise<void> {
    await locals.get(fromId)!.peers.get(toId)!.setRemoteDescription(answer);
  },
  async framesShown(): Promise<{ pulledVideos: number; withoutFrame: number }> {
    const frames = await Promise.all(frameWaits);
    return { pulledVideos: frames.length, withoutFrame: frames.filter((frame) => frame === null).length };
  },
  async counters() {
    const all = await Promise.all(
      [...locals.values()].map((local) => readCounters(local.id, [...local.peers.values()])),
    );
    return all.flat();
  },
  leave(): void {
    for (const local of locals.values()) {
      for (const pc of local.peers.values()) pc.close();
      for (const track of local.stream.getTracks()) track.stop();
    }
    locals.clear();
    frameWaits.length = 0;
    for (const video of document.querySelectorAll('video')) video.remove();
  },
};

Object.assign(window, { bench });
export type CapacityMeshPage = typeof bench;
