// Join latency: from join() to the first decoded remote video frame, for the second of two
// participants on the local SFU (the first is already in the room and publishing). The baseline
// does the same with raw partytracks and a bare relay for presence; the project side uses
// `<calls-room>` from the script-tag bundle when it exists. Everything runs twice: on the machine as
// it is, and with a CPU burner taking one core (both sides alike, in the same run).
import type { BrowserContext } from 'playwright-core';
import type { MediaStackReady } from '../children/media-stack.js';
import { runJoinSection } from '../lib/browser-bench.js';
import { CONDITIONS, underCondition } from '../lib/cpu-burner.js';
import type { PageServer } from '../lib/page-server.js';
import type { Figure, Section } from '../lib/report.js';
import { median, percentile } from '../lib/stats.js';
import { withTimeout } from '../lib/timeout.js';
import { callsRoomAvailable, WIDGET_UNAVAILABLE } from '../lib/widget.js';
import type { JoinBaselinePage } from '../pages/join-baseline.js';
import type { BaselineMedia } from '../pages/lib/baseline-participant.js';
import { lateObservations, widgetJoinRun } from './join-latency-widget.js';
import { FRAME_TIMEOUT_MS, type JoinRun, leaveAndClose } from './join-run.js';

/**
 * Timed runs per side and condition. With 10, one slow run was the p95 and the medians of two runs
 * within an hour differed by 0.15×; 20 make p95 the second slowest.
 */
const RUNS = 20;
/** One run first, not counted: Chromium and the SFU warm their code paths on it. */
const WARMUP_RUNS = 1;
const RUN_TIMEOUT_MS = 30_000;
/** Runs without a frame are replaced, at most this many times per side. */
const MAX_EXTRA_ATTEMPTS = 5;
/** The suffix of the rows whose baseline sends the widget's media. */
export const SAME_MEDIA = 'baseline sends the same media';

/**
 * A baseline run. `light` is the bench's original baseline: a 640×360 camera in one layer, what a
 * quick raw-partytracks app sends. `widget` sends what `<calls-room>` sends by default (a 1280×720
 * camera in the same three simulcast layers, pulling the layer its small video asks for), so the
 * difference to the widget is the layers above the media, not a different amount of video.
 */
