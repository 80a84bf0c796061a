// Paging math of the grid: page size from the box and a minimum tile size, an order of people that
// stays put when someone speaks, and bringing a speaker onto page 1 by one swap.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clampPage,
  pageCount,
  pageOf,
  pageSize,
  promoteSpeaker,
  stableOrder,
} from '../../src/core/pagination.js';

describe('pageSize', () => {
  it('steps through 1, 2, 4, 9, 16 and 25 tiles as the box allows', () => {
    // 1920×1080 with 160 px tiles: a 5×5 grid of 16:9 tiles is 384 px wide, so 25 fit.
    assert.equal(pageSize(30, 1920, 1080, 160), 25);
    // 800×450: 4×4 gives 200 px tiles, 5×5 gives 160 px.
    assert.equal(pageSize(30, 800, 450, 180), 16);
    assert.equal(pageSize(30, 800, 450, 160), 25);
    // 640×360 with 200 px tiles: 3×3 gives 213 px, 4×4 gives 160 px.
    assert.equal(pageSize(30, 640, 360, 200), 9);
    // A phone-sized box keeps 2 (one above the other) at 300 px.
    assert.equal(pageSize(30, 360, 640, 300), 2);
  });

  it('never exceeds the people present and never drops below one tile', () => {
    assert.equal(pageSize(3, 1920, 1080, 160), 3);
    assert.equal(pageSize(10, 100, 100, 400), 1);
    assert.equal(pageSize(0, 1920, 1080, 160), 0);
  });

  it('counts the gap between tiles', () => {
    // 3 columns of 213 px fit 640 px without gaps, not with 8 px gaps.
    assert.equal(pageSize(30, 640, 360, 210), 9);
    assert.equal(pageSize(30, 640, 360, 210, 16 / 9, 8), 4);
  });
});

describe('pages', () => {
  it('counts pages and keeps the current one in range', () => {
    assert.equal(pageCount(26, 9), 3);
    assert.equal(pageCount(9, 9), 1);
    assert.equal(pageCount(0, 9), 1);
    assert.equal(clampPage(5, 3), 2);
    assert.equal(clampPage(-1, 3), 0);
    assert.equal(clampPage(Number.NaN, 3), 0);
    assert.deepEqual(pageOf(['a', 'b', 'c', 'd', 'e'], 1, 2), ['c', 'd']);
    assert.deepEqual(pageOf(['a', 'b', 'c', 'd', 'e'], 2, 2), ['e']);
  });
});

describe('stableOrder', () => {
  it('keeps places, closes up after leavers, appends newcomers and puts you first', () => {
    assert.deepEqual(stableOrder([], ['a', 'me', 'b'], 'me'), ['me', 'a', 'b']);
    assert.deepEqual(stableOrder(['me', 'a', 'b', 'c'], ['c', 'b', 'me', 'd'], 'me'), ['me', 'b', 'c', 'd']);
    assert.deepEqual(stableOrder(['a', 'b'], ['b', 'a']), ['a', 'b']);
  });
});

describe('promoteSpeaker', () => {
  const order = ['me', 'a', 'b', 'c', 'd', 'e'];

  it('swaps the speaker with whoever on page 1 spoke longest ago, never you', () => {
    const lastSpoke = new Map([
      ['me', 0],
      ['a', 50],
      ['b', 10],
    ]);
    // Page 1 is me, a, b: b spoke longest ago of a and b, so b and e change places.
    assert.deepEqual(promoteSpeaker(order, 'e', 3, lastSpoke, 'me'), ['me', 'a', 'e', 'c', 'd', 'b']);
    // Someone who never spoke goes before someone who did.
    assert.deepEqual(promoteSpeaker(order, 'e', 3, new Map([['b', 10]]), 'me'), [
      'me',
      'e',
      'b',
      'c',
      'd',
      'a',
    ]);
  });

  it('leaves the order alone when the speaker is already on page 1 or there is no speaker', () => {
    assert.deepEqual(promoteSpeaker(order, 'a', 3, new Map(), 'me'), order);
    assert.deepEqual(promoteSpeaker(order, null, 3, new Map(), 'me'), order);
    assert.deepEqual(promoteSpeaker(['me', 'a'], 'a', 1, new Map(), 'me'), ['me', 'a']);
  });
});
