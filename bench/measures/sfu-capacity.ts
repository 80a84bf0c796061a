// Local SFU capacity: rooms of 2, 4, 6 and 8 participants, each publishing 640x360 camera + mic
// and receiving everyone else, held for a fixed window. Project: every participant on the local SFU
// (partytracks). Baseline: the same participants as a direct peer-to-peer mesh in the same browser
// — what a small room without any SFU costs on this machine. Both are judged by what subscribers
// get (received frame rate against sent frame rate, packet loss) and what the machine spends.
import type { BrowserContext, Page } from 'playwright-core';
import type { MediaStackReady } from '../children/media-stack.js';
import { startBrowserBench } from '../lib/browser-bench.js';
import type { PageServer } from '../lib/page-server.js';
import { machineBusySeconds, processCpuSeconds, processTreeCpuSeconds } from '../lib/proc-cpu.js';
import type { Figure, Section } from '../lib/report.js';
import { type Rates, ratesBetween } from '../lib/rtp-rates.js';
import { runSection } from '../lib/section.js';
import { median, min } from '../lib/stats.js';
import { sleep, withTimeout } from '../lib/timeout.js';
import type { CapacityMeshPage } from '../pages/capacity-mesh.js';
import type { CapacitySfuPage, Published } from '../pages/capacity-sfu.js';
import type { StreamCounters } from '../pages/lib/rtp-stats.js';

const SIZES = [2, 4, 6, 8];
/** Participants per Chromium page: fewer renderer processes, less memory. */
const PER_PAGE = 4;
/** Settling time after every video shows a frame, before the window opens. */
const WARM_MS = 2000;
const WINDOW_MS = 8000;
const FRAME_TIMEOUT_MS = 10_000;
/** A room that cannot even be set up in this time is reported as such (the mesh of 8 on two cores). */
const SETUP_TIMEOUT_MS = 40_000;
/** "Keeps up": subscribers get at least this share of the frame rate publishers send, and… */
const KEEP_UP_FPS_SHARE = 0.85;
/** …lose less than this share of packets. */
const KEEP_UP_MAX_LOSS_PERCENT = 2;

interface RoomOutcome {
  size: number;
  rates: Rates;
  withoutFrame: number;
  /** Streams in flight: forwarded by the SFU (its GET sessions) or direct (mesh inbound streams). */
  streams: number;
  sfuCpuPercent: number | null;
  browserCpuPercent: number;
  machineCpuPercent: number;
  setupSeconds: number;
}

interface Probe {
  browserPid: number | undefined;
  sfuPid?: number;
}

interface CpuReading {
  sfu: number;
  browser: number;
  machine: number;
  at: number;
}

function readCpu(probe: Probe): CpuReading {
  return {
    sfu: probe.sfuPid ? processCpuSeconds(probe.sfuPid) : 0,
    browser: probe.browserPid ? processTreeCpuSeconds(probe.browserPid) : 0,
    machine: machineBusySeconds(),
    at: performance.now(),
  };
}

async function pagesFor(context: BrowserContext, pages: PageServer, name: string, size: number) {
  const ids = Array.from({ length: size }, (_, index) => `p${index}`);
  const groups: { page: Page; ids: string[] }[] = [];
  for (let start = 0; start < size; start += PER_PAGE) {
    const page = await context.newPage();
    await page.goto(pages.pageUrl(name));
    groups.push({ page, ids: ids.slice(start, start + PER_PAGE) });
  }
  return groups;
}

/** Warm-up, then two readings of RTP counters and CPU around the window. */
async function measureWindow(groups: { page: Page }[], probe: Probe) {
  const counters = async () =>
    (
      await Promise.all(groups.map(({ page }) => page.evaluate(() => window.bench.counters())))
    ).flat() as StreamCounters[];
  await sleep(WARM_MS);
  const [firstCounters, firstCpu] = [await counters(), readCpu(probe)];
  await sleep(WINDOW_MS);
  const [secondCounters, secondCpu] = [await counters(), readCpu(probe)];
  const seconds = (secondCpu.at - firstCpu.at) / 1000;
  return {
    rates: ratesBetween(firstCounters, secondCounters),
    sfuCpuPercent: probe.sfuPid ? (100 * (secondCpu.sfu - firstCpu.sfu)) / seconds : null,
    browserCpuPercent: (100 * (secondCpu.browser - firstCpu.browser)) / seconds,
    machineCpuPercent: (100 * (secondCpu.machine - firstCpu.machine)) / seconds,
    inboundStreams: secondCounters.filter((stream) => stream.direction === 'inbound').length,
  };
}

async function activeForwardedStreams(stack: MediaStackReady, published: Published[]): Promise<number> {
  const { apiBaseUrl, appId, appSecret } = stack.sfu!;
  let active = 0;
  for (const { sessionId } of published) {
    const response = await fetch(`${apiBaseUrl}/apps/${appId}/sessions/${sessionId}`, {
      headers: { authorization: `Bearer ${appSecret}` },
    });
    const session = (await response.json()) as { tracks: { location: string; status: string }[] };
    active += session.tracks.filter(
      (track) => track.location === 'remote' && track.status === 'active',
    ).length;
  }
  return active;
}