function baselineRun(media: BaselineMedia): JoinRun {
  return async (context, pages, stack, room) => {
    const config = { sfu: stack.sfu!, relayUrl: stack.relayUrl!, room, media };
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
}

export interface SideOutcome {
  samples: number[];
  /** Runs with no remote frame in time, and runs that failed outright (their errors are in `errors`). */
  failed: number;
  errors: string[];
}

/**
 * Every side's runs, alternating side by side run by run, so a change in what else the machine
 * does during the measurement falls on all sides alike. A run without a frame is retried
 * (boundedly) so each side gets RUNS timed samples if it can. A side given as null is not run
 * (the widget, when the bundle is missing) and comes back as null.
 */
export async function measureSides<Side extends string>(
  sides: Record<Side, JoinRun | null>,
  context: BrowserContext,
  pages: PageServer,
  stack: MediaStackReady,
  label: string,
): Promise<Record<Side, SideOutcome | null>> {
  const runners = (Object.entries(sides) as [Side, JoinRun | null][]).filter(
    (entry): entry is [Side, JoinRun] => entry[1] !== null,
  );
  const outcomes = new Map(
    runners.map(([side]) => [side, { samples: [] as number[], failed: 0, errors: [] as string[] }]),
  );
  for (let i = 0; i < WARMUP_RUNS; i++) {
    for (const [side, run] of runners) {
      const what = `${label} ${side} warm-up run`;
      await withTimeout(run(context, pages, stack, `${label}-${side}-warmup-${i}`), RUN_TIMEOUT_MS, what);
    }
  }
  for (let attempt = 0; attempt < RUNS + MAX_EXTRA_ATTEMPTS; attempt++) {
    let ran = false;
    for (const [side, run] of runners) {
      const outcome = outcomes.get(side)!;
      if (outcome.samples.length >= RUNS) continue;
      ran = true;
      try {
        const ms = await withTimeout(
          run(context, pages, stack, `${label}-${side}-${attempt}`),
          RUN_TIMEOUT_MS,
          `${label} ${side} join run ${attempt}`,
        );
        if (ms === null) outcome.failed++;
        else outcome.samples.push(ms);
      } catch (error) {
        // Counted (and its reason printed), so one stuck run fails that run, not the section.
        outcome.failed++;
        outcome.errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (!ran) break;
  }
  return Object.fromEntries(
    (Object.keys(sides) as Side[]).map((side) => [side, outcomes.get(side) ?? null]),
  ) as Record<Side, SideOutcome | null>;
}

/** The median, p95 and frameless rows of `widget` against one baseline, named with `qualifiers`. */
export function joinRows(
  widget: SideOutcome | null,
  baseline: SideOutcome,
  ...qualifiers: string[]
): Figure[] {
  const named = (metric: string) => [metric, ...qualifiers.filter(Boolean)].join(', ');
  return [
    {
      metric: named('median'),
      unit: 'ms',
      project: widget && median(widget.samples),
      baseline: median(baseline.samples),
    },
    {
      metric: named('p95'),
      unit: 'ms',
      project: widget && percentile(widget.samples, 95),
      baseline: percentile(baseline.samples, 95),
    },
    {
      metric: named(`runs with no remote frame in ${FRAME_TIMEOUT_MS / 1000} s`),
      unit: '',
      project: widget ? widget.failed : null,
      baseline: baseline.failed,
    },
  ];
}

export function measureJoinLatency(): Promise<Section> {
  return runJoinSection(
    'join-latency',
    `Join latency: join() → first decoded remote video frame (2 participants, ${RUNS} runs), idle and under contention`,
    async (section, { stack, pages, context }) => {
      const available = await callsRoomAvailable(context, pages);
      if (!available) section.notes.push(WIDGET_UNAVAILABLE);
      const details: Record<string, unknown> = {};
      const rows: Figure[][] = [];
      for (const condition of CONDITIONS) {
        const outcome = await underCondition(condition, section.notes, () =>
          measureSides(
            {
              baseline: baselineRun('light'),
              sameMedia: baselineRun('widget'),
              widget: available ? widgetJoinRun : null,
            },
            context,
            pages,
            stack,
            condition.id,
          ),
        );
        const { widget } = outcome;
        const baseline = outcome.baseline!;
        const sameMedia = outcome.sameMedia!;
        details[condition.id] = outcome;
        for (const [side, sideOutcome] of [
          ['baseline', baseline],
          ['baseline, same media', sameMedia],
          ['<calls-room>', widget],
        ] as const) {
          for (const error of sideOutcome?.errors ?? [])
            section.notes.push(`${condition.id}, ${side}: ${error}`);
        }
        rows.push([
          ...joinRows(widget, baseline, condition.label),
          ...joinRows(widget, sameMedia, condition.label, SAME_MEDIA),
        ]);
      }
      // Idle and contention rows of one metric next to each other.
      for (let metric = 0; metric < rows[0]!.length; metric++) {
        for (const conditionRows of rows) section.figures.push(conditionRows[metric]!);
      }
      section.notes.push(
        `runs with no remote frame are left out of median and p95 and replaced by another run (at most ${MAX_EXTRA_ATTEMPTS} per condition).`,
      );
      if (lateObservations > 0)
        section.notes.push(
          `${lateObservations} widget run(s) found the tile after it had shown a frame; those times are up to one frame late.`,
        );
      section.notes.push(
        `${WARMUP_RUNS} warm-up run per side and condition not counted; each run uses fresh pages and a fresh room; the sides' runs alternate. Contention: a process spinning on one core for every side (bench/lib/cpu-burner.ts).`,
        `Baseline rows: raw partytracks sending a 640×360 camera in one layer. Rows "${SAME_MEDIA}": raw partytracks sending what <calls-room> sends by default (a 1280×720 camera in its three simulcast layers, pulling the layer a 160 px video asks for), so that ratio is the cost of the layers above the media.`,
      );
      section.details = details;
    },
  );
}
