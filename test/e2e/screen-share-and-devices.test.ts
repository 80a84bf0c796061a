// End to end on `calls-elements dev` (what `npm start` runs), two browser pages per journey:
// 1. Ada shares her screen with <calls-screen-share-button> (a real click; Chromium's fake capture
//    answers with a test screen), Grace's default view gets a screen tile that decodes at the size
//    Ada captures, and the SFU holds the screen as its own track; stopping removes the tile and the track.
// 2. With three fake cameras (--use-fake-device-for-media-stream=device-count=3), Ada picks the second
//    microphone before joining and the third camera in the call; the tracks she publishes come from
//    them, Grace decodes her camera and hears her; after leave → rejoin the same devices are used
//    again and Grace decodes her again.
// The pages are a host app's: served from their own origin (with the built bundle), talking to the
// dev server's backend cross-origin, as the README's "backend elsewhere" setup does. Ada's page is a
// custom layout of kit elements; Grace's is a plain <calls-room> showing its default meeting.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import { chromiumArgs, chromiumPath } from '../chromium.js';
import { call } from '../node/helpers/sfu-api.js';
import { deepFind } from './helpers/page-scripts.js';

/**
 * Three fake cameras besides the usual fake microphones. The journey picks fake_device_2:
 * Chromium's fake_device_1 produces frames (they play locally) that WebRTC never sends — 0 bytes
 * on a plain loopback RTCPeerConnection too — so a call could not show it; fake_device_2 is sent.
 */
const threeCameraArgs = chromiumArgs.map((arg) =>
  arg === '--use-fake-device-for-media-stream' ? '--use-fake-device-for-media-stream=device-count=3' : arg,
);

const adaPage = (room: string) => `
  <calls-room id="room" endpoint="${endpoint}" room="${room}" display-name="Ada">
    <calls-device-select kind="videoinput"></calls-device-select>
    <calls-device-select kind="audioinput"></calls-device-select>
    <calls-join-button></calls-join-button>
    <calls-leave-button></calls-leave-button>
    <calls-screen-share-button></calls-screen-share-button>
  </calls-room>`;

const gracePage = (room: string) => `
  <style>calls-room { display: block; height: 90vh; }</style>
  <calls-room endpoint="${endpoint}" room="${room}" display-name="Grace" autojoin></calls-room>`;

/**
 * In Grace's page: the default-view tile showing Ada's `source` once it decodes, with its size and
 * decoded frame count; false until then.
 */
const graceTileOf = (source: 'camera' | 'screen') => `(() => {
  ${deepFind}
  const tiles = deepFind('calls-tile[source="${source}"]');
  const ada = tiles.find((tile) => tile.shadowRoot?.querySelector('[part="name"]')?.textContent === 'Ada');
  const video = ada?.videoElement;
  if (!video || video.hidden || video.videoWidth === 0) return false;
  return { width: video.videoWidth, height: video.videoHeight, frames: video.getVideoPlaybackQuality().totalVideoFrames };
})()`;

const graceHasScreenTile = `(() => {
  ${deepFind}
  return deepFind('calls-tile[source="screen"]').length > 0;
})()`;

/** In Ada's page: the settings of the tracks she publishes (the room pushes exactly these). */
const publishedSettings = `(async () => {
  const media = document.getElementById('room').media;
  const first = (observable) => new Promise((resolve) => {
    const subscription = observable.subscribe((value) => { resolve(value); queueMicrotask(() => subscription.unsubscribe()); });
  });
  const camera = await first(media.cameraTrack$);
  const mic = await first(media.micTrack$);
  return { camera: camera.getSettings().deviceId, cameraLabel: camera.label, mic: mic.getSettings().deviceId, micLabel: mic.label };
})()`;

