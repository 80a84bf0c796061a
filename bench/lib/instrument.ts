// Adds pages/instrument.ts to a browser context, so every page counts its peer connections and
// tracks from its first line on.
import type { BrowserContext } from 'playwright-core';
import { bundlePage } from './page-server.js';

export async function instrumentContext(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: await bundlePage('instrument', 'iife') });
}
