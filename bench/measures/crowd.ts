// A 25-person room: 24 cheap publishers (bench/pages/crowd-publishers.ts, in their own Chromium)
// and one viewer (in another Chromium, so its CPU is its own) at a fixed 1760×1100 viewport.
// Project: `<calls-room>` with a paginated `<calls-grid>` (16 tiles a page: it pulls the 15 other
// people on page 1, each at its tile's simulcast layer, and everyone's audio). Baseline: raw
// partytracks pulling all 24 cameras and microphones and showing every camera. Both are measured
// in the same run, on the same publishers, over the same window.
import type { Page } from 'playwright-core';
import { ALL_SIMULCAST_LAYERS_FLAG } from '../../test/browser/helpers/crowd-chromium.js';
import type { MediaStackReady } from '../children/media-stack.js';
import { startChild } from '../lib/child.js';
import { launchChromium } from '../lib/chromium.js';
import { instrumentContext } from '../lib/instrument.js';
import { startPageServer } from '../lib/page-server.js';
import { processCpuSeconds, processTreeCpuSeconds } from '../lib/proc-cpu.js';
import type { Section } from '../lib/report.js';
import { runSection } from '../lib/section.js';
import { median } from '../lib/stats.js';
import { sleep, withTimeout } from '../lib/timeout.js';
import { widgetSide } from '../lib/widget.js';
import type { CrowdBaselinePage } from '../pages/crowd-baseline.js';
import type { CrowdMember, CrowdPublishersPage } from '../pages/crowd-publishers.js';
import type { CrowdWidgetPage } from '../pages/crowd-widget.js';
import { CROWD_VIEWER } from '../pages/lib/crowd-viewer.js';
import type { InboundStream } from '../pages/lib/inbound-totals.js';

const PUBLISHERS = 24;
/** Remote tiles on the project's page 1: 16 a page, you first. */
const PROJECT_TILES = 15;
const SETUP_TIMEOUT_MS = 180_000;
const PLAYING_TIMEOUT_MS = 60_000;
const WARM_MS = 3000;
const WINDOW_MS = 10_000;
/** Windows per side, alternating: the machine's load from other work changes between windows. */
const ROUNDS = 3;
/** One side's join, wait for tiles, settle, window and leave, however loaded the machine is. */
const WINDOW_TIMEOUT_MS = 150_000;

export interface ViewerWindow {
  tilesShown: number;
  videoStreamsReceived: number;
  audioStreamsReceived: number;
  sfuForwardedVideo: number;
  sfuForwardedAudio: number;
  /** How many forwarded video tracks the SFU sends on each simulcast layer (rid). */
  sfuForwardedLayers: Record<string, number>;
  downloadKbps: number;
  videoDownloadKbps: number;
  medianReceivedFps: number | null;
  viewerCpuPercent: number;
  sfuCpuPercent: number;
  /** Median over every publisher's every layer of frames encoded per second, in the same window. */
  publishersSentFps: number | null;
  allPlaying: boolean;
}

type ViewerPage = Pick<CrowdWidgetPage, 'tiles' | 'allTilesPlaying' | 'inbound'> & {
  sessionId(): string | null | Promise<string | null>;
};

async function forwardedBy(stack: MediaStackReady, sessionId: string | null) {
  if (!sessionId) return { video: 0, audio: 0, layers: {} };
  const { apiBaseUrl, appId, appSecret } = stack.sfu!;
  const response = await fetch(`${apiBaseUrl}/apps/${appId}/sessions/${sessionId}`, {
    headers: { authorization: `Bearer ${appSecret}` },
  });
  const session = (await response.json()) as {
    tracks: { location: string; status: string; kind: string; simulcast?: { forwardedRid?: string } }[];
  };
  const active = session.tracks.filter((track) => track.location === 'remote' && track.status === 'active');
  const video = active.filter((track) => track.kind === 'video');
  const layers: Record<string, number> = {};
  for (const track of video) {
    const rid = track.simulcast?.forwardedRid ?? 'none';
    layers[rid] = (layers[rid] ?? 0) + 1;
  }
  return { video: video.length, audio: active.length - video.length, layers };
}

