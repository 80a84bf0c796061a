// What both sides of the leak measurement share: the cycle loop and the census around it.
import type { BrowserContext, Page } from 'playwright-core';
import type { MediaStackReady } from '../children/media-stack.js';
import { type PageCensus, takeCensus } from '../lib/page-census.js';
import type { PageServer } from '../lib/page-server.js';
import { sleep, withTimeout } from '../lib/timeout.js';

export const CYCLES = 50;
/** A cycle whose participant sees no remote frame by then leaves anyway and counts as failed. */
export const FRAME_TIMEOUT_MS = 8000;
const CYCLE_TIMEOUT_MS = 30_000;
/** Lets asynchronous teardown (track closes, peer connection close) finish before counting. */
export const SETTLE_MS = 1500;

export interface LeakOutcome {
  before: PageCensus;
  after: PageCensus;
  /** Join → first frame per cycle; null for a cycle that saw no frame. */
  cycleMs: (number | null)[];
}

export type LeakCycles = (
  context: BrowserContext,
  pages: PageServer,
  stack: MediaStackReady,
) => Promise<LeakOutcome>;

/** Warm-up cycle, census, CYCLES timed cycles, settle, census. */
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
  for (let i = 0; i < CYCLES; i++)
    cycleMs.push(await withTimeout(cycle(page), CYCLE_TIMEOUT_MS, `cycle ${i}`));
  await sleep(SETTLE_MS);
  const after = await takeCensus(page, cdp);
  await cdp.detach();
  return { before, after, cycleMs };
}
