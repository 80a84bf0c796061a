// A 25-person room: 24 cheap publishers (real clients of the backend, each pushing its own
// encoding of a 320×180 fake camera in three simulcast layers, and the fake microphone) and one
// viewer, a <calls-room> with a paginated <calls-grid> in a fixed 1760×1100 viewport. Its grid
// shows 16 tiles on page 1 (4×4) and the other 9 on page 2 (3×3, so larger tiles).
//
// What the viewer receives is read from two independent places: the SFU's own session state
// (GET session: which publishers' cameras it forwards to the viewer, on which simulcast layer)
// and the viewer's own peer connection (which inbound-rtp video streams are growing, at what
// frame size). Both must name exactly the tiles on the page shown, at the layer each tile's size
// asks for; after the page turns, exactly page 2's. Audio is pulled for everyone in the room,
// on every page (the room plays everyone's microphone through one sink), and that is checked too.
//
// Runs in its own browser group (web-test-runner.config.js) with helpers/crowd-chromium.ts's flag:
// Chromium sends a single simulcast layer below 480×270 by default, and the group lifts that limit
// so cheap 320×180 publishers still send full, half and quarter size.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { firstValueFrom } from 'rxjs';
import { chooseLayer, DEFAULT_SIMULCAST_LAYERS } from '../../src/core/layout.js';
import type { CallsGridElement } from '../../src/elements/calls-grid/calls-grid.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { type Crowd, joinCrowd } from './helpers/crowd-publishers.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import { callsSessionOf, mountRoom, removeRooms, uniqueRoomName } from './helpers/room.js';
import { sfuSession } from './helpers/sfu-client.js';
import { callsTestEnv } from './helpers/test-env.js';

const PUBLISHERS = 24;
/** The tile assumes remote cameras capture 1280 px wide when it picks a layer (calls-tile.ts). */
const ASSUMED_CAPTURE_WIDTH = 1280;

/** What the SFU says it forwards to a session: pulled tracks, by kind, with the publisher's session. */
async function forwarded(sfu: Awaited<ReturnType<typeof callsTestEnv>>['sfu'], sessionId: string) {
  const state = await sfuSession(sfu, sessionId);
  const active = (state.tracks as any[]).filter(
    (track) => track.location === 'remote' && track.status === 'active',
  );
  return {
    video: active.filter((track) => track.kind === 'video'),
    audio: active.filter((track) => track.kind === 'audio'),
  };
}

/**
 * inbound-rtp streams of `pc`, by SSRC: a receiver gets a new one when the SFU switches it to
 * another simulcast layer (each layer arrives with its own SSRC), so one track may have several.
 */
async function inbound(pc: RTCPeerConnection, kind: 'audio' | 'video') {
  const streams = new Map<number, { track: string; bytes: number; width: number }>();
  for (const stats of (await pc.getStats()).values()) {
    if (stats.type !== 'inbound-rtp' || stats.kind !== kind) continue;
    streams.set(stats.ssrc, {
      track: stats.trackIdentifier,
      bytes: stats.bytesReceived ?? 0,
      width: stats.frameWidth ?? 0,
    });
  }
  return streams;
}

/**
 * The receiver tracks whose inbound-rtp bytes grew between two readings `gapMs` apart (a bounded
 * pause between two counter readings, not a wait for something to happen), with the frame width
 * of what grew.
 */
async function growing(pc: RTCPeerConnection, kind: 'audio' | 'video', gapMs = 1000) {
  const before = await inbound(pc, kind);
  await new Promise((resolve) => setTimeout(resolve, gapMs));
  const after = await inbound(pc, kind);
  const grown = new Map<string, number>();
  for (const [ssrc, now] of after)
    if (now.bytes > (before.get(ssrc)?.bytes ?? 0)) grown.set(now.track, now.width);
  return grown;
}

/**
 * The peer connections `action` creates: the constructor is wrapped (still the real one, it only
 * remembers what it made) only while it runs, and nothing else in the page creates one meanwhile.
 */