/** Waits for every tile to play, settles, then reads counters and CPU around a fixed window. */
async function measureViewer(
  page: Page,
  publishers: Page,
  expectedTiles: number,
  stack: MediaStackReady,
  pids: { viewer: number | undefined; sfu: number },
): Promise<ViewerWindow> {
  const allPlaying = await page.evaluate(([n, t]) => (window.bench as ViewerPage).allTilesPlaying(n, t), [
    expectedTiles,
    PLAYING_TIMEOUT_MS,
  ] as const);
  await sleep(WARM_MS);
  const read = async () => ({
    inbound: await page.evaluate(() => (window.bench as ViewerPage).inbound()),
    viewer: pids.viewer ? processTreeCpuSeconds(pids.viewer) : 0,
    sfu: processCpuSeconds(pids.sfu),
    encoded: await publishers.evaluate(() => (window.bench as CrowdPublishersPage).encoded()),
    at: performance.now(),
  });
  const first = await read();
  await sleep(WINDOW_MS);
  const second = await read();
  const seconds = (second.at - first.at) / 1000;
  const before = new Map(first.inbound.map((stream) => [stream.key, stream]));
  const grown: { stream: InboundStream; bytes: number; fps: number }[] = [];
  for (const stream of second.inbound) {
    const then = before.get(stream.key);
    const bytes = stream.bytes - (then?.bytes ?? 0);
    if (bytes <= 0) continue;
    const statsSeconds = then ? (stream.timestampMs - then.timestampMs) / 1000 : seconds;
    grown.push({ stream, bytes, fps: (stream.framesDecoded - (then?.framesDecoded ?? 0)) / statsSeconds });
  }
  const video = grown.filter(({ stream }) => stream.kind === 'video');
  const encodedBefore = new Map(first.encoded.map((layer) => [layer.key, layer]));
  const sentFps = second.encoded.flatMap((layer) => {
    const then = encodedBefore.get(layer.key);
    const layerSeconds = then ? (layer.timestampMs - then.timestampMs) / 1000 : 0;
    return then && layerSeconds > 0 ? [(layer.frames - then.frames) / layerSeconds] : [];
  });
  const forwarded = await forwardedBy(
    stack,
    await page.evaluate(() => (window.bench as ViewerPage).sessionId()),
  );
  return {
    tilesShown: await page.evaluate(() => (window.bench as ViewerPage).tiles()),
    videoStreamsReceived: video.length,
    audioStreamsReceived: grown.length - video.length,
    sfuForwardedVideo: forwarded.video,
    sfuForwardedAudio: forwarded.audio,
    sfuForwardedLayers: forwarded.layers,
    downloadKbps: (8 * grown.reduce((sum, { bytes }) => sum + bytes, 0)) / seconds / 1000,
    videoDownloadKbps: (8 * video.reduce((sum, { bytes }) => sum + bytes, 0)) / seconds / 1000,
    medianReceivedFps: video.length > 0 ? median(video.map(({ fps }) => fps)) : null,
    viewerCpuPercent: (100 * (second.viewer - first.viewer)) / seconds,
    sfuCpuPercent: (100 * (second.sfu - first.sfu)) / seconds,
    publishersSentFps: sentFps.length > 0 ? median(sentFps) : null,
    allPlaying,
  };
}

