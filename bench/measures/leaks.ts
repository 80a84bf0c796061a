// Leaks: 50 join/leave cycles in one page — each joins a room where another participant
// publishes, waits for its first decoded frame, and leaves — then compares what the page holds
// (open peer connections, live tracks, JS heap after GC, DOM nodes, listeners) with what it held
// after one warm-up cycle. The baseline is raw partytracks + relay; the project `<calls-room>`.
import type { BrowserContext } from 'playwright-core';
import type { MediaStackReady } from '../children/media-stack.js';
import { runJoinSection } from '../lib/browser-bench.js';
import { CONDITIONS, underCondition } from '../lib/cpu-burner.js';
import { formatGrowth } from '../lib/heap-snapshot.js';
import { instrumentContext } from '../lib/instrument.js';
import type { PageServer } from '../lib/page-server.js';
import type { Figure, Section } from '../lib/report.js';
import { widgetSide } from '../lib/widget.js';
import type { JoinBaselinePage } from '../pages/join-baseline.js';
import type { LeakBaselinePage } from '../pages/leak-baseline.js';
import { CYCLES, FRAME_TIMEOUT_MS, IDLE_MS, type LeakOutcome, runCycles, SETTLE_MS } from './leak-cycles.js';
import { widgetLeakCycles } from './leaks-widget.js';

async function baselineCycles(
  context: BrowserContext,
  pages: PageServer,
  stack: MediaStackReady,
  room: string,
): Promise<LeakOutcome> {
  const config = { sfu: stack.sfu!, relayUrl: stack.relayUrl!, room };
  const host = await context.newPage();
  const cycler = await context.newPage();
  try {
    await host.goto(pages.pageUrl('join-baseline'));
    await host.evaluate((c) => (window as any).bench.join(c), config);
    await host.evaluate(() => ((window as any).bench as JoinBaselinePage).published());
    await cycler.goto(pages.pageUrl('leak-baseline'));
    return await runCycles(context, cycler, (page) =>
      page.evaluate(([c, t]) => ((window as any).bench as LeakBaselinePage).cycle(c, t), [
        config,
        FRAME_TIMEOUT_MS,
      ] as const),
    );
  } finally {
    await host.evaluate(() => ((window as any).bench as JoinBaselinePage).leave()).catch(() => undefined);
    await host.close();
    await cycler.close();
  }
}

function figures(project: LeakOutcome | null, baseline: LeakOutcome): Figure[] {
  const figure = (metric: string, unit: string, read: (o: LeakOutcome) => number): Figure => ({
    metric,
    unit,
    project: project ? read(project) : null,
    baseline: read(baseline),
  });
  /** One page reading as two figures, "<what> before<qualifier>" and "<what> after<qualifier>". */
  const beforeAfter = (
    what: string,
    unit: string,
    read: (r: LeakOutcome['before']) => number,
    qualifier = '',
  ) => [
    figure(`${what} before${qualifier}`, unit, (o) => read(o.before)),
    figure(`${what} after${qualifier}`, unit, (o) => read(o.after)),
  ];
  return [
    ...beforeAfter('open RTCPeerConnections', '', (r) => r.openPeerConnections),
    ...beforeAfter('live MediaStreamTracks', '', (r) => r.liveTracks),
    ...beforeAfter('JS heap', 'MB', (r) => r.heapUsedBytes / 1e6, ' (after GC)'),
    figure(
      'JS heap growth per cycle',
      'kB',
      (o) => (o.after.heapUsedBytes - o.before.heapUsedBytes) / CYCLES / 1000,
    ),
    figure(
      `JS heap growth per cycle, cycles ${CYCLES / 2 + 1}–${CYCLES} (steady state)`,
      'kB',
      (o) => (o.after.heapUsedBytes - o.middle.heapUsedBytes) / (CYCLES / 2) / 1000,
    ),
    figure('DOM nodes growth', '', (o) => o.after.domNodes - o.before.domNodes),
    figure('event listeners growth', '', (o) => o.after.eventListeners - o.before.eventListeners),
    figure(
      `event listeners growth, ${IDLE_MS / 1000} s idle later`,
      '',
      (o) => o.idle.eventListeners - o.before.eventListeners,
    ),
    figure(
      `JS heap growth, ${IDLE_MS / 1000} s idle later`,
      'MB',
      (o) => (o.idle.heapUsedBytes - o.before.heapUsedBytes) / 1e6,
    ),
    figure(
      `cycles with no remote frame in ${FRAME_TIMEOUT_MS / 1000} s`,
      '',
      (o) => o.cycleMs.filter((ms) => ms === null).length,
    ),
  ];
}

export function measureLeaks(): Promise<Section> {
  return runJoinSection(
    'leaks',
    `Leaks: ${CYCLES} join → first frame → leave cycles in one page, idle and under contention`,
    async (section, { stack, pages, context }) => {
      await instrumentContext(context);
      const details: Record<string, unknown> = {};
      const rows: Figure[][] = [];
      for (const condition of CONDITIONS) {
        const { baseline, project } = await underCondition(condition, section.notes, async () => {
          const room = (side: string) => `leaks-${condition.id}-${side}`;
          const baseline = await baselineCycles(context, pages, stack, room('baseline'));
          const { outcome: project, note } = await widgetSide(context, pages, () =>
            widgetLeakCycles(context, pages, stack, room('widget')),
          );
          if (note) section.notes.push(`${condition.id}: ${note}`);
          return { baseline, project };
        });
        details[condition.id] = { baseline, project };
        rows.push(
          figures(project, baseline).map((figure) => ({
            ...figure,
            metric: `${figure.metric}, ${condition.label}`,
          })),
        );
        for (const [side, outcome] of [
          ['<calls-room>', project],
          ['baseline', baseline],
        ] as const) {
          if (!outcome) continue;
          section.notes.push(
            `${condition.id}, ${side}: constructors grown most, cycles ${CYCLES / 2 + 1}–${CYCLES} (heap snapshots): ${formatGrowth(outcome.growingConstructors, CYCLES / 2, 'cycle')}`,
          );
        }
      }
      // Idle and contention rows of one metric next to each other.
      for (let metric = 0; metric < rows[0]!.length; metric++) {
        for (const conditionRows of rows) section.figures.push(conditionRows[metric]!);
      }
      section.notes.push(
        `"before" is after one warm-up cycle (so one-time module and JIT state is not counted as a leak); readings ${SETTLE_MS} ms after the last leave, after two forced GCs.`,
        `Chromium holds the tracks of recent getUserMedia calls (and partytracks' "ended" listeners on them) for a while to record usage statistics, so listener growth right after the cycles is the browser's; the "idle later" rows show what the page itself still holds.`,
        "Contention: a process spinning on one core during both sides' cycles (bench/lib/cpu-burner.ts).",
      );
      section.details = details;
    },
  );
}
