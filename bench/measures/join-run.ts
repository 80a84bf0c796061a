// What both sides of the join-latency measurement share: the shape of one run and its limits.
import type { BrowserContext, Page } from 'playwright-core';
import type { MediaStackReady } from '../children/media-stack.js';
import type { PageServer } from '../lib/page-server.js';

declare global {
  interface Window {
    /** What a bench page exposes to the harness (each page declares its own type). */
    bench: any;
  }
}

/** A run whose joiner sees no remote frame by then is counted as failed, not timed. */
export const FRAME_TIMEOUT_MS = 8000;

/** Milliseconds to the first remote frame, or null when none came within FRAME_TIMEOUT_MS. */
export type JoinRun = (
  context: BrowserContext,
  pages: PageServer,
  stack: MediaStackReady,
  room: string,
) => Promise<number | null>;

export async function leaveAndClose(pages: Page[], leave: () => unknown): Promise<void> {
  for (const page of pages) {
    await page.evaluate(leave).catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}
