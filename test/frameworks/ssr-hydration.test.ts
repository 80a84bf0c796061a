// Server-side rendering end to end: @lit-labs/ssr renders <calls-room> in Node, a page serves that
// HTML with the package and Lit's hydrate support, and in Chromium the element hydrates the
// server's DOM (the nodes the server wrote stay; a plain upgrade would wipe and rebuild them),
// without a single hydration mismatch (the first client render equals the server's), shows the
// client's own state right after, then joins on the client: two such pages decode each other.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { build } from 'esbuild';
import { html } from 'lit';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import { chromiumArgs, chromiumPath } from '../chromium.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** In the page (a string: tsx would wrap a function with helpers the page lacks). */
const hydrated = `(async () => {
  await customElements.whenDefined('calls-room');
  const room = document.querySelector('calls-room');
  await room.updateComplete;
  return { serverNodeKept: window.serverNode.isConnected, sameRoot: room.shadowRoot === window.serverRoot };
})()`;

/** `aria-pressed` of each microphone button in the page: the server rendered it off. */
const micButtons = `(() => {
  const pressed = [];
  const roots = [document];
  while (roots.length > 0) {
    for (const node of roots.pop().querySelectorAll('*')) {
      if (node.shadowRoot) roots.push(node.shadowRoot);
      if (node.localName === 'calls-mic-button') pressed.push(node.shadowRoot.querySelector('button')?.getAttribute('aria-pressed') ?? '');
    }
  }
  return pressed;
})()`;

const decodingRemote = `(() => {
  const names = [];
  const roots = [document];
  while (roots.length > 0) {
    for (const node of roots.pop().querySelectorAll('*')) {
      if (node.shadowRoot) roots.push(node.shadowRoot);
      if (node.localName !== 'calls-tile' || node.shadowRoot?.querySelector('video.mirrored')) continue;
      if ((node.videoElement?.videoWidth ?? 0) > 0) names.push(node.shadowRoot.querySelector('[part="name"]')?.textContent ?? '');
    }
  }
  return names;
})()`;

async function poll(
  page: Page,
  script: string,
  what: string,
  done: (value: string[]) => boolean,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = (await page.evaluate(script)) as string[];
    if (done(value)) return;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last seen ${JSON.stringify(value)}`);
    await page.waitForTimeout(250);
  }
}

describe('server-rendered <calls-room>', () => {
  let site: string;
  let dev: RunningDevServer;
  let browser: Browser;
  const room = `ssr-${Date.now().toString(36)}`;

  before(async () => {
    await import('../../src/index.js');
    site = await mkdtemp(join(tmpdir(), 'calls-elements-ssr-'));
    for (const name of ['Ada', 'Grace']) {
      const markup = await collectResult(
        render(
          html`<calls-room endpoint="/calls" room=${room} display-name=${name} style="display: block; height: 400px"></calls-room>`,
        ),
      );
      await writeFile(
        join(site, `${name}.html`),
        `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body>${markup}
<script>
  // What the server wrote, before any script defines the element.
  window.serverRoot = document.querySelector('calls-room').shadowRoot;
  window.serverNode = window.serverRoot.firstElementChild;
</script>
<script type="module" src="./client.js"></script></body></html>`,
      );
    }
    await build({
      stdin: {
        contents: `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport ${JSON.stringify(`${root}dist/index.js`)};`,
        resolveDir: root,
      },
      bundle: true,
      format: 'esm',
      outfile: join(site, 'client.js'),
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    dev = await startDevServer({ port: 0, logLevel: 'silent', site });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    await dev?.stop();
    if (site) await rm(site, { recursive: true, force: true });
  });

  it('hydrates the server DOM, then joins and decodes on the client', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const errors: string[] = [];
    const [ada, grace] = await Promise.all(
      ['Ada', 'Grace'].map(async (name) => {
        const page = await context.newPage();
        page.on('pageerror', (error) => errors.push(`[${name}] ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`[${name}] ${message.text()}`);
        });
        await page.goto(`${dev.url}/${name}.html`);
        return page;
      }),
    );
    for (const page of [ada, grace] as Page[]) {
      assert.deepEqual(await page.evaluate(hydrated), { serverNodeKept: true, sameRoot: true });
      // The lobby's microphone is on in the browser; the server could not know that. Hydration
      // renders the server's "off", and the update after it shows "on".
      await poll(
        page,
        micButtons,
        'the hydrated lobby to show the microphone on',
        (pressed) => pressed.length > 0 && pressed.every((value) => value === 'true'),
      );
      await page.evaluate("document.querySelector('calls-room').join()");
    }
    await poll(ada as Page, decodingRemote, 'Ada to decode Grace', (names) => names.includes('Grace'));
    await poll(grace as Page, decodingRemote, 'Grace to decode Ada', (names) => names.includes('Ada'));
    // Nothing in either console: a "Hydration value mismatch" (the first client render differing
    // from the server's) fails the test like any other error.
    assert.deepEqual(errors, []);
    await context.close();
  });
});
