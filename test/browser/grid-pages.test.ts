// A paginated <calls-grid> pulls video for exactly the tiles on its current page: the SFU's own
// session state (GET session) lists the viewer's remote video tracks, and those are the cameras of
// the people on the page, no more; turning the page moves the pulls to the next page's people, and
// their video decodes in the tiles. The publishers are real rooms through the local SFU with small
// (160×90, single-layer) cameras, so the test stays cheap on two cores.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { firstValueFrom } from 'rxjs';
import { Room } from '../../src/core/room.js';
import type { CallsGridElement } from '../../src/elements/calls-grid/calls-grid.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import { mountRoom, pulledVideoSessions, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** Everyone but the viewer. */
const PUBLISHERS = 5;
/** Tiles per page in the viewer's 780 × 480 grid at a 300 px minimum (3×3 tiles would be 254 px wide). */
const PER_PAGE = 4;

describe('<calls-grid> pages', function () {
  // Six peers in one page on a loaded two-core machine: joining alone can take tens of seconds.
  this.timeout(240_000);
  const publishers: Room[] = [];

  afterEach(async () => {
    await Promise.all(publishers.splice(0).map((room) => room.leave()));
    await removeRooms();
  });

  it('pulls video for the tiles on the current page only, and moves the pulls with the page', async () => {
    const { sfu, backend } = await callsTestEnv();
    const room = uniqueRoomName('pages');
    const viewer = mountRoom({
      endpoint: backend.endpoint,
      room,
      name: 'Viewer',
      inner: '<calls-grid min-tile-width="300" style="height:480px"></calls-grid>',
    });
    viewer.style.width = '780px';
    await viewer.join();
    for (let index = 0; index < PUBLISHERS; index++) {
      const publisher = new Room({
        endpoint: backend.endpoint,
        room,
        displayName: `Publisher ${index + 1}`,
        localMedia: { camera: { width: 160, height: 90, frameRate: 10 } },
        simulcast: false,
      });
      publishers.push(publisher);
    }
    await Promise.all(publishers.map((publisher) => publisher.join()));

    const grid = viewer.querySelector<CallsGridElement>('calls-grid')!;
    const sessionOf = new Map<string, string>();
    await waitFor(
      async () => {
        const people = await firstValueFrom(viewer.model!.participants$);
        for (const person of people) if (person.sessionId) sessionOf.set(person.id, person.sessionId);
        return sessionOf.size === PUBLISHERS + 1 && grid.pages === Math.ceil((PUBLISHERS + 1) / PER_PAGE);
      },
      { what: 'every publisher in the viewer’s grid with a media session', timeout: 60_000 },
    );

    const shownTiles = () => [...grid.shadowRoot!.querySelectorAll<CallsTileElement>('calls-tile')];
    const expectPageToBePulled = async (page: number) => {
      const tiles = shownTiles();
      const remote = tiles.filter((tile) => tile.participantId !== viewer.model!.participantId);
      const expected = remote.map((tile) => sessionOf.get(tile.participantId)!).sort();
      expect(tiles.length).to.equal(Math.min(PER_PAGE, PUBLISHERS + 1 - page * PER_PAGE));
      await waitFor(
        async () => JSON.stringify(await pulledVideoSessions(sfu, viewer)) === JSON.stringify(expected),
        { what: `the SFU to forward exactly page ${page + 1}'s cameras`, timeout: 60_000 },
      );
      // What the SFU forwards really arrives: every tile on the page decodes its camera.
      for (const tile of remote) {
        const video = await waitFor(() => (tile.videoElement?.srcObject ? tile.videoElement : undefined), {
          what: `video in ${tile.participantId}'s tile`,
          timeout: 30_000,
        });
        const frame = await waitForVideoFrames(video, 2, 30_000);
        expect(frame.width).to.equal(160);
      }
    };

    // Page 1: you first, then the first three to join.
    expect(grid.page).to.equal(0);
    expect(shownTiles()[0]!.participantId).to.equal(viewer.model!.participantId);
    await expectPageToBePulled(0);
    const firstPage = shownTiles().map((tile) => tile.participantId);

    // The next-page button turns the page; nobody from page 1 is on page 2.
    grid.shadowRoot!.querySelector<HTMLButtonElement>('[data-page="next"]')!.click();
    await grid.updateComplete;
    expect(grid.page).to.equal(1);
    const secondPage = shownTiles().map((tile) => tile.participantId);
    expect(secondPage.filter((id) => firstPage.includes(id))).to.deep.equal([]);
    await expectPageToBePulled(1);

    // PageUp while focus is in the grid goes back, and page 1's people are pulled again.
    const previous = grid.shadowRoot!.querySelector<HTMLButtonElement>('[data-page="previous"]')!;
    previous.focus();
    previous.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true, composed: true }));
    await grid.updateComplete;
    expect(shownTiles().map((tile) => tile.participantId)).to.deep.equal(firstPage);
    await expectPageToBePulled(0);
  });
});