/** In the page: its tiles, what it publishes and who it sees, for a failure message. */
const pageState = `(async () => {
  ${deepFind}
  const room = document.querySelector('calls-room');
  const tiles = deepFind('calls-tile').map((t) => [t.source, t.videoElement?.videoWidth, t.videoElement?.videoHeight, t.videoElement?.hidden]);
  const people = await new Promise((resolve) => {
    const subscription = room?.model?.participants$.subscribe((list) => {
      resolve(list.map((p) => ({ name: p.name, videoEnabled: p.videoEnabled, video: p.tracks.video?.trackName ?? null })));
      queueMicrotask(() => subscription.unsubscribe());
    });
    if (!subscription) resolve(null);
  });
  return { tiles, people };
})()`;

/** In Grace's page: the loudest sample of the room's audio sink over 2 s (0 for silence). */
const graceHearsPeak = `(async () => {
  const output = document.querySelector('calls-room').model?.audioOutput;
  if (!output || output.stream.getAudioTracks().length === 0) return 0;
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  context.createMediaStreamSource(output.stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let peak = 0;
  const end = performance.now() + 2000;
  while (performance.now() < end) {
    analyser.getFloatTimeDomainData(samples);
    for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await context.close();
  return peak;
})()`;

/** The dev server's backend, as the pages reach it (cross-origin). */
let endpoint = '';
/** Page name → body; the host app's server serves each inside a page that loads the bundle. */
const pages = new Map<string, string>();

/** The host app: its pages and the built bundle, from 127.0.0.1 on a port of its own. */
function startHostApp(): Promise<Server> {
  const bundle = new URL('../../dist/calls-elements.min.js', import.meta.url);
  const server = createServer(async (request, response) => {
    if (request.url === '/calls-elements.min.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(bundle));
      return;
    }
    const body = pages.get(request.url ?? '');
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/calls-elements.min.js"></script></head><body>${body}</body></html>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function openPage(browser: Browser, host: string, name: string, body: string): Promise<Page> {
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    viewport: { width: 1000, height: 800 },
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error:`, error));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[${name}] ${message.text()}`);
  });
  const path = `/${name.toLowerCase()}-${Date.now().toString(36)}`;
  pages.set(path, body);
  await page.goto(`${host}${path}`);
  return page;
}

/**
 * Evaluates `expression` in the page (awaiting it, so it may be async) until it is truthy, and
 * answers that value; fails with `what` after `timeout` ms.
 */
async function waitIn<T>(page: Page, expression: string, what: string, timeout = 60_000): Promise<T> {
  return poll(
    async () => (await page.evaluate(expression)) as T,
    timeout,
    async () =>
      `Timed out after ${timeout} ms waiting for ${what}; the page shows ${JSON.stringify(await page.evaluate(pageState))}`,
  );
}

/** Runs `check` every 250 ms until it answers something truthy; fails with `failure()` after `timeout` ms. */
async function poll<T>(
  check: () => Promise<T>,
  timeout: number,
  failure: () => Promise<string>,
): Promise<NonNullable<Exclude<T, false>>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<Exclude<T, false>>;
    if (Date.now() > deadline) throw new Error(await failure());
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Picks Ada's camera in her page's select once the cameras are listed. Which fake camera Chromium
 * opens by default varies between runs, and fake_device_1 is never sent (see threeCameraArgs).
 */
async function chooseCamera(ada: Page, label: string): Promise<void> {
  await waitIn(
    ada,
    `document.querySelector('calls-device-select[kind="videoinput"]').selectElement?.options.length === 3`,
    'three cameras listed',
  );
  await ada.locator('calls-device-select[kind="videoinput"] select').selectOption({ label });
}

/** The SFU's own view of Ada's session: the names of the tracks she pushes that are active. */
async function activeTracksOf(dev: RunningDevServer, adaPageHandle: Page): Promise<string[]> {
  const sessionId = await adaPageHandle.evaluate(
    `document.getElementById('room').model?.self$ ? new Promise((resolve) => { const s = document.getElementById('room').model.self$.subscribe((p) => { if (p?.sessionId) { resolve(p.sessionId); queueMicrotask(() => s.unsubscribe()); } }); }) : null`,
  );
  assert.ok(dev.sfu && typeof sessionId === 'string', 'Ada has a Calls session on the local SFU');
  const { status, body } = await call<{ tracks: { trackName: string; status: string; location: string }[] }>(
    dev.sfu,
    'GET',
    `sessions/${sessionId}`,
  );
  assert.equal(status, 200);
  return body.tracks.filter((t) => t.location === 'local' && t.status === 'active').map((t) => t.trackName);
}

