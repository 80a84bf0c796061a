// The scaffolding most journeys share: the dev server (script-tag bundle, backend, local SFU) on a
// free loopback port and one headless Chromium with fake media, started before the suite's tests
// and stopped after them. Call it inside `describe`.
import { after, before } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { type RunningDevServer, startDevServer } from '../../../src/dev/dev-server.js';
import { chromiumArgs, chromiumPath } from '../../chromium.js';

export interface CallServer {
  readonly dev: RunningDevServer;
  readonly browser: Browser;
}

/** Registers `before`/`after` hooks; read `dev` and `browser` from the result inside tests. */
export function useCallServer(): CallServer {
  let dev: RunningDevServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    dev = await startDevServer({ port: 0, logLevel: 'silent' });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    await dev?.stop();
  });
  return {
    get dev() {
      if (!dev) throw new Error('the dev server is not started (useCallServer() outside describe?)');
      return dev;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched (useCallServer() outside describe?)');
      return browser;
    },
  };
}
