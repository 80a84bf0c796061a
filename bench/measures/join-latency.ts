// Join latency: from join() to the first decoded remote video frame, for the second of two
// participants on the local SFU (the first is already in the room and publishing). The baseline
// does the same with raw partytracks and a bare relay for presence; the project side uses
// `<calls-room>` from the script-tag bundle when it exists.
import type { BrowserContext } from 'playwright-core';
import type { MediaStackReady } from '../children/media-stack.js';
import { runJoinSection } from '../lib/browser-bench.js';
import type { PageServer } from '../lib/page-server.js';
import type { Section } from '../lib/report.js';
import { median, percentile } from '../lib/stats.js';
import { withTimeout } from '../lib/timeout.js';
import { widgetSide } from '../lib/widget.js';
import type { JoinBaselinePage } from '../pages/join-baseline.js';
import { lateObservations, widgetJoinRun } from './join-latency-widget.js';
import { FRAME_TIMEOUT_MS, type JoinRun, leaveAndClose } from './join-run.js';

const RUNS = 10;
/** One run first, not counted: Chromium and the SFU warm their code paths on it. */
const WARMUP_RUNS = 1;
const RUN_TIMEOUT_MS = 30_000;
/** Runs without a frame are replaced, at most this many times per side. */
const MAX_EXTRA_ATTEMPTS = 5;

const baselineRun: JoinRun = async (context, pages, stack, room) => {
  const config = { sfu: stack.sfu!, relayUrl: stack.relayUrl!, room };
  const [host, joiner] = [await context.newPage(), await context.newPage()];
  try {
    for (const page of [host, joiner]) await page.goto(pages.pageUrl('join-baseline'));
    await host.evaluate((c) => (window.bench as JoinBaselinePage).join(c), config);
    await host.evaluate(() => (window.bench as JoinBaselinePage).published());
    await joiner.evaluate((c) => (window.bench as JoinBaselinePage).join(c), config);
    return await joiner.evaluate(
      (t) => (window.bench as JoinBaselinePage).firstRemoteFrameMs(t),
      FRAME_TIMEOUT_MS,
    );
  } finally {
    await leaveAndClose([joiner, host], () => (window.bench as JoinBaselinePage).leave());
  }
};

export async function measureRuns(
  run: JoinRun,
  context: BrowserContext,
  pages: PageServer,
  stack: MediaStackReady,
  label: string,
) {
  const samples: number[] = [];
  let failed = 0;
  for (let i = 0; i < WARMUP_RUNS; i++) {
    await withTimeout(
      run(context, pages, stack, `${label}-warmup-${i}`),
      RUN_TIMEOUT_MS,
      `${label} warm-up run`,
    );
  }
  // A run without a frame is retried (boundedly) so each side gets RUNS timed samples if it can.
  for (let attempt = 0; samples.length < RUNS && attempt < RUNS + MAX_EXTRA_ATTEMPTS; attempt++) {
    const ms = await withTimeout(
      run(context, pages, stack, `${label}-${attempt}`),
      RUN_TIMEOUT_MS,
      `${label} join run ${attempt}`,
    );
    if (ms === null) failed++;
    else samples.push(ms);
  }
  return { samples, failed };
}

export function measureJoinLatency(): Promise<Section> {
  return runJoinSection(
    'join-latency',
    `Join latency: join() → first decoded remote video frame (2 participants, ${RUNS} runs)`,
    async (section, { stack, pages, context }) => {
      const baseline = await measureRuns(baselineRun, context, pages, stack, 'baseline');
      const { outcome: widget, note: widgetNote } = await widgetSide(context, pages, () =>
        measureRuns(widgetJoinRun, context, pages, stack, 'widget'),
      );
      section.figures.push(
        {
          metric: 'median',
          unit: 'ms',
          project: widget && median(widget.samples),
          baseline: median(baseline.samples),
        },
        {
          metric: 'p95',
          unit: 'ms',
          project: widget && percentile(widget.samples, 95),
          baseline: percentile(baseline.samples, 95),
        },
        {
          metric: `runs with no remote frame in ${FRAME_TIMEOUT_MS / 1000} s`,
          unit: '',
          project: widget ? widget.failed : null,
          baseline: baseline.failed,
          note: `such runs are left out of median and p95 and replaced by another run (at most ${MAX_EXTRA_ATTEMPTS})`,
        },
      );
      if (widgetNote) section.notes.push(widgetNote);
      if (lateObservations > 0)
        section.notes.push(
          `${lateObservations} widget run(s) found the tile after it had shown a frame; those times are up to one frame late.`,
        );
      section.notes.push(
        `${WARMUP_RUNS} warm-up run per side not counted; each run uses fresh pages and a fresh room.`,
      );
      section.details = { baseline, widget };
    },
  );
}
