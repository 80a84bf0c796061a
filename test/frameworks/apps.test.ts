// The demo apps in demo/frameworks (Vue, Svelte, Angular, React), built by scripts/test-frameworks.sh
// against the packed package, as a person uses them: two pages join through a backend that admits
// only signed-in users (so the token the framework set must reach it), decode each other's video,
// show the element's events, and follow the room picker into another room at run time.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import type { AuthorizeHook } from '../../src/server/index.js';
import { chromiumArgs, chromiumPath } from '../chromium.js';

/** Each app, and the query that picks a variant of it (the React app also runs its @lit/react wrapper). */
const apps: { name: string; app: string; query: Record<string, string> }[] = [
  { name: 'vue', app: 'vue', query: {} },
  { name: 'svelte', app: 'svelte', query: {} },
  { name: 'angular', app: 'angular', query: {} },
  { name: 'react', app: 'react', query: {} },
  { name: 'react (@lit/react wrapper)', app: 'react', query: { via: 'wrapper' } },
];

/** Tokens are `user:<id>:<name>`; the backend names people from them and refuses anyone without one. */
const signedInOnly: AuthorizeHook = (request) => {
  const [kind, userId, name] = (request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '').split(
    ':',
  );
  if (kind !== 'user' || !userId || !name) return { allow: false, reason: 'Sign in first.' };
  return { allow: true, userId, name };
};

/**
 * Runs in the page (a string: tsx would wrap a function with helpers the page lacks). The names on
 * the remote tiles whose video decoded a frame (a video has a videoWidth only after one), and the
 * event log the app renders.
 */
const pageView = `(() => {
  const element = document.querySelector('calls-room');
  // The default meeting nests its tiles in kit elements' shadow roots: search them all.
  const tiles = [];
  const roots = element?.shadowRoot ? [element.shadowRoot] : [];
  while (roots.length > 0) {
    for (const node of roots.pop().querySelectorAll('*')) {
      if (node.localName === 'calls-tile') tiles.push(node);
      if (node.shadowRoot) roots.push(node.shadowRoot);
    }
  }
  const remote = tiles.filter((tile) => !tile.shadowRoot?.querySelector('video.mirrored'));
  const nameOf = (tile) => tile.shadowRoot?.querySelector('[part="name"]')?.textContent ?? '';
  return {
    connection: element?.model?.connectionState,
    remote: remote.map(nameOf),
    decoding: remote
      .filter((tile) => (tile.videoElement?.videoWidth ?? 0) > 0 && !tile.videoElement.hidden)
      .map(nameOf),
    events: [...document.querySelectorAll('#events li')].map((item) => item.textContent.trim()),
  };
})()`;

interface PageView {
  connection: string;
  remote: string[];
  decoding: string[];
  events: string[];
}

async function waitForView(page: Page, what: string, test: (view: PageView) => boolean): Promise<PageView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const view = (await page.evaluate(pageView)) as PageView;
    if (test(view)) return view;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; the page shows ${JSON.stringify(view)}`);
    await page.waitForTimeout(250);
  }
}

describe('framework demo apps', () => {
  let dev: RunningDevServer;
  let browser: Browser;

  before(async () => {
    dev = await startDevServer({
      port: 0,
      logLevel: 'silent',
      backend: { anonymous: false, authorize: signedInOnly },
    });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    await dev?.stop();
  });

  for (const { name: label, app, query: variant } of apps) {
    it(`${label}: two pages decode each other, events arrive, the room picker moves them`, {
      timeout: 180_000,
    }, async () => {
      const nonce = Date.now().toString(36);
      const [first, second] = [`${app}-a-${nonce}`, `${app}-b-${nonce}`];
      const context = await browser.newContext({
        permissions: ['camera', 'microphone'],
        viewport: { width: 900, height: 700 },
      });
      const errors: string[] = [];
      const open = async (name: string) => {
        const page = await context.newPage();
        page.on('pageerror', (error) => errors.push(`[${name}] ${error.message}`));
        page.on('console', (message) => {
          // A failed request is reported below with its URL; the console line says only its status.
          if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
            errors.push(`[${name}] ${message.text()}`);
          }
        });
        page.on('response', (response) => {
          if (response.status() >= 400) errors.push(`[${name}] ${response.status()} ${response.url()}`);
        });
        const query = new URLSearchParams({
          ...variant,
          token: `user:${name.toLowerCase()}:${name}`,
          rooms: `${first},${second}`,
        });
        await page.goto(`${dev.url}/frameworks/${app}/dist/index.html?${query}`);
        return page;
      };
      try {
        const ada = await open('Ada');
        await waitForView(ada, 'Ada to join', (view) => view.events.includes(`joined ${first}`));
        const grace = await open('Grace');

        // The names come from the backend's authorize hook, so they prove each token arrived.
        await waitForView(ada, 'Ada to decode Grace', (view) => view.decoding.includes('Grace'));
        const graceView = await waitForView(grace, 'Grace to decode Ada', (view) =>
          view.decoding.includes('Ada'),
        );
        assert.ok(graceView.events.includes(`joined ${first}`), `Grace's events: ${graceView.events}`);
        const adaView = (await ada.evaluate(pageView)) as PageView;
        assert.ok(adaView.events.includes('participant-joined Grace'), `Ada's events: ${adaView.events}`);

        // Grace picks the other room: she leaves Ada's room and joins the new one, alone.
        await grace.selectOption('#room-picker', second);
        const moved = await waitForView(
          grace,
          'Grace to join the second room',
          (view) => view.events.includes(`joined ${second}`) && view.remote.length === 0,
        );
        // In that order: the change, the end of the old room, the new room.
        const after = moved.events.slice(moved.events.indexOf(`joined ${first}`) + 1);
        assert.deepEqual(
          after.filter((line) => !line.startsWith('participant-')),
          [`room-change ${first} to ${second}`, 'left left', `joined ${second}`],
        );
        await waitForView(ada, 'Ada to see Grace leave', (view) => view.remote.length === 0);

        // Ada follows: both meet again in the second room and decode each other there.
        await ada.selectOption('#room-picker', second);
        await waitForView(ada, 'Ada to decode Grace in the second room', (view) =>
          view.decoding.includes('Grace'),
        );
        await waitForView(grace, 'Grace to decode Ada in the second room', (view) =>
          view.decoding.includes('Ada'),
        );
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
