// The static Storybook build (`npm run build-storybook`, storybook-static/) as people open it: served
// next to a live backend the way `npm run storybook:static` does, every story renders its element,
// every element has a docs page filled from the manifest, the Themes story restyles its meeting when
// a token control changes (Chromium's computed styles), and two pages of the Autojoin story meet in
// one room and decode each other's video.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import { chromiumArgs, chromiumPath } from '../chromium.js';

const site = fileURLToPath(new URL('../../storybook-static', import.meta.url));

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

/** In the page (a string: tsx would wrap a function with helpers the page lacks). */
const renderedElements = `(() => {
  const root = document.querySelector('#storybook-root');
  return [...(root?.querySelectorAll('*') ?? [])]
    .filter((node) => node.localName.startsWith('calls-'))
    .map((node) => ({ tag: node.localName, defined: Boolean(customElements.get(node.localName)), rendered: Boolean(node.shadowRoot?.childNodes.length), hidden: node.hidden }));
})()`;

/** Names on the remote tiles of the story's room whose video decoded a frame, searching every shadow root. */
const decodingRemoteTiles = `(() => {
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

/** The Themes playground's meeting as Chromium computes it: its background and gaps, and whether it joined. */
const themedMeeting = `(() => {
  const room = document.querySelector('#storybook-root [data-theme-root] calls-room');
  if (!room?.model) return null;
  const style = getComputedStyle(room);
  return { background: style.backgroundColor, gap: style.rowGap, font: style.fontFamily };
})()`;

async function poll<T>(page: Page, script: string, what: string, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = (await page.evaluate(script)) as T;
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last seen ${JSON.stringify(value)}`);
    await page.waitForTimeout(250);
  }
}

describe('static Storybook build', () => {
  let dev: RunningDevServer;
  let browser: Browser;
  let entries: IndexEntry[];

  before(async () => {
    assert.ok(existsSync(`${site}/index.json`), 'run `npm run build-storybook` first');
    entries = Object.values(
      (JSON.parse(readFileSync(`${site}/index.json`, 'utf8')) as { entries: Record<string, IndexEntry> })
        .entries,
    );
    dev = await startDevServer({ port: 0, logLevel: 'silent', site });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    await dev?.stop();
  });

  it('every story renders its calls-* elements', { timeout: 300_000 }, async () => {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const stories = entries.filter((entry) => entry.type === 'story');
    assert.ok(stories.length > 0);
    for (const story of stories) {
      await page.goto(`${dev.url}/iframe.html?id=${story.id}&viewMode=story`);
      const elements = await poll<{ tag: string; defined: boolean; rendered: boolean; hidden: boolean }[]>(
        page,
        renderedElements,
        `story ${story.id} to render`,
        // A closed panel (the chat beside its button) renders when first shown (CallsPanelElement).
        (found) =>
          found.length > 0 &&
          found.every((element) => element.defined && (element.rendered || element.hidden)),
      );
      assert.ok(elements.length > 0, story.id);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('every element with stories has a docs page with its attributes from the manifest', {
    timeout: 120_000,
  }, async () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'),
    ) as {
      modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
    };
    const page = await browser.newPage();
    const docs = entries.filter((entry) => entry.type === 'docs' && entry.title.startsWith('Elements/'));
    assert.ok(docs.length > 0, 'autodocs pages');
    for (const entry of docs) {
      const tag = entry.title.slice('Elements/'.length);
      const element = manifest.modules
        .flatMap((mod) => mod.declarations ?? [])
        .find((d) => d.tagName === tag);
      const attribute = element?.attributes?.[0]?.name;
      if (!attribute) continue;
      await page.goto(`${dev.url}/iframe.html?id=${entry.id}&viewMode=docs`);
      await page.locator('.docblock-argstable').first().waitFor({ timeout: 60_000 });
      const table = await page.locator('.docblock-argstable').first().textContent();
      assert.ok(table?.includes(attribute), `${entry.id}: the args table lists ${attribute}`);
    }
    await page.close();
  });

  it('the Themes story restyles the meeting when a token control changes', { timeout: 120_000 }, async () => {
    const id = 'recipes-themes--playground';
    assert.ok(
      entries.some((entry) => entry.type === 'story' && entry.id === id),
      'the Themes playground',
    );
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    await page.goto(`${dev.url}/iframe.html?id=${id}&viewMode=story`);
    type Look = { background: string; gap: string; font: string } | null;
    const before = await poll<Look>(
      page,
      themedMeeting,
      'the themed meeting to join',
      (look) => look !== null,
    );
    assert.deepEqual(
      { background: before?.background, gap: before?.gap },
      { background: 'rgb(255, 255, 255)', gap: '8px' },
    );
    // What the Controls panel sends when a person changes the surface, the density and the font.
    await page.evaluate(
      `window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', { storyId: ${JSON.stringify(id)}, updatedArgs: { surface: '#fff7ed', density: 2, font: 'Georgia, serif' } })`,
    );
    const after = await poll<Look>(
      page,
      themedMeeting,
      'the new surface',
      (look) => look?.background === 'rgb(255, 247, 237)',
    );
    assert.equal(after?.gap, '16px', 'density 2 doubles the gaps');
    assert.match(after?.font ?? '', /Georgia/);
    await context.close();
  });

  it('two pages of the Autojoin story meet and decode each other', { timeout: 180_000 }, async () => {
    const story = entries.find(
      (entry) => entry.type === 'story' && entry.id === 'elements-calls-room--autojoin',
    );
    assert.ok(story, 'the calls-room Autojoin story');
    const room = `storybook-${Date.now().toString(36)}`;
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    const pages = await Promise.all(
      ['Ada', 'Grace'].map(async (name) => {
        const page = await context.newPage();
        await page.goto(
          `${dev.url}/iframe.html?id=${story.id}&viewMode=story&args=room:${room};displayName:${name}`,
        );
        return page;
      }),
    );
    const [ada, grace] = pages as [Page, Page];
    await poll<string[]>(ada, decodingRemoteTiles, 'Ada to decode Grace', (names) => names.includes('Grace'));
    await poll<string[]>(grace, decodingRemoteTiles, 'Grace to decode Ada', (names) => names.includes('Ada'));
    await context.close();
  });
});
