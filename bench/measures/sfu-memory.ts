// SFU memory: the local SFU in its own process (--expose-gc) before and after 200 create / use /
// close cycles of Calls sessions driven by Chromium (a publisher session pushes camera + mic, a
// subscriber session pulls both and shows a frame, both end). Baseline: 200 lifetimes of bare
// werift peer connections (a connected pair carrying RTP, then closed) in another process.
// Flat memory on both sides means nothing per session outlives it.

import { startBrowserBench } from '../lib/browser-bench.js';
import { startChild } from '../lib/child.js';
import type { MemoryReading } from '../lib/child-side.js';
import type { Section } from '../lib/report.js';
import { runSection } from '../lib/section.js';
import { sleep, withTimeout } from '../lib/timeout.js';
import type { SfuCyclesPage } from '../pages/sfu-cycles.js';

const CYCLES = 200;
const WARMUP_CYCLES = 8;
/** Cycles in flight at once; each holds two sessions. */
const LANES = 4;
const FRAME_TIMEOUT_MS = 5000;
const RUN_TIMEOUT_MS = 180_000;
/** The SFU drops a session once its connection is gone for this long (default 30 s; shortened so the run ends sooner). */
const RESUME_WINDOW_MS = 2000;
/** Longest wait for the SFU to drop the closed sessions before reading memory. */
const DRAIN_TIMEOUT_MS = 10_000;

interface Outcome {
  before: MemoryReading;
  after: MemoryReading;
  usedOk: number;
  sessionsLeft?: number;
}

async function sfuSide(resources: import('../lib/resources.js').Resources): Promise<Outcome> {
  const {
    stack: child,
    pages,
    chromium,
  } = await startBrowserBench(resources, 'SFU', {
    sfu: { resumeWindowMs: RESUME_WINDOW_MS, unconnectedSessionMs: 5000, tickMs: 250 },
  });
  const page = await chromium.context.newPage();
  await page.goto(pages.pageUrl('sfu-cycles'));
  const sfu = child.ready.sfu!;
  const run = (count: number) =>
    withTimeout(
      page.evaluate(([s, c, l, t]) => (window.bench as SfuCyclesPage).cycles(s, c, l, t), [
        sfu,
        count,
        LANES,
        FRAME_TIMEOUT_MS,
      ] as const),
      RUN_TIMEOUT_MS,
      `${count} SFU session cycles`,
    );
  const drain = async () => {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    let left = await child.request<number>('sessionCount');
    while (left > 0 && Date.now() < deadline) {
      await sleep(250);
      left = await child.request<number>('sessionCount');
    }
    return left;
  };
  await run(WARMUP_CYCLES);
  // Only a short pause here: if the SFU keeps closed sessions, waiting longer changes nothing.
  await sleep(RESUME_WINDOW_MS + 500);
  const before = await child.request<MemoryReading>('memory');
  const { shown } = await run(CYCLES);
  await page.evaluate(() => (window.bench as SfuCyclesPage).leave());
  await page.close();
  const sessionsLeft = await drain();
  const after = await child.request<MemoryReading>('memory');
  return { before, after, usedOk: shown, sessionsLeft };
}

async function weriftSide(resources: import('../lib/resources.js').Resources): Promise<Outcome> {
  const child = resources.add('werift cycles', await startChild<Record<string, never>>('werift-cycles.ts'));
  const run = (count: number) =>
    child.request<{ delivered: number }>(
      'cycles',
      { count, lanes: LANES, timeoutMs: FRAME_TIMEOUT_MS },
      RUN_TIMEOUT_MS,
    );
  await run(WARMUP_CYCLES);
  const before = await child.request<MemoryReading>('memory');
  const { delivered } = await run(CYCLES);
  // Same pause as the SFU side gets while its sessions drain.
  await sleep(RESUME_WINDOW_MS + 500);
  const after = await child.request<MemoryReading>('memory');
  return { before, after, usedOk: delivered };
}

export function measureSfuMemory(): Promise<Section> {
  return runSection(
    {
      id: 'sfu-memory',
      title: `SFU memory: ${CYCLES} create / use / close cycles (after GC, process --expose-gc)`,
      projectLabel: 'local SFU (2 sessions/cycle)',
      baselineLabel: 'bare werift pairs',
      figures: [],
      notes: [],
    },
    async (section, resources) => {
      const project = await sfuSide(resources);
      await resources.release();
      const baseline = await weriftSide(resources);
      const mb = (bytes: number) => bytes / 1e6;
      const perCycle = (outcome: Outcome, read: (m: MemoryReading) => number) =>
        (read(outcome.after) - read(outcome.before)) / CYCLES / 1000;
      const heap = (m: MemoryReading) => m.heapUsedBytes + m.externalBytes;
      section.figures.push(
        {
          metric: 'RSS before',
          unit: 'MB',
          project: mb(project.before.rssBytes),
          baseline: mb(baseline.before.rssBytes),
        },
        {
          metric: 'RSS after',
          unit: 'MB',
          project: mb(project.after.rssBytes),
          baseline: mb(baseline.after.rssBytes),
        },
        {
          metric: 'JS heap + external before',
          unit: 'MB',
          project: mb(heap(project.before)),
          baseline: mb(heap(baseline.before)),
        },
        {
          metric: 'JS heap + external after',
          unit: 'MB',
          project: mb(heap(project.after)),
          baseline: mb(heap(baseline.after)),
        },
        {
          metric: 'heap + external growth per cycle',
          unit: 'kB',
          project: perCycle(project, heap),
          baseline: perCycle(baseline, heap),
        },
        {
          metric: 'RSS growth per cycle',
          unit: 'kB',
          project: perCycle(project, (m) => m.rssBytes),
          baseline: perCycle(baseline, (m) => m.rssBytes),
        },
        { metric: 'cycles that carried media', unit: '', project: project.usedOk, baseline: baseline.usedOk },
        {
          metric: 'SFU sessions still open after',
          unit: '',
          project: project.sessionsLeft ?? null,
          baseline: null,
        },
      );
      section.notes.push(
        `${WARMUP_CYCLES} warm-up cycles run before "before"; ${LANES} cycles in flight at a time; the SFU runs with a ${RESUME_WINDOW_MS} ms resume window so closed sessions are dropped within the run.`,
        'RSS rarely shrinks once the allocator has grown it; heap after GC is the figure that shows retained objects.',
      );
      section.details = { project, baseline };
    },
  );
}
