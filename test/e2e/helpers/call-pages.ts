// Pages of the demo room for fault tests: open one per person, read what each shows (tiles, ids,
// decoded frames), and wait until everyone plays everyone else's video again.
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { deepFind, theRoom } from './page-scripts.js';

export interface CallPage {
  name: string;
  page: Page;
  context: BrowserContext;
  /** Holds this page's presence WebSocket traffic while blocked (installed with `gateSockets`). */
  sockets: SocketGate;
}

export interface TileView {
  id: string;
  self: boolean;
  hidden: boolean;
  width: number;
  /** Frames the <video> has presented: grows only while media arrives and decodes. */
  frames: number;
  trackId: string | null;
}

export interface PageView {
  connection: string | undefined;
  participantId: string | undefined;
  tiles: TileView[];
}

const viewOfPage = `(() => {
  ${deepFind}
  const element = ${theRoom};
  const tiles = deepFind('calls-tile');
  return {
    connection: element?.model?.connectionState,
    participantId: element?.model?.participantId,
    tiles: tiles.map((tile) => {
      const video = tile.videoElement;
      return {
        id: tile.getAttribute('participant-id') ?? '',
        self: Boolean(tile.shadowRoot?.querySelector('video.mirrored')),
        hidden: video?.hidden ?? true,
        width: video?.videoWidth ?? 0,
        frames: video?.getVideoPlaybackQuality?.().totalVideoFrames ?? 0,
        trackId: video?.srcObject?.getVideoTracks?.()[0]?.id ?? null,
      };
    }),
  };
})()`;

export function viewOf(call: CallPage): Promise<PageView> {
  return call.page.evaluate(viewOfPage) as Promise<PageView>;
}

/** The Calls session the page's room uses now. */
export function sessionIdOf(call: CallPage): Promise<string | null> {
  return call.page.evaluate(`new Promise((resolve) => {
    ${deepFind}
    const subscription = ${theRoom}.model.self$.subscribe((self) => resolve(self?.sessionId ?? null));
    queueMicrotask(() => subscription.unsubscribe());
  })`) as Promise<string | null>;
}

/** Resolves once the page's room is connected; rejects with what the page shows after `timeoutMs`. */
export async function waitForJoin(call: CallPage, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let view: PageView | undefined;
  while (Date.now() - started < timeoutMs) {
    view = await viewOf(call);
    if (view.connection === 'connected') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${call.name} did not join within ${timeoutMs} ms: ${JSON.stringify(view)}`);
}

export async function openCallPage(
  browser: Browser,
  url: string,
  room: string,
  name: string,
  options: { gateSockets?: boolean; beforeJoin?: (page: Page) => Promise<void> } = {},
): Promise<CallPage> {
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    viewport: { width: 900, height: 700 },
  });
  const sockets = new SocketGate();
  if (options.gateSockets) await sockets.install(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error:`, error));
  await options.beforeJoin?.(page);
  await page.goto(`${url}/?room=${room}&name=${name}`);
  await joinFromLobby(page);
  return { name, page, context, sockets };
}

/** The demo opens the lobby: join from it, as a person would. */
function joinFromLobby(page: Page): Promise<void> {
  return page.locator('calls-lobby calls-join-button [part="button"]').click();
}

/** What a person does when a call does not come back by itself: reload the page and join again. */
export async function reloadAndJoin(call: CallPage): Promise<void> {
  await call.page.reload();
  await joinFromLobby(call.page);
}

/**
 * A presence WebSocket that can be black-holed: while blocked, nothing passes in either direction
 * (frames, closes, new connections), and on unblock everything held is delivered in order, as
 * TCP does once a path comes back.
 */
export class SocketGate {
  #blocked = false;
  readonly #held: Array<() => void> = [];

  async install(context: BrowserContext): Promise<void> {
    await context.routeWebSocket(/\/calls\/rooms\//, (page) => {
      let server: WebSocketRoute | undefined;
      const early: Array<string | Buffer> = [];
      page.onMessage((message) => {
        if (!server) early.push(message);
        else this.#pass(() => server?.send(message));
      });
      page.onClose((code, reason) => this.#pass(() => server?.close({ code, reason })));
      this.#pass(() => {
        server = page.connectToServer();
        server.onMessage((message) => this.#pass(() => page.send(message)));
        server.onClose((code, reason) => this.#pass(() => page.close({ code, reason })));
        for (const message of early.splice(0)) server.send(message);
      });
    });
  }

  block(): void {
    this.#blocked = true;
  }

  unblock(): void {
    this.#blocked = false;
    for (const action of this.#held.splice(0)) action();
  }

  #pass(action: () => void): void {
    if (this.#blocked) this.#held.push(action);
    else action();
  }
}

export interface Recovery {
  /** From the end of the fault until every page showed fresh frames of everyone else. */
  ms: number;
  /** Each page's participant id once recovered. */
  ids: string[];
  /** The most tiles any page showed at any point while recovering, and whether ids repeated. */
  mostTiles: number;
  duplicateTiles: boolean;
}

const FRESH_FRAMES = 5;

/**
 * Polls every page until each plays every other participant's video and its own self view: each
 * tile shows a decoded picture and its frame counter grew by FRESH_FRAMES on the same track within
 * ~2 s.
 * Resolves with the time since `faultEndedAt`; rejects with what the pages showed at `timeoutMs`.
 */
export async function waitForMutualVideo(
  calls: CallPage[],
  faultEndedAt: number,
  timeoutMs: number,
): Promise<Recovery> {
  const history = new Map<string, Array<{ at: number; tile: TileView }>>();
  let mostTiles = 0;
  let duplicateTiles = false;
  let last: PageView[] = [];
  while (Date.now() - faultEndedAt < timeoutMs) {
    const views = await Promise.all(calls.map(viewOf));
    last = views;
    const now = Date.now();
    let everyonePlays = true;
    for (const [index, view] of views.entries()) {
      mostTiles = Math.max(mostTiles, view.tiles.length);
      if (new Set(view.tiles.map((tile) => tile.id)).size !== view.tiles.length) duplicateTiles = true;
      const remote = view.tiles.filter((tile) => !tile.self);
      if (remote.length !== calls.length - 1 || view.tiles.length !== calls.length) everyonePlays = false;
      // The self view too: it must not turn to initials while the camera is on.
      for (const tile of view.tiles) {
        const key = `${index}/${tile.id}`;
        const seen = (history.get(key) ?? []).filter((entry) => now - entry.at <= 2000);
        seen.push({ at: now, tile });
        history.set(key, seen);
        const first = seen.find((entry) => entry.tile.trackId === tile.trackId);
        const playing =
          !tile.hidden &&
          tile.width > 0 &&
          tile.trackId !== null &&
          first !== undefined &&
          tile.frames - first.tile.frames >= FRESH_FRAMES;
        if (!playing) everyonePlays = false;
      }
    }
    if (everyonePlays) {
      return {
        ms: now - faultEndedAt,
        ids: views.map((view) => view.participantId ?? ''),
        mostTiles,
        duplicateTiles,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `not everyone plays everyone's video ${timeoutMs} ms after the fault: ${JSON.stringify(last)}`,
  );
}
