// The meeting as a person lives it, on the demo page of `calls-elements dev`: open the lobby (the
// camera preview plays), join, leave (the "You left" screen, every camera and microphone track
// stopped, the other person sees you go), rejoin (the other person decodes you again).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { useCallServer } from './helpers/call-server.js';
import { deepFind } from './helpers/page-scripts.js';

/** Page code: keeps every track getUserMedia hands out, so the test can check they all stopped. */
const keepCapturedTracks = `(() => {
  window.__capturedTracks = [];
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    window.__capturedTracks.push(...stream.getTracks());
    return stream;
  };
})()`;

/** Page code: whether the tile named `name` decodes video. */
const decodes = (name: string) => `(() => {
  ${deepFind}
  return deepFind('calls-tile').some((tile) =>
    tile.shadowRoot?.querySelector('[part="name"]')?.textContent === ${JSON.stringify(name)} &&
    (tile.videoElement?.videoWidth ?? 0) > 0 && !tile.videoElement.hidden);
})()`;

const hasTileNamed = (name: string) => `(() => {
  ${deepFind}
  return deepFind('calls-tile').some((tile) => tile.shadowRoot?.querySelector('[part="name"]')?.textContent === ${JSON.stringify(name)});
})()`;

describe('the meeting journey on the demo page', () => {
  const server = useCallServer();

  async function open(room: string, name: string): Promise<Page> {
    const context = await server.browser.newContext({
      permissions: ['camera', 'microphone'],
      viewport: { width: 1000, height: 800 },
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[${name}] page error:`, error));
    await page.addInitScript(keepCapturedTracks);
    await page.goto(`${server.dev.url}/?room=${room}&name=${encodeURIComponent(name)}`);
    return page;
  }

  const join = (page: Page) => page.locator('calls-lobby calls-join-button [part="button"]').click();

  it('lobby → join → leave → rejoin', { timeout: 180_000 }, async () => {
    const room = `journey-${Date.now().toString(36)}`;
    const ada = await open(room, 'Ada');
    const bob = await open(room, 'Bob');

    // The lobby: a live preview, and no one has joined yet.
    await ada.waitForFunction(
      `(() => { ${deepFind} const video = deepFind('calls-publisher')[0]?.shadowRoot?.querySelector('video'); return (video?.videoWidth ?? 0) > 0; })()`,
      undefined,
      { timeout: 30_000, polling: 200 },
    );
    assert.equal(await ada.evaluate('document.querySelector("calls-meeting").model'), undefined);

    await Promise.all([join(ada), join(bob)]);
    await bob.waitForFunction(decodes('Ada'), undefined, { timeout: 60_000, polling: 250 });
    await ada.waitForFunction(decodes('Bob'), undefined, { timeout: 60_000, polling: 250 });

    await ada.locator('calls-control-bar calls-leave-button [part="button"]').click();
    await ada.locator('calls-left-screen [part="title"]').waitFor();
    assert.equal(await ada.locator('calls-left-screen [part="title"]').textContent(), 'You left the call');
    await ada.waitForFunction(
      `window.__capturedTracks.length > 0 && window.__capturedTracks.every((track) => track.readyState === 'ended')`,
      undefined,
      { timeout: 15_000, polling: 200 },
    );
    await bob.waitForFunction(`!${hasTileNamed('Ada')}`, undefined, { timeout: 30_000, polling: 250 });

    const rejoin = ada.locator('calls-left-screen calls-join-button [part="button"]');
    assert.equal((await rejoin.textContent())?.trim(), 'Rejoin');
    await rejoin.click();
    await bob.waitForFunction(decodes('Ada'), undefined, { timeout: 60_000, polling: 250 });
    await ada.waitForFunction(decodes('Bob'), undefined, { timeout: 60_000, polling: 250 });
  });
});
