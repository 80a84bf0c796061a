// What a browser-driven measurement starts, in this order (so it is stopped in reverse): the
// media-stack child (SFU, backend, relay, as asked), the page server and Chromium.
import type { BrowserContext } from 'playwright-core';
import type { MediaStackOptions, MediaStackReady } from '../children/media-stack.js';
import { type ChildHandle, startChild } from './child.js';
import { type BenchBrowser, launchChromium } from './chromium.js';
import { type PageServer, startPageServer } from './page-server.js';
import type { Section } from './report.js';
import type { Resources } from './resources.js';
import { runSection, type SectionDraft } from './section.js';

export interface BrowserBench {
  stack: ChildHandle<MediaStackReady>;
  pages: PageServer;
  chromium: BenchBrowser;
}

export async function startBrowserBench(
  resources: Resources,
  stackLabel: string,
  options: MediaStackOptions,
): Promise<BrowserBench> {
  const stack = resources.add(
    stackLabel,
    await startChild<MediaStackReady>('media-stack.ts', { ...options }),
  );
  const pages = resources.add('page server', await startPageServer());
  const chromium = resources.add('chromium', await launchChromium());
  return { stack, pages, chromium };
}

export interface JoinBench {
  stack: MediaStackReady;
  pages: PageServer;
  context: BrowserContext;
}

/**
 * A section comparing `<calls-room>` with raw partytracks + relay, both joining rooms on the local
 * SFU: its stack serves the SFU, the relay (baseline presence) and the backend (`<calls-room>`).
 */
export function runJoinSection(
  id: string,
  title: string,
  measure: (section: SectionDraft, bench: JoinBench) => Promise<void>,
): Promise<Section> {
  return runSection(
    {
      id,
      title,
      projectLabel: '<calls-room>',
      baselineLabel: 'raw partytracks + relay',
      figures: [],
      notes: [],
    },
    async (section, resources) => {
      const { stack, pages, chromium } = await startBrowserBench(resources, 'media stack', {
        sfu: {},
        relay: true,
        backend: {},
      });
      await measure(section, { stack: stack.ready, pages, context: chromium.context });
    },
  );
}
