// What a page holds: open peer connections and live tracks (pages/instrument.ts), and JS heap,
// DOM nodes and event listeners from the DevTools protocol after a forced garbage collection.
import type { CDPSession, Page } from 'playwright-core';
import { sleep } from './timeout.js';

export interface PageCensus {
  openPeerConnections: number;
  liveTracks: number;
  heapUsedBytes: number;
  domNodes: number;
  eventListeners: number;
}

export async function takeCensus(page: Page, cdp: CDPSession): Promise<PageCensus> {
  // Two collections a moment apart: closing a peer connection frees some objects only after the
  // first collection has run their cleanups.
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(200);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? 0;
  const counts = await page.evaluate(() => {
    const census = (window as any).benchCensus;
    return {
      openPeerConnections: census.openPeerConnections() as number,
      liveTracks: census.liveTracks() as number,
    };
  });
  return {
    ...counts,
    heapUsedBytes: heap.usedSize,
    domNodes: metric('Nodes'),
    eventListeners: metric('JSEventListeners'),
  };
}
