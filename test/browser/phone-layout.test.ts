// The phone layout, in a 375×667 viewport with the default meeting filling it and a second person in
// the room: tiles are portrait, your own view is a small picture-in-picture inside the grid (not
// in its list), a real mouse drag moves it and it snaps to the nearest corner, the arrow keys move
// it too, every control-bar target is at least 44×44 px, and nothing overflows sideways.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { Room } from '../../src/core/room.js';
import type { CallsGridElement } from '../../src/elements/calls-grid/calls-grid.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import { deepQuery, defaultTile, mountRoom, removeRooms, tileVideo, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** Every button a person can press inside `root`, through the shadow roots of the controls in it. */
function buttonsIn(root: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const element of node.querySelectorAll<HTMLElement>('*')) {
      if (
        (element.localName === 'button' || element.localName === 'select') &&
        element.getClientRects().length > 0
      )
        found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  if (root.shadowRoot) visit(root.shadowRoot);
  return found;
}

const centre = (rect: DOMRect): [number, number] => [
  Math.round(rect.left + rect.width / 2),
  Math.round(rect.top + rect.height / 2),
];

describe('the phone layout', function () {
  this.timeout(180_000);
  const others: Room[] = [];

  before(async () => {
    await setViewport({ width: 375, height: 667 });
    document.body.style.margin = '0';
  });

  after(async () => {
    document.body.style.margin = '';
    await setViewport({ width: 800, height: 600 });
  });

  afterEach(async () => {
    await Promise.all(others.splice(0).map((room) => room.leave()));
    await removeRooms();
  });

  it('floats your own view as a movable picture-in-picture over portrait tiles, with 44 px controls', async () => {
    const { backend } = await callsTestEnv();
    const name = uniqueRoomName('phone');
    const viewer = mountRoom({ endpoint: backend.endpoint, room: name, name: 'Ada' });
    viewer.style.cssText = 'display:flex;width:100%;height:100vh;box-sizing:border-box';
    await viewer.join();
    const bob = new Room({
      endpoint: backend.endpoint,
      room: name,
      displayName: 'Bob',
      localMedia: { audio: false, camera: { width: 320, height: 180, frameRate: 10 } },
      simulcast: false,
    });
    others.push(bob);
    await bob.join();

    const grid = await waitFor(() => deepQuery<CallsGridElement>(viewer, 'calls-grid'), { what: 'the grid' });
    await waitFor(() => grid.phone, { what: 'the grid to take the phone layout' });
    const bobTile = await defaultTile(viewer, bob.participantId as string);
    await waitForVideoFrames(await tileVideo(bobTile, 30_000), 2, 30_000);
    const bobRect = bobTile.getBoundingClientRect();
    expect(bobRect.height, 'a portrait tile').to.be.greaterThan(bobRect.width);

    const selfView = await waitFor(
      () => grid.shadowRoot?.querySelector<CallsTileElement>('[part="self-view"]'),
      { what: 'the self view' },
    );
    expect(selfView.participantId).to.equal(viewer.model?.participantId);
    const list = grid.shadowRoot!.querySelector('[part="tiles"]')!;
    expect([...list.children], 'your own tile left the list').to.deep.equal([bobTile]);
    await waitForVideoFrames(await tileVideo(selfView, 30_000), 2, 30_000);

    const box = grid.getBoundingClientRect();
    const inside = (rect: DOMRect) =>
      rect.left >= box.left - 0.5 &&
      rect.top >= box.top - 0.5 &&
      rect.right <= box.right + 0.5 &&
      rect.bottom <= box.bottom + 0.5;
    let pip = selfView.getBoundingClientRect();
    expect(inside(pip), 'inside the grid').to.equal(true);
    expect(pip.width * pip.height, 'small').to.be.lessThan((box.width * box.height) / 8);
    expect(selfView.dataset.corner).to.equal('bottom-right');

    // Drag it with the mouse towards the top left, let go short of the corner: it snaps there.
    const [fromX, fromY] = centre(pip);
    await sendMouse({ type: 'move', position: [fromX, fromY] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [fromX - 60, fromY - 60] });
    await sendMouse({ type: 'move', position: [Math.round(box.left + 80), Math.round(box.top + 120)] });
    await waitFor(() => selfView.classList.contains('dragging'), { what: 'the drag to start' });
    const dragged = selfView.getBoundingClientRect();
    expect(inside(dragged)).to.equal(true);
    expect(dragged.left).to.be.lessThan(pip.left - 100);
    await sendMouse({ type: 'up' });
    await waitFor(
      () => {
        const rect = selfView.getBoundingClientRect();
        return Math.abs(rect.left - (box.left + 8)) < 1 && Math.abs(rect.top - (box.top + 8)) < 1;
      },
      { what: 'the self view to snap to the top-left corner' },
    );
    expect(selfView.dataset.corner).to.equal('top-left');

    // And with the keyboard: focus it, → moves it to the right-hand corner.
    selfView.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => Math.abs(selfView.getBoundingClientRect().right - (box.right - 8)) < 1, {
      what: 'the self view to move right',
    });
    expect(selfView.dataset.corner).to.equal('top-right');
    pip = selfView.getBoundingClientRect();
    expect(inside(pip)).to.equal(true);

    const bar = deepQuery(viewer, 'calls-control-bar')!;
    const buttons = buttonsIn(bar);
    expect(buttons.length).to.be.greaterThan(8);
    for (const button of buttons) {
      const rect = button.getBoundingClientRect();
      const what = button.getAttribute('aria-label') ?? button.textContent?.trim();
      expect(rect.width, `${what} wide enough`).to.be.at.least(44);
      expect(rect.height, `${what} tall enough`).to.be.at.least(44);
      expect(rect.right, `${what} on screen`).to.be.at.most(window.innerWidth + 0.5);
    }
    expect(document.documentElement.scrollWidth, 'no sideways scroll').to.be.at.most(window.innerWidth);
    expect(viewer.scrollWidth).to.be.at.most(viewer.clientWidth);
  });
});
