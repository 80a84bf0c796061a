// End to end, as a person uses it: `calls-elements dev` (what `npm start` runs) serves the demo page,
// three browser pages open the same ?room=, join from the lobby, and every page sees and decodes the
// other two.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useCallServer } from './helpers/call-server.js';
import { deepFind } from './helpers/page-scripts.js';

interface PageView {
  self: string;
  /** Names on the remote tiles whose video has decoded frames. */
  decoding: string[];
  names: string[];
}

/**
 * Runs in the page (as a string: tsx would otherwise wrap a function with helpers the page lacks).
 * Answers the page's view once it shows three tiles and decodes video on both remote ones — a
 * video element has a videoWidth only after it decoded a frame.
 */
const roomViewWhenAllDecode = `(() => {
  ${deepFind}
  const tiles = deepFind('calls-tile');
  const remote = tiles.filter((tile) => !tile.shadowRoot?.querySelector('video.mirrored'));
  if (tiles.length !== 3 || remote.length !== 2) return false;
  const decoding = remote.filter((tile) => (tile.videoElement?.videoWidth ?? 0) > 0 && !tile.videoElement.hidden);
  if (decoding.length !== 2) return false;
  const nameOf = (tile) => tile.shadowRoot?.querySelector('[part="name"]')?.textContent ?? '';
  return {
    self: nameOf(tiles.find((tile) => !remote.includes(tile))),
    names: tiles.map(nameOf),
    decoding: decoding.map(nameOf),
  };
})()`;

/** For failure messages: what the page shows. */
const describeRoom = `(() => {
  ${deepFind}
  const element = document.querySelector('calls-meeting');
  const tiles = deepFind('calls-tile');
  return {
    connection: element?.model?.connectionState,
    errors: deepFind('[part="error"]').map((error) => error.textContent),
    tiles: tiles.map((tile) => ({
      name: tile.shadowRoot?.querySelector('[part="name"]')?.textContent,
      hasTrack: Boolean(tile.videoElement?.srcObject),
      hidden: tile.videoElement?.hidden,
      videoWidth: tile.videoElement?.videoWidth,
      box: tile.getBoundingClientRect().toJSON(),
    })),
  };
})()`;

describe('demo page on the dev server', () => {
  const server = useCallServer();

  it('three pages in one room each see the other two', { timeout: 120_000 }, async () => {
    const room = `e2e-${Date.now().toString(36)}`;
    const people = ['Ada', 'Grace', 'Linus'];
    const pages = await Promise.all(
      people.map(async (name) => {
        const context = await server.browser.newContext({
          permissions: ['camera', 'microphone'],
          viewport: { width: 1000, height: 800 },
        });
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error(`[${name}] page error:`, error));
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning')
            console.error(`[${name}] ${message.text()}`);
        });
        await page.goto(`${server.dev.url}/?room=${room}&name=${name}`);
        // The demo opens the lobby; the name field holds the name from the address.
        await page.locator('calls-lobby [part="name-input"]').waitFor();
        assert.equal(await page.locator('calls-lobby [part="name-input"]').inputValue(), name);
        await page.locator('calls-lobby calls-join-button [part="button"]').click();
        return { name, page };
      }),
    );

    const started = Date.now();
    const views = await Promise.all(
      pages.map(({ page }) =>
        page
          .waitForFunction(roomViewWhenAllDecode, undefined, { timeout: 60_000, polling: 250 })
          .then((handle) => handle.jsonValue() as Promise<PageView>)
          .catch(async (error: unknown) => {
            throw new Error(
              `${(error as Error).message}\n  page state: ${JSON.stringify(await page.evaluate(describeRoom))}`,
            );
          }),
      ),
    );
    console.log(`three pages joined and decode each other after ${Date.now() - started} ms`);

    for (const [index, view] of views.entries()) {
      const me = people[index] as string;
      const others = people.filter((name) => name !== me);
      assert.equal(view.self, `${me} (you)`);
      assert.deepEqual([...view.decoding].sort(), others);
    }
    // The demo puts the room in the share link, without the name.
    const shareLink = await pages[0]!.page.locator('#share-link').getAttribute('href');
    assert.ok(shareLink?.includes(`room=${room}`));
    assert.ok(!shareLink?.includes('name='));
  });
});
