// Layout math for people without a camera: compact tiles in rows of their own below the cameras,
// in one grid whose columns split a camera tile, so the cameras keep most of the box.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMPACT_TILE, gridLayout, mixedGridLayout } from '../../src/core/layout.js';
import type { Participant } from '../../src/core/participant.js';
import { showsCompact } from '../../src/core/tiles.js';

describe('mixedGridLayout', () => {
  it('with nobody compact it is the plain grid', () => {
    const plain = gridLayout(4, 1280, 720, 16 / 9, 8);
    const mixed = mixedGridLayout(4, 0, 1280, 720, 16 / 9, 8);
    assert.equal(mixed.tileWidth, plain.tileWidth);
    assert.equal(mixed.videoRows, plain.rows);
    assert.equal(mixed.compactRows, 0);
    assert.equal(mixed.columns, plain.columns * mixed.videoSpan);
  });

  it('gives the cameras more room than a full tile per audio-only person would', () => {
    // Two cameras and two people without one, in 1280×720 with 8 px gaps.
    const asTiles = gridLayout(4, 1280, 720, 16 / 9, 8);
    const mixed = mixedGridLayout(2, 2, 1280, 720, 16 / 9, 8);
    assert.ok(mixed.tileWidth > asTiles.tileWidth, `${mixed.tileWidth} > ${asTiles.tileWidth}`);
    assert.equal(mixed.compactRows, 1, 'both compact tiles share one row');
    assert.ok(mixed.height <= 720);
  });

  it('lines compact tiles up under the cameras: a camera spans whole columns at least the minimum wide', () => {
    const mixed = mixedGridLayout(3, 7, 1280, 720, 16 / 9, 8);
    assert.ok(mixed.videoSpan >= 2);
    assert.ok(mixed.columnWidth >= COMPACT_TILE.minWidth);
    // A camera tile is exactly `videoSpan` columns and the gaps between them.
    assert.ok(
      Math.abs(mixed.videoSpan * mixed.columnWidth + (mixed.videoSpan - 1) * 8 - mixed.tileWidth) < 1e-6,
    );
    const perRow = mixed.columns;
    assert.equal(mixed.compactRows, Math.ceil(7 / perRow));
    assert.ok(mixed.height <= 720, `fits the box: ${mixed.height}`);
  });

  it('keeps everything inside the box as the compact rows grow', () => {
    for (const compact of [1, 5, 10, 20]) {
      const mixed = mixedGridLayout(4, compact, 800, 600, 16 / 9, 8);
      assert.ok(mixed.tileWidth > 0);
      assert.ok(mixed.height <= 600, `${compact} compact: ${mixed.height}`);
      assert.ok(mixed.columns * mixed.columnWidth + (mixed.columns - 1) * 8 <= 800 + 1e-6);
    }
  });

  it('with only compact tiles, puts as many side by side as fit, no wider than the maximum', () => {
    const mixed = mixedGridLayout(0, 5, 1000, 400, 16 / 9, 10);
    assert.equal(mixed.tileWidth, 0);
    assert.equal(mixed.columns, 5);
    assert.equal(mixed.compactRows, 1);
    assert.ok(mixed.columnWidth <= COMPACT_TILE.maxWidth);
    const narrow = mixedGridLayout(0, 5, 340, 400, 16 / 9, 10);
    assert.equal(narrow.columns, 2);
    assert.equal(narrow.compactRows, 3);
    assert.equal(narrow.height, 3 * COMPACT_TILE.height + 2 * 10);
  });

  it('lays out nothing in an empty box or for nobody', () => {
    assert.equal(mixedGridLayout(0, 0, 800, 600).columns, 0);
    assert.equal(mixedGridLayout(3, 2, 0, 600).columns, 0);
  });
});

describe('showsCompact', () => {
  const person = (id: string, videoEnabled: boolean, sessionId: string | null) =>
    ({ id, videoEnabled, sessionId }) as Participant;
  const people = new Map([
    ['off', person('off', false, 's1')],
    ['on', person('on', true, 's2')],
    ['new', person('new', false, null)],
  ]);

  it('is a camera tile of someone whose camera is off, once their media is connected', () => {
    assert.equal(showsCompact({ participantId: 'off', source: 'camera' }, people), true);
    assert.equal(showsCompact({ participantId: 'on', source: 'camera' }, people), false);
    assert.equal(
      showsCompact({ participantId: 'new', source: 'camera' }, people),
      false,
      'a newcomer before their first update',
    );
  });

  it('is never a shared screen, nor someone unknown', () => {
    assert.equal(showsCompact({ participantId: 'off', source: 'screen' }, people), false);
    assert.equal(showsCompact({ participantId: 'gone', source: 'camera' }, people), false);
  });
});
