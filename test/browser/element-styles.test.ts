// What the elements' styles promise a person sees, checked on the rendered page: the speaking ring
// on a tile and the 16:9 video surface that tiles and the self view share.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';

describe('element styles', () => {
  afterEach(() => {
    for (const element of document.querySelectorAll('calls-tile')) element.remove();
  });

  async function mountTile(): Promise<CallsTileElement> {
    const tile = document.createElement('calls-tile');
    tile.style.width = '320px';
    document.body.append(tile);
    await tile.updateComplete;
    return tile;
  }

  it('rings a speaking tile in the speaking colour, and only while it speaks', async () => {
    const tile = await mountTile();
    const base = tile.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    expect(getComputedStyle(base).outlineColor).to.equal('rgba(0, 0, 0, 0)');
    tile.style.setProperty('--calls-speaking-color', 'rgb(1, 2, 3)');
    tile.toggleAttribute('speaking', true);
    await new Promise((resolve) => base.addEventListener('transitionend', resolve, { once: true }));
    expect(getComputedStyle(base).outlineColor).to.equal('rgb(1, 2, 3)');
  });

  it('gives a tile the 16:9 surface its video fills', async () => {
    const tile = await mountTile();
    const box = tile.getBoundingClientRect();
    expect(box.width).to.equal(320);
    expect(box.height).to.equal(180);
    const video = tile.shadowRoot!.querySelector('video')!;
    expect(getComputedStyle(video).objectFit).to.equal('cover');
  });
});