type Measured = Awaited<ReturnType<typeof measureWindow>>;

/**
 * One room from opening its pages to leaving: `setup` (bounded by SETUP_TIMEOUT_MS) connects the
 * participants and says how many videos never showed a frame, and how to finish the outcome from
 * the window's readings (its `streams`).
 */
async function room(
  size: number,
  context: BrowserContext,
  pages: PageServer,
  pageName: string,
  probe: Probe,
  what: string,
  setup: (groups: { page: Page; ids: string[] }[]) => Promise<{
    withoutFrame: number;
    finish: (measured: Measured) => Promise<Omit<RoomOutcome, 'size' | 'withoutFrame' | 'setupSeconds'>>;
  }>,
): Promise<RoomOutcome> {
  const started = performance.now();
  const groups = await pagesFor(context, pages, pageName, size);
  try {
    const { withoutFrame, finish } = await withTimeout(setup(groups), SETUP_TIMEOUT_MS, `setting up ${what}`);
    const setupSeconds = (performance.now() - started) / 1000;
    return { size, withoutFrame, setupSeconds, ...(await finish(await measureWindow(groups, probe))) };
  } finally {
    await leave(groups);
  }
}

function sfuRoom(
  size: number,
  context: BrowserContext,
  pages: PageServer,
  stack: MediaStackReady,
  probe: Probe,
): Promise<RoomOutcome> {
  return room(size, context, pages, 'capacity-sfu', probe, `an SFU room of ${size}`, async (groups) => {
    const published = (
      await Promise.all(
        groups.map(({ page, ids }) =>
          page.evaluate(([s, i]) => (window.bench as CapacitySfuPage).publish(s, i), [
            stack.sfu!,
            ids,
          ] as const),
        ),
      )
    ).flat();
    const shown = await Promise.all(
      groups.map(({ page }) =>
        page.evaluate(([p, t]) => (window.bench as CapacitySfuPage).pullAll(p, t), [
          published,
          FRAME_TIMEOUT_MS,
        ] as const),
      ),
    );
    return {
      withoutFrame: shown.reduce((sum, s) => sum + s.withoutFrame, 0),
      finish: async (measured) => ({
        streams: await activeForwardedStreams(stack, published),
        ...measured,
      }),
    };
  });
}

function meshRoom(
  size: number,
  context: BrowserContext,
  pages: PageServer,
  probe: Probe,
): Promise<RoomOutcome> {
  return room(size, context, pages, 'capacity-mesh', probe, `a mesh of ${size}`, async (groups) => {
    const pageOf = new Map(groups.flatMap(({ page, ids }) => ids.map((id) => [id, page] as const)));
    await Promise.all(
      groups.map(({ page, ids }) =>
        page.evaluate(([i, t]) => (window.bench as CapacityMeshPage).start(i, t), [
          ids,
          FRAME_TIMEOUT_MS,
        ] as const),
      ),
    );
    const ids = [...pageOf.keys()];
    for (const [index, from] of ids.entries()) {
      for (const to of ids.slice(index + 1)) {
        const offer = await pageOf
          .get(from)!
          .evaluate(([f, t]) => (window.bench as CapacityMeshPage).offer(f, t), [from, to] as const);
        const answer = await pageOf
          .get(to)!
          .evaluate(([f, t, o]) => (window.bench as CapacityMeshPage).answer(f, t, o), [
            to,
            from,
            offer,
          ] as const);
        await pageOf
          .get(from)!
          .evaluate(([f, t, a]) => (window.bench as CapacityMeshPage).accept(f, t, a), [
            from,
            to,
            answer,
          ] as const);
      }
    }
    const shown = await Promise.all(
      groups.map(({ page }) => page.evaluate(() => (window.bench as CapacityMeshPage).framesShown())),
    );
    return {
      withoutFrame: shown.reduce((sum, s) => sum + s.withoutFrame, 0),
      finish: async ({ inboundStreams, ...measured }) => ({ streams: inboundStreams, ...measured }),
    };
  });
}

async function leave(groups: { page: Page }[]): Promise<void> {
  for (const { page } of groups) {
    await page.evaluate(() => window.bench.leave()).catch(() => undefined);
    await page.close().catch(() => undefined);
  }
  // Let the SFU notice the departures before the next room starts.
  await sleep(1000);
}

function keepsUp(room: RoomOutcome): boolean {
  const received = median(room.rates.receivedFps);
  const sent = median(room.rates.sentFps);
  if (received === null || sent === null || room.withoutFrame > 0) return false;
  return received >= KEEP_UP_FPS_SHARE * sent && (room.rates.lossPercent ?? 0) < KEEP_UP_MAX_LOSS_PERCENT;
}

