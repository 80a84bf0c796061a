// Leaks: 50 join/leave cycles in one page — each joins a room where another participant
// publishes, waits for its first decoded frame, and leaves — then compares what the page holds
// (open peer connections, live tracks, JS heap after GC, DOM nodes, listeners) with what it held
// after one warm-up cycle. The baseline is raw partytracks + relay; the project `<calls-room>`.
import type { BrowserContext } from 'playwright-core';
import type { MediaStackReady } from '../children/media-stack.js';
import { startChild } from '../lib/child.js';
import { launchChromium } from '../lib/chromium.js';
import { instrumentContext } from '../lib/instrument.js';
import { type PageServer, startPageServer } from '../lib/page-server.js';
import type { Figure, Section } from '../lib/report.js';
import { runSection } from '../lib/section.js';
import { callsRoomAvailable } from '../lib/widget.js';
import type { JoinBaselinePage } from '../pages/join-baseline.js';
import type { LeakBaselinePage } from '../pages/leak-baseline.js';
import { CYCLES, FRAME_TIMEOUT_MS, type LeakOutcome, runCycles, SETTLE_MS } from './leak-cycles.js';
import { widgetLeakCycles } from './leaks-widget.js';

async function baselineCycles(
  context: BrowserContext,
  pages: PageServer,
  stack: MediaStackReady,
): Promise<LeakOutcome> {
  const room = 'leaks-baseline';
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
  const pick = (outcome: LeakOutcome | null, read: (o: LeakOutcome) => number) =>
    outcome ? read(outcome) : null;
  return [
    {
      metric: 'open RTCPeerConnections before',
      unit: '',
      project: pick(project, (o) => o.before.openPeerConnections),
      baseline: baseline.before.openPeerConnections,
    },
    {
      metric: 'open RTCPeerConnections after',
      unit: '',
      project: pick(project, (o) => o.after.openPeerConnections),
      baseline: baseline.after.openPeerConnections,
    },
    {
      metric: 'live MediaStreamTracks before',
      unit: '',
      project: pick(project, (o) => o.before.liveTracks),
      baseline: baseline.before.liveTracks,
    },
    {
      metric: 'live MediaStreamTracks after',
      unit: '',
      project: pick(project, (o) => o.after.liveTracks),
      baseline: baseline.after.liveTracks,
    },
    {
      metric: 'JS heap before (after GC)',
      unit: 'MB',
      project: pick(project, (o) => o.before.heapUsedBytes / 1e6),
      baseline: baseline.before.heapUsedBytes / 1e6,
    },
    {
      metric: 'JS heap after (after GC)',
      unit: 'MB',
      project: pick(project, (o) => o.after.heapUsedBytes / 1e6),
      baseline: baseline.after.heapUsedBytes / 1e6,
    },
    {
      metric: 'JS heap growth per cycle',
      unit: 'kB',
      project: pick(project, (o) => (o.after.heapUsedBytes - o.before.heapUsedBytes) / CYCLES / 1000),
      baseline: (baseline.after.heapUsedBytes - baseline.before.heapUsedBytes) / CYCLES / 1000,
    },
    {
      metric: 'DOM nodes growth',
      unit: '',
      project: pick(project, (o) => o.after.domNodes - o.before.domNodes),
      baseline: baseline.after.domNodes - baseline.before.domNodes,
    },
    {
      metric: 'event listeners growth',
      unit: '',
      project: pick(project, (o) => o.after.eventListeners - o.before.eventListeners),
      baseline: baseline.after.eventListeners - baseline.before.eventListeners,
    },
    {
      metric: `cycles with no remote frame in ${FRAME_TIMEOUT_MS / 1000} s`,
      unit: '',
      project: pick(project, (o) => o.cycleMs.filter((ms) => ms === null).length),
      baseline: baseline.cycleMs.filter((ms) => ms === null).length,
    },
  ];
}

export function measureLeaks(): Promise<Section> {
  return runSection(
    {
      id: 'leaks',
      title: `Leaks: ${CYCLES} join → first frame → leave cycles in one page`,
      projectLabel: '<calls-room>',
      baselineLabel: 'raw partytracks + relay',
      figures: [],
      notes: [],
    },
    async (section, resources) => {
      const stack = resources.add(
        'media stack',
        await startChild<MediaStackReady>('media-stack.ts', { sfu: {}, relay: true, backend: {} }),
      ).ready;
      const pages = resources.add('page server', await startPageServer());
      const { context } = resources.add('chromium', await launchChromium());
      await instrumentContext(context);
      const baseline = await baselineCycles(context, pages, stack);
      let project: LeakOutcome | null = null;
      if (await callsRoomAvailable(context, pages)) {
        try {
          project = await widgetLeakCycles(context, pages, stack);
        } catch (error) {
          section.notes.push(`<calls-room> failed: ${error instanceof Error ? error.message : error}`);
        }
      } else {
        section.notes.push(
          '<calls-room> is not in dist/calls-elements.min.js yet: widget side unavailable, baseline only.',
        );
      }
      section.figures.push(...figures(project, baseline));
      section.notes.push(
        `"before" is after one warm-up cycle (so one-time module and JIT state is not counted as a leak); both readings ${SETTLE_MS} ms after the last leave, after two forced GCs.`,
      );
      section.details = { baseline, project };
    },
  );
}