async function screenTrackNameOf(ada: Page): Promise<string | null> {
  return ada.evaluate(`new Promise((resolve) => {
    const s = document.getElementById('room').model.self$.subscribe((p) => { resolve(p?.tracks.screenshare?.trackName ?? null); queueMicrotask(() => s.unsubscribe()); });
  })`);
}

describe('screen share and device choice on the dev server', () => {
  let dev: RunningDevServer;
  /** Ada's browser, with three cameras; Grace's has Chromium's one fake camera. */
  let browser: Browser;
  let graceBrowser: Browser;
  let hostApp: Server;
  let host: string;

  before(async () => {
    hostApp = await startHostApp();
    host = `http://127.0.0.1:${(hostApp.address() as AddressInfo).port}`;
    dev = await startDevServer({
      port: 0,
      logLevel: 'silent',
      backend: { cors: { allowedOrigins: [host] } },
    });
    endpoint = dev.endpoint;
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: threeCameraArgs });
    graceBrowser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
  });

  after(async () => {
    await browser?.close();
    await graceBrowser?.close();
    await dev?.stop();
    hostApp?.close();
  });

  it('a shared screen reaches the other page as its own tile at its captured size, and stopping removes it', {
    timeout: 180_000,
  }, async () => {
    const room = `e2e-screen-${Date.now().toString(36)}`;
    const ada = await openPage(browser, host, 'Ada', adaPage(room));
    await chooseCamera(ada, 'fake_device_0');
    const grace = await openPage(graceBrowser, host, 'Grace', gracePage(room));
    await ada.locator('calls-join-button').click();
    await waitIn(grace, graceTileOf('camera'), "Grace to decode Ada's camera");

    const share = ada.locator('calls-screen-share-button button');
    await share.click();
    await waitIn(
      ada,
      `document.querySelector('calls-screen-share-button').shadowRoot.querySelector('button').getAttribute('aria-pressed') === 'true'`,
      'the button to show sharing',
    );
    // What Ada captures: Chromium's fake screen, sized like her window's screen. Its size can change
    // once after the capture starts (the headless screen settles), so it is read again on every check.
    const capturedNow = `new Promise((resolve) => { const s = document.getElementById('room').model.screenShare.videoTrack$.subscribe((t) => { if (t) { const { width, height } = t.getSettings(); resolve({ width, height }); queueMicrotask(() => s.unsubscribe()); } }); })`;
    let captured = await waitIn<{ width: number; height: number }>(
      ada,
      capturedNow,
      'Ada to capture her screen',
    );
    // The encoder starts small and climbs; the screen keeps its size once bandwidth allows (contentHint "detail").
    type Decoded = { width: number; height: number; frames: number };
    let seen: Decoded | false = false;
    const screen = await poll(
      async () => {
        captured = (await ada.evaluate(capturedNow)) as { width: number; height: number };
        seen = (await grace.evaluate(graceTileOf('screen'))) as Decoded | false;
        return seen && seen.width === captured.width && seen.height === captured.height && seen;
      },
      90_000,
      async () =>
        `Grace never decoded Ada's screen at its captured ${captured.width}×${captured.height}; she shows ${JSON.stringify(seen)}`,
    );
    assert.deepEqual([screen.width, screen.height], [captured.width, captured.height]);
    const later = await waitIn<{ frames: number }>(
      grace,
      `(() => { const tile = ${graceTileOf('screen')}; return tile && tile.frames >= ${screen.frames + 30} && tile; })()`,
      'the screen tile to keep decoding',
    );
    console.log(`screen tile ${screen.width}×${screen.height} as captured, ${later.frames} frames decoded`);

    const screenTrack = await screenTrackNameOf(ada);
    assert.ok(screenTrack, "Ada's record names a screen track");
    const sharing = await activeTracksOf(dev, ada);
    assert.ok(sharing.includes(screenTrack), `the SFU holds the screen track (${sharing.join(', ')})`);
    assert.ok(sharing.length >= 3, 'camera, microphone and screen are separate tracks');

    await share.click();
    await waitIn(grace, `!${graceHasScreenTile}`, "Ada's screen tile to leave Grace's view");
    assert.equal(await screenTrackNameOf(ada), null);
    const after = await activeTracksOf(dev, ada);
    assert.ok(!after.includes(screenTrack), `the SFU no longer holds the screen track (${after.join(', ')})`);
    await waitIn(grace, graceTileOf('camera'), "Ada's camera to stay on Grace's view");
    await Promise.all([ada.context().close(), grace.context().close()]);
  });

  it('the chosen camera and microphone are what the other page receives, and again after leave → rejoin', {
    timeout: 180_000,
  }, async () => {
    const room = `e2e-devices-${Date.now().toString(36)}`;
    const ada = await openPage(browser, host, 'Ada', adaPage(room));
    const camera = ada.locator('calls-device-select[kind="videoinput"] select');
    const mic = ada.locator('calls-device-select[kind="audioinput"] select');
    // Device labels show once the page may use the devices; the fake UI grants that.
    await waitIn(
      ada,
      `document.querySelector('calls-device-select[kind="videoinput"]').selectElement?.options.length === 3`,
      'three cameras listed',
    );
    const cameras = await camera.locator('option').allTextContents();
    assert.deepEqual(
      cameras.map((label) => label.trim()),
      ['fake_device_0', 'fake_device_1', 'fake_device_2'],
    );
    // The microphone is chosen before joining, the camera in the call (both paths a person takes).
    await mic.selectOption({ label: 'Fake Audio Input 2' });
    await chooseCamera(ada, 'fake_device_0');
    const grace = await openPage(graceBrowser, host, 'Grace', gracePage(room));
    await ada.locator('calls-join-button').click();
    await waitIn(grace, graceTileOf('camera'), "Grace to decode Ada's first camera");
    await camera.selectOption({ label: 'fake_device_2' });
    const chosen = { camera: await camera.inputValue(), mic: await mic.inputValue() };
    const published = await waitIn<{ camera: string; cameraLabel: string; mic: string; micLabel: string }>(
      ada,
      `(async () => { const s = await ${publishedSettings}; return s.camera === ${JSON.stringify(chosen.camera)} && s.mic === ${JSON.stringify(chosen.mic)} && s; })()`,
      'Ada to publish from the chosen camera and microphone',
    );
    assert.equal(published.cameraLabel, 'fake_device_2');
    assert.equal(published.micLabel, 'Fake Audio Input 2');
    const seen = await waitIn<{ width: number; frames: number }>(
      grace,
      graceTileOf('camera'),
      "Grace to decode Ada's camera",
    );
    assert.ok(seen.width > 0);
    const peak = await waitIn<number>(
      grace,
      `(async () => { const p = await ${graceHearsPeak}; return p > 0.01 && p; })()`,
      'Grace to hear Ada',
    );
    console.log(
      `Grace decodes Ada's fake_device_2 at ${seen.width}px wide and hears her (peak ${peak.toFixed(3)})`,
    );

    await ada.locator('calls-leave-button').click();
    await waitIn(grace, `!${graceTileOf('camera')}`, "Ada's tile to leave Grace's view");
    await ada.locator('calls-join-button').click();
    const again = await waitIn<{ camera: string; mic: string }>(
      ada,
      `(async () => { const s = await ${publishedSettings}; return s.camera === ${JSON.stringify(chosen.camera)} && s; })()`,
      'Ada to publish from the chosen camera again after rejoining',
    );
    assert.equal(again.mic, chosen.mic);
    await waitIn(grace, graceTileOf('camera'), "Grace to decode Ada's camera after she rejoined");
    await Promise.all([ada.context().close(), grace.context().close()]);
  });
});