function figuresFor(sfu: RoomOutcome | undefined, mesh: RoomOutcome | undefined, size: number): Figure[] {
  const of = (room: RoomOutcome | undefined, read: (room: RoomOutcome) => number | null) =>
    room ? read(room) : null;
  return [
    {
      metric: `${size} people: sent video fps (median publisher)`,
      unit: 'fps',
      project: of(sfu, (r) => median(r.rates.sentFps)),
      baseline: of(mesh, (r) => median(r.rates.sentFps)),
    },
    {
      metric: `${size} people: received video fps (median stream)`,
      unit: 'fps',
      project: of(sfu, (r) => median(r.rates.receivedFps)),
      baseline: of(mesh, (r) => median(r.rates.receivedFps)),
    },
    {
      metric: `${size} people: received video fps (worst stream)`,
      unit: 'fps',
      project: of(sfu, (r) => min(r.rates.receivedFps)),
      baseline: of(mesh, (r) => min(r.rates.receivedFps)),
    },
    {
      metric: `${size} people: packet loss`,
      unit: '%',
      project: of(sfu, (r) => r.rates.lossPercent),
      baseline: of(mesh, (r) => r.rates.lossPercent),
    },
    {
      metric: `${size} people: streams (SFU forwarded / mesh direct)`,
      unit: '',
      project: of(sfu, (r) => r.streams),
      baseline: of(mesh, (r) => r.streams),
    },
    {
      metric: `${size} people: SFU process CPU (% of one core)`,
      unit: '%',
      project: of(sfu, (r) => r.sfuCpuPercent),
      baseline: null,
    },
    {
      metric: `${size} people: Chromium CPU, all participants`,
      unit: '%',
      project: of(sfu, (r) => r.browserCpuPercent),
      baseline: of(mesh, (r) => r.browserCpuPercent),
    },
    {
      metric: `${size} people: machine CPU (200% = both cores)`,
      unit: '%',
      project: of(sfu, (r) => r.machineCpuPercent),
      baseline: of(mesh, (r) => r.machineCpuPercent),
    },
  ];
}

function verdict(label: string, rooms: RoomOutcome[]): string {
  const ok = rooms.filter(keepsUp).map((room) => room.size);
  const failing = rooms.find((room) => !keepsUp(room));
  if (!failing) return `${label}: keeps up at every size measured (${rooms.map((r) => r.size).join(', ')}).`;
  const why = `received ${median(failing.rates.receivedFps)?.toFixed(1) ?? '—'} of ${median(failing.rates.sentFps)?.toFixed(1) ?? '—'} fps sent, loss ${failing.rates.lossPercent?.toFixed(1) ?? '—'} %, ${failing.withoutFrame} video(s) never shown`;
  return `${label}: keeps up at ${ok.length ? ok.join(', ') : 'no size'}; first falls behind at ${failing.size} (${why}).`;
}

export function measureSfuCapacity(): Promise<Section> {
  return runSection(
    {
      id: 'capacity',
      title: `Local SFU capacity: rooms of ${SIZES.join(', ')}, 640x360 video + audio, everyone receives everyone (${WINDOW_MS / 1000} s window)`,
      projectLabel: 'local SFU',
      baselineLabel: 'P2P mesh (no SFU)',
      figures: [],
      notes: [],
    },
    async (section, resources) => {
      const { stack: child, pages, chromium } = await startBrowserBench(resources, 'SFU', { sfu: {} });
      const sfuRooms: RoomOutcome[] = [];
      const meshRooms: RoomOutcome[] = [];
      const failures: string[] = [];
      const attempt = async (what: string, run: () => Promise<RoomOutcome>, into: RoomOutcome[]) => {
        try {
          into.push(await run());
        } catch (error) {
          failures.push(`${what}: ${error instanceof Error ? error.message : error}`);
        }
      };
      for (const size of SIZES) {
        await attempt(
          `SFU room of ${size}`,
          () =>
            sfuRoom(size, chromium.context, pages, child.ready, {
              browserPid: chromium.pid,
              sfuPid: child.pid,
            }),
          sfuRooms,
        );
        await attempt(
          `mesh of ${size}`,
          () => meshRoom(size, chromium.context, pages, { browserPid: chromium.pid }),
          meshRooms,
        );
      }
      for (const size of SIZES) {
        section.figures.push(
          ...figuresFor(
            sfuRooms.find((r) => r.size === size),
            meshRooms.find((r) => r.size === size),
            size,
          ),
        );
      }
      section.notes.push(
        verdict('SFU', sfuRooms),
        verdict('Mesh', meshRooms),
        `"Keeps up" = median received fps ≥ ${KEEP_UP_FPS_SHARE * 100}% of median sent fps, loss < ${KEEP_UP_MAX_LOSS_PERCENT} %, every remote video shown. Everything (Chromium, SFU, harness) shares these ${2} cores, so the browser's own encode/decode load is part of the limit.`,
        'The mesh is the same-run baseline: same pages, same fake camera, same machine, no server — each participant encodes once per peer instead of once.',
        ...failures.map((failure) => `failed — ${failure}`),
      );
      section.details = { sfuRooms, meshRooms };
    },
  );
}
