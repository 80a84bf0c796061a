// The script-tag bundle in a real page: a <calls-room lang="ar|he"> loads its language chunk from
// next to the bundle (dist/calls-elements.<lang>.min.js) and lays out right to left. Evidence: real
// Chromium screenshots of the meeting's control bar, compared structurally — the Leave button's
// coloured pixels sit mirrored across the bar from where the same language shows them left to right.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { useCallServer } from './helpers/call-server.js';
import { deepFind, theRoom } from './helpers/page-scripts.js';

/** Replaces the demo's room with one in `lang` and `dir` (empty: the elements decide), joined. */
async function showJoinedRoom(page: Page, lang: string, dir: string, join: string): Promise<void> {
  await page.evaluate(
    `(() => {
      for (const old of document.querySelectorAll('calls-meeting, calls-room')) old.remove();
      const room = document.createElement('calls-room');
      room.setAttribute('endpoint', '/calls');
      room.setAttribute('room', 'rtl-screenshot');
      room.setAttribute('name', 'Ada');
      room.setAttribute('lang', ${JSON.stringify(lang)});
      if (${JSON.stringify(dir)}) room.setAttribute('dir', ${JSON.stringify(dir)});
      room.style.cssText = 'display:block;width:1100px;height:400px';
      document.body.append(room);
    })()`,
  );
  // The lobby speaks the language once its chunk has loaded; then join and wait for the meeting's bar.
  await page.waitForFunction(
    `(() => { ${deepFind} return deepFind('calls-join-button')[0]?.shadowRoot?.querySelector('[part="button"]')?.textContent?.trim() === ${JSON.stringify(join)}; })()`,
    undefined,
    { timeout: 30_000 },
  );
  await page.evaluate(`(() => { ${deepFind} return ${theRoom}.join(); })()`);
  await page.waitForFunction(
    `(() => { ${deepFind} return deepFind('calls-leave-button').some((leave) => leave.shadowRoot?.querySelector('[part="button"]')); })()`,
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * The horizontal span, as fractions of the meeting's control bar's width, of the screenshot's
 * pixels in the Leave button's background colour (read from the screenshot in the page, through a canvas).
 */
async function leaveSpan(page: Page): Promise<{ start: number; end: number }> {
  // Playwright's CSS locators pierce open shadow roots.
  const bar = page.locator('calls-control-bar [part="bar"]');
  const png = (await bar.screenshot()).toString('base64');
  return page.evaluate(
    `(async () => {
      ${deepFind}
      const leave = deepFind('calls-leave-button')[0].shadowRoot.querySelector('[part="button"]');
      const [r, g, b] = getComputedStyle(leave).backgroundColor.match(/\\d+/g).map(Number);
      const image = new Image();
      image.src = 'data:image/png;base64,${png}';
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data, width } = context.getImageData(0, 0, image.width, image.height);
      // One row through the middle of the Leave button: the participants badge shares its red.
      const barBox = deepFind('calls-control-bar')[0].shadowRoot.querySelector('[part="bar"]').getBoundingClientRect();
      const leaveBox = leave.getBoundingClientRect();
      const middle = Math.round(((leaveBox.top + leaveBox.height / 2 - barBox.top) * image.height) / barBox.height);
      let start = width, end = -1;
      for (let y = middle; y <= middle; y += 1)
        for (let x = 0; x < width; x += 1) {
          const i = (y * width + x) * 4;
          if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 12) {
            start = Math.min(start, x);
            end = Math.max(end, x);
          }
        }
      return { start: start / width, end: (end + 1) / width };
    })()`,
  );
}

describe('right-to-left screenshots of the script-tag bundle', () => {
  const server = useCallServer();

  for (const [lang, join] of [
    ['ar', 'انضمام'],
    ['he', 'הצטרפות'],
  ] as const) {
    it(`${lang}: the control bar is mirrored against the same language left to right`, {
      timeout: 90_000,
    }, async () => {
      const context = await server.browser.newContext({
        permissions: ['camera', 'microphone'],
        viewport: { width: 1200, height: 600 },
      });
      const page = await context.newPage();
      const chunks: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes(`calls-elements.${lang}.min.js`)) chunks.push(request.url());
      });
      await page.goto(`${server.dev.url}/?room=rtl-screenshot&name=Ada`);

      await showJoinedRoom(page, lang, 'ltr', join);
      const ltr = await leaveSpan(page);
      await showJoinedRoom(page, lang, '', join);
      assert.equal(
        await page.evaluate(`(() => { ${deepFind} return getComputedStyle(${theRoom}).direction; })()`),
        'rtl',
      );
      const rtl = await leaveSpan(page);
      await context.close();

      assert.equal(chunks.length, 1, `the ${lang} chunk loads once, from next to the bundle`);
      assert.ok(
        ltr.end > ltr.start && ltr.start > 0.5,
        `LTR: Leave at the end of the bar (${JSON.stringify(ltr)})`,
      );
      assert.ok(rtl.end < 0.5, `RTL: Leave at the start, on the left (${JSON.stringify(rtl)})`);
      assert.ok(Math.abs(rtl.start - (1 - ltr.end)) < 0.02, `mirrored: ${JSON.stringify({ ltr, rtl })}`);
      assert.ok(Math.abs(rtl.end - (1 - ltr.start)) < 0.02, `mirrored: ${JSON.stringify({ ltr, rtl })}`);
    });
  }
});
