// Crowd measurement, project side: one `<calls-room>` (script-tag bundle, loaded by the page's HTML)
// with a paginated `<calls-grid>` as big as the fixed viewport allows, in a room of 24 publishers.
// The grid pulls video only for the tiles on its page, at each tile's layer; the room pulls
// everyone's audio. The page is instrumented (bench/pages/instrument.ts) so the harness can read
// the room's peer connection.
import { firstValueFrom } from 'rxjs';
import type { CallsGridElement } from '../../src/elements/calls-grid/calls-grid.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { CROWD_VIEWER } from './lib/crowd-viewer.js';
import { type InboundStream, readInbound } from './lib/inbound-totals.js';

let element: CallsRoomElement | undefined;

function remoteTiles(): CallsTileElement[] {
  const grid = element?.querySelector<CallsGridElement>('calls-grid');
  const self = element?.model?.participantId;
  return [...(grid?.shadowRoot?.querySelectorAll<CallsTileElement>('calls-tile') ?? [])].filter(
    (tile) => tile.participantId !== self,
  );
}

const bench = {
  async join(config: { endpoint: string; room: string }): Promise<void> {
    element = document.createElement('calls-room') as CallsRoomElement;
    element.endpoint = config.endpoint;
    element.room = config.room;
    element.displayName = 'viewer';
    element.style.cssText = `display:block;width:${CROWD_VIEWER.width}px;--calls-room-min-height:0`;
    element.innerHTML = `<calls-grid min-tile-width="${CROWD_VIEWER.minTileWidth}" style="height:${CROWD_VIEWER.height}px"></calls-grid>`;
    // A viewer that only watches, like the baseline: no camera to encode, no microphone.
    element.media.setCameraEnabled(false);
    element.media.setMicEnabled(false);
    document.body.append(element);
    await element.join();
  },
  /** The remote tiles on the grid's page. */
  tiles(): number {
    return remoteTiles().length;
  },
  /** Resolves once `expected` remote tiles are on the page and every one has shown a frame. */
  async allTilesPlaying(expected: number, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const tiles = remoteTiles();
      const playing = tiles.filter(
        (tile) => (tile.videoElement?.getVideoPlaybackQuality().totalVideoFrames ?? 0) > 0,
      );
      if (tiles.length >= expected && playing.length === tiles.length) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  },
  /** The room's Calls session, for asking the SFU what it forwards. */
  async sessionId(): Promise<string | null> {
    return (await firstValueFrom(element!.model!.self$))?.sessionId ?? null;
  },
  inbound(): Promise<InboundStream[]> {
    const census = (window as any).benchCensus as { peerConnections(): RTCPeerConnection[] };
    return readInbound(census.peerConnections());
  },
  async leave(): Promise<void> {
    await element?.leave().catch(() => undefined);
    element?.remove();
    element = undefined;
  },
};

Object.assign(window, { bench });
export type CrowdWidgetPage = typeof bench;
