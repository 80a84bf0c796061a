// Debian's Chromium driven by playwright-core, with the flags the project's browser tests use
// (web-test-runner.config.js): fake camera and mic, loopback ICE, no sandbox/GPU, no background
// networking (the machine has no internet).
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../test/chromium.js';

export const CHROMIUM_ARGS = [
  ...chromiumArgs,
  // Background tabs would otherwise get their timers and rendering throttled, and several bench
  // pages run side by side with only one in front.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export interface BenchBrowser {
  browser: Browser;
  context: BrowserContext;
  /** Chromium's main process, for CPU readings of the whole tree. */
  pid: number | undefined;
  close(): Promise<void>;
}

/** `extraArgs` are added to CHROMIUM_ARGS (e.g. a field trial one measurement needs). */
export async function launchChromium(extraArgs: string[] = []): Promise<BenchBrowser> {
  // launchServer rather than launch: only a BrowserServer tells us Chromium's process id.
  const server = await chromium.launchServer({
    executablePath: chromiumPath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    timeout: 60_000,
  });
  const browser = await chromium.connect(server.wsEndpoint());
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  return {
    browser,
    context,
    pid: server.process().pid,
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
    },
  };
}