export function measureCrowd(): Promise<Section> {
  return runSection(
    {
      id: 'crowd',
      title: `A 25-person room: one viewer, ${PUBLISHERS} publishers (320×180, 3 simulcast layers)`,
      projectLabel: '<calls-room> + <calls-grid>',
      baselineLabel: 'raw partytracks, pull all',
      figures: [],
      notes: [],
    },
    async (section, resources) => {
      const stack = resources.add(
        'media stack',
        await startChild<MediaStackReady>('media-stack.ts', { sfu: {}, backend: {} }),
      );
      const pages = resources.add('page server', await startPageServer());
      const publisherBrowser = resources.add(
        'publishers chromium',
        await launchChromium([ALL_SIMULCAST_LAYERS_FLAG]),
      );
      const viewerBrowser = resources.add('viewer chromium', await launchChromium());
      const viewerContext = await viewerBrowser.browser.newContext({
        viewport: CROWD_VIEWER.viewport,
        permissions: ['camera', 'microphone'],
      });
      resources.add('viewer context', viewerContext);
      await instrumentContext(viewerContext);
      const room = `crowd-${Date.now().toString(36)}`;
      const pids = { viewer: viewerBrowser.pid, sfu: stack.pid };

      const publishers = await publisherBrowser.context.newPage();
      await publishers.goto(pages.pageUrl('crowd-publishers'));
      const setupStarted = performance.now();
      const members: CrowdMember[] = await withTimeout(
        publishers.evaluate((c) => (window.bench as CrowdPublishersPage).join(c), {
          endpoint: stack.ready.endpoint!,
          room,
          count: PUBLISHERS,
        }),
        SETUP_TIMEOUT_MS,
        `${PUBLISHERS} publishers joining`,
      );
      section.notes.push(
        `${PUBLISHERS} publishers joined in ${((performance.now() - setupStarted) / 1000).toFixed(0)} s.`,
      );

      const projectWindow = async () => {
        const page = await viewerContext.newPage();
        try {
          await page.goto(pages.pageUrl('crowd-widget', { withBundle: true }));
          await page.evaluate((c) => (window.bench as CrowdWidgetPage).join(c), {
            endpoint: stack.ready.endpoint!,
            room,
          });
          return await measureViewer(page, publishers, PROJECT_TILES, stack.ready, pids);
        } finally {
          await page.evaluate(() => (window.bench as CrowdWidgetPage).leave()).catch(() => undefined);
          await page.close();
        }
      };
      const baselineWindow = async () => {
        const page = await viewerContext.newPage();
        try {
          await page.goto(pages.pageUrl('crowd-baseline'));
          await page.evaluate(([s, t]) => (window.bench as CrowdBaselinePage).pullAll(s, t), [
            stack.ready.sfu!,
            members.flatMap((member) => member.tracks),
          ] as const);
          return await measureViewer(page, publishers, PUBLISHERS, stack.ready, pids);
        } finally {
          await page.evaluate(() => (window.bench as CrowdBaselinePage).leave()).catch(() => undefined);
          await page.close();
        }
      };
      // Rounds alternate the sides, so a change in machine load between windows hits both.
      const projectRounds: ViewerWindow[] = [];
      const baselineRounds: ViewerWindow[] = [];
      let widgetNote: string | null = null;
      for (let round = 0; round < ROUNDS; round++) {
        const { outcome, note } = await widgetSide(viewerContext, pages, () =>
          withTimeout(projectWindow(), WINDOW_TIMEOUT_MS, `<calls-room> window ${round + 1}`),
        );
        if (outcome) projectRounds.push(outcome);
        widgetNote ??= note;
        baselineRounds.push(
          await withTimeout(baselineWindow(), WINDOW_TIMEOUT_MS, `baseline window ${round + 1}`),
        );
        process.stdout.write(` ${round + 1}/${ROUNDS}`);
      }
      if (widgetNote) section.notes.push(widgetNote);
      await publishers.evaluate(() => (window.bench as CrowdPublishersPage).leave()).catch(() => undefined);
      const project = projectRounds.length > 0 ? projectRounds : null;
      const baseline = baselineRounds;

      const medianOf = (rounds: ViewerWindow[], pick: (w: ViewerWindow) => number | null) => {
        const values = rounds.map(pick).filter((value): value is number => value !== null);
        return values.length > 0 ? median(values) : null;
      };
      const figure = (
        metric: string,
        unit: string,
        pick: (w: ViewerWindow) => number | null,
        note?: string,
      ) =>
        section.figures.push({
          metric,
          unit,
          project: project && medianOf(project, pick),
          baseline: medianOf(baseline, pick),
          ...(note ? { note } : {}),
        });
      figure('video tiles on screen', '', (w) => w.tilesShown);
      figure(
        'video streams received',
        '',
        (w) => w.videoStreamsReceived,
        'inbound-rtp video streams whose bytes grew in the window',
      );
      figure(
        'video tracks the SFU forwards',
        '',
        (w) => w.sfuForwardedVideo,
        "the SFU's own GET session: active remote video",
      );
      figure('audio streams received', '', (w) => w.audioStreamsReceived);
      figure(
        'download',
        'kbit/s',
        (w) => w.downloadKbps,
        'all inbound RTP (payload + headers), audio included',
      );
      figure('download, video only', 'kbit/s', (w) => w.videoDownloadKbps);
      figure('received video fps (median stream)', 'fps', (w) => w.medianReceivedFps);
      figure(
        "publishers' sent fps (median layer)",
        'fps',
        (w) => w.publishersSentFps,
        'frames encoded per second by every layer of every publisher, in the same window (they capture 15 fps)',
      );
      figure(
        'viewer CPU',
        '%',
        (w) => w.viewerCpuPercent,
        "the viewer Chromium's whole process tree, % of one core",
      );
      figure(
        'SFU CPU',
        '%',
        (w) => w.sfuCpuPercent,
        'the media-stack process (SFU + backend), % of one core',
      );
      for (const [side, rounds] of [
        ['<calls-room>', project ?? []],
        ['baseline', baseline],
      ] as const) {
        const short = rounds.filter((w) => !w.allPlaying).length;
        if (short > 0)
          section.notes.push(
            `${side}: in ${short} round(s) not every tile had shown a frame after ${PLAYING_TIMEOUT_MS / 1000} s.`,
          );
      }
      const layers = (rounds: ViewerWindow[]) =>
        rounds
          .map((w) =>
            Object.entries(w.sfuForwardedLayers)
              .map(([rid, n]) => `${n}× ${rid}`)
              .join(', '),
          )
          .join(' / ');
      section.notes.push(
        `Layers the SFU forwards (rid a = 320, b = 160, c = 80 px wide): project ${project ? layers(project) : '—'}; baseline ${layers(baseline)}.`,
      );
      section.notes.push(
        `The project's viewer joins with camera and microphone off (it only watches, like the baseline, which publishes nothing). Same ${PUBLISHERS} publishers for both sides, ${ROUNDS} rounds alternating project and baseline (figures: median over rounds); ${WARM_MS / 1000} s settle, ${WINDOW_MS / 1000} s window; viewport ${CROWD_VIEWER.viewport.width}×${CROWD_VIEWER.viewport.height}.`,
      );
      section.details = { project, baseline };
    },
  );
}
