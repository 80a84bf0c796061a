// What both sides of the leak measurement share: the cycle loop and the census around it.
import type { BrowserContext, Page } from 'playwright-core';
import type { MediaStackReady } from '../children/media-stack.js';
import { type ConstructorGrowth, takeHeapSummary, topGrowth } from '../lib/heap-snapshot.js';
import { type PageCensus, takeCensus } from '../lib/page-census.js';
import type { PageServer } from '../lib/page-server.js';
import { sleep, withTimeout } from '../lib/timeout.js';

export const CYCLES = 50;
/** How many of the most-grown constructors (cycles 26–50) the bench prints per side. */
const TOP_CONSTRUCTORS = 8;
/** A cycle whose participant sees no remote frame by then leaves anyway and counts as failed. */
export const FRAME_TIMEOUT_MS = 8000;
const CYCLE_TIMEOUT_MS = 30_000;
/** Lets asynchronous teardown (track closes, peer connection close) finish before counting. */
export const SETTLE_MS = 1500;
/**
 * Chromium keeps the results of recent getUserMedia calls (and the tracks with their listeners)
 * alive for a while to record usage statistics; after this long idle they are gone, so what is
 * still held then is held by the page.
 */
export const IDLE_MS = 20_000;

export interface LeakOutcome {
  before: PageCensus;
  /** After half the cycles: growth from here to `after` is the steady state, past one-off warm-up. */
  middle: PageCensus;
  after: PageCensus;
  /** `after`, then IDLE_MS with nothing happening. */
  idle: PageCensus;
  /** The constructors that grew most from `middle` to `after` (heap snapshots), by self size. */
  growingConstructors: ConstructorGrowth[];
  /** Join → first frame per cycle; null for a cycle that saw no frame. */
  cycleMs: (number | null)[];
}

export type LeakCycles = (
  context: BrowserContext,
  pages: PageServer,
  stack: MediaStackReady,
  room: string,
) => Promise<LeakOutcome>;

/**
 * Warm-up cycle, census, CYCLES timed cycles (census and heap snapshot half way), settle, census
 * and heap snapshot, idle, census. The censuses come before the snapshots so those do not shift them.
 */
export async function runCycles(
  context: BrowserContext,
  page: Page,
  cycle: (page: Page) => Promise<number | null>,
): Promise<LeakOutcome> {
  const cdp = await context.newCDPSession(page);
  await withTimeout(cycle(page), CYCLE_TIMEOUT_MS, 'warm-up cycle');
  await sleep(SETTLE_MS);
  const before = await takeCensus(page, cdp);
  const cycleMs: (number | null)[] = [];
  let middle = before;
  let middleHeap: Awaited<ReturnType<typeof takeHeapSummary>> | undefined;
  for (let i = 0; i < CYCLES; i++) {
    cycleMs.push(await withTimeout(cycle(page), CYCLE_TIMEOUT_MS, `cycle ${i}`));
    if (i + 1 === CYCLES / 2) {
      await sleep(SETTLE_MS);
      middle = await takeCensus(page, cdp);
      middleHeap = await takeHeapSummary(cdp);
    }
  }
  await sleep(SETTLE_MS);
  const after = await takeCensus(page, cdp);
  const growingConstructors = topGrowth(middleHeap!, await takeHeapSummary(cdp), TOP_CONSTRUCTORS);
  await sleep(IDLE_MS);
  const idle = await takeCensus(page, cdp);
  await cdp.detach();
  return { before, middle, after, idle, growingConstructors, cycleMs };
}