async function peerConnectionsOf(action: () => Promise<unknown>): Promise<RTCPeerConnection[]> {
  const created: RTCPeerConnection[] = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      created.push(this);
    }
  };
  try {
    await action();
    await waitFor(() => created.length > 0, { what: 'the viewer’s peer connection', timeout: 30_000 });
  } finally {
    window.RTCPeerConnection = Native;
  }
  return created;
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('<calls-grid> with 25 people', function () {
  // 24 publishers set up on a loaded two-core machine, then two pages checked with generous waits.
  this.timeout(300_000);
  let crowd: Crowd | undefined;

  afterEach(async () => {
    crowd?.leave();
    crowd = undefined;
    await removeRooms();
    await setViewport({ width: 800, height: 600 });
  });

  it('receives video for exactly the tiles of the page shown, at each tile’s layer, and everyone’s audio', async () => {
    const { sfu, backend } = await callsTestEnv();
    await setViewport({ width: 1760, height: 1100 });
    const room = uniqueRoomName('crowd');
    const viewer = mountRoom({
      endpoint: backend.endpoint,
      room,
      name: 'Viewer',
      inner: '<calls-grid min-tile-width="340" style="height:1000px"></calls-grid>',
    });
    viewer.style.width = '1700px';
    // The publishers first, then the viewer: it then pulls what it wants in one go instead of
    // renegotiating once per newcomer.
    crowd = await joinCrowd({ endpoint: backend.endpoint, room, count: PUBLISHERS });
    const [viewerPc] = await peerConnectionsOf(() => viewer.join());
    expect(viewerPc).to.exist;
    const layerWidth = new Map(
      DEFAULT_SIMULCAST_LAYERS.map((layer) => [layer.rid, crowd!.captureWidth / layer.scaleResolutionDownBy]),
    );
    const participantOfSession = new Map(crowd.publishers.map((p) => [p.sessionId, p.participantId]));
    const viewerSession = await callsSessionOf(viewer);

    const grid = viewer.querySelector<CallsGridElement>('calls-grid')!;
    await waitFor(
      async () =>
        (await firstValueFrom(viewer.model!.participants$)).length === PUBLISHERS + 1 && grid.pages === 2,
      { what: 'all 25 people in the viewer’s grid, on two pages', timeout: 60_000 },
    );
    const shownTiles = () => [...grid.shadowRoot!.querySelectorAll<CallsTileElement>('calls-tile')];
    const remoteTiles = () =>
      shownTiles().filter((tile) => tile.participantId !== viewer.model!.participantId);

    const layersSeen = new Set<string>();
    const expectPage = async (page: number, tileCount: number) => {
      await grid.updateComplete;
      expect(grid.page).to.equal(page);
      expect(shownTiles().length).to.equal(tileCount);
      // The layer each tile asks for, from its own size (the grid's layout, read off the page).
      const wanted = new Map<string, string>();
      for (const tile of remoteTiles()) {
        const width = Math.round(tile.getBoundingClientRect().width * devicePixelRatio);
        wanted.set(tile.participantId, chooseLayer(width, ASSUMED_CAPTURE_WIDTH)!);
      }
      const onPage = sorted(wanted.keys());

      // The SFU's view: it forwards the cameras of the people on this page, each on its layer, and
      // no other camera (the previous page's pulls are closed).
      await waitFor(
        async () => {
          const { video } = await forwarded(sfu, viewerSession);
          const people = video.map((track) => participantOfSession.get(track.sessionId) ?? track.sessionId);
          return (
            JSON.stringify(sorted(people)) === JSON.stringify(onPage) &&
            video.every(
              (track) =>
                track.simulcast?.forwardedRid === wanted.get(participantOfSession.get(track.sessionId)!),
            )
          );
        },
        {
          what: `the SFU to forward exactly page ${page + 1}'s cameras at their tiles' layers`,
          timeout: 90_000,
        },
      );

      // What arrives: each tile decodes its camera at its layer's size.
      const trackOf = new Map<string, string>();
      for (const tile of remoteTiles()) {
        const video = await waitFor(() => (tile.videoElement?.srcObject ? tile.videoElement : undefined), {
          what: `video in ${tile.participantId}'s tile`,
          timeout: 60_000,
        });
        const expectedWidth = layerWidth.get(wanted.get(tile.participantId)!);
        await waitFor(async () => (await waitForVideoFrames(video, 2, 30_000)).width === expectedWidth, {
          what: `${tile.participantId}'s tile to decode ${expectedWidth} px frames`,
          timeout: 60_000,
        });
        trackOf.set((video.srcObject as MediaStream).getVideoTracks()[0]!.id, tile.participantId);
        layersSeen.add(wanted.get(tile.participantId)!);
      }

      // The viewer's own counters: the inbound video streams that grow are exactly those tiles'
      // tracks, each at its layer's frame width.
      let lastGrown = new Map<string, number>();
      await waitFor(
        async () => {
          const grown = await growing(viewerPc!, 'video');
          lastGrown = grown;
          return (
            JSON.stringify(sorted(grown.keys())) === JSON.stringify(sorted(trackOf.keys())) &&
            [...grown].every(([id, width]) => width === layerWidth.get(wanted.get(trackOf.get(id)!)!))
          );
        },
        { what: `inbound video to grow for exactly page ${page + 1}'s tiles`, timeout: 60_000 },
      ).catch((error: Error) => {
        const seen = [...lastGrown].map(
          ([id, width]) => `${trackOf.get(id) ?? `not shown: ${id}`} @${width}`,
        );
        throw new Error(`${error.message}; growing: ${seen.join(', ')}; shown: ${trackOf.size}`);
      });

      // Audio: everyone's microphone, whatever the page (the SFU forwards all 24, and all 24 grow).
      const { audio } = await forwarded(sfu, viewerSession);
      expect(sorted(audio.map((track) => track.sessionId))).to.deep.equal(
        sorted(participantOfSession.keys()),
      );
      await waitFor(async () => (await growing(viewerPc!, 'audio')).size === PUBLISHERS, {
        what: 'inbound audio to grow from all 24 publishers',
        timeout: 60_000,
      });
    };

    // Page 1: you and the first 15 to join, in 4×4 tiles.
    expect(shownTiles()[0]!.participantId).to.equal(viewer.model!.participantId);
    await expectPage(0, 16);
    const firstPage = remoteTiles().map((tile) => tile.participantId);

    // The next-page button: the other 9, in 3×3 (larger) tiles.
    grid.shadowRoot!.querySelector<HTMLButtonElement>('[data-page="next"]')!.click();
    await expectPage(1, PUBLISHERS + 1 - 16);
    expect(remoteTiles().filter((tile) => firstPage.includes(tile.participantId))).to.deep.equal([]);

    // The two pages' tile sizes ask for two different layers, so both were checked.
    expect(layersSeen.size).to.equal(2);
  });
});
