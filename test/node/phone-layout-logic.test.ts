// Layout math of the phone layout: which boxes count as a phone held upright, and the self view's
// picture-in-picture kept inside its box, snapped to the nearest corner, moved by arrow keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clampInside,
  cornerAfterKey,
  cornerPoint,
  isPhoneBox,
  nearestCorner,
} from '../../src/core/layout.js';

const box = { width: 360, height: 640 };
const size = { width: 96, height: 128 };

describe('isPhoneBox', () => {
  it('is a narrow box taller than wide', () => {
    assert.equal(isPhoneBox(360, 640), true);
    assert.equal(isPhoneBox(500, 700), true);
    assert.equal(isPhoneBox(640, 360), false, 'a phone on its side is not');
    assert.equal(isPhoneBox(800, 1200), false, 'a tablet is not');
    assert.equal(isPhoneBox(0, 0), false, 'nothing measured yet');
  });
});

describe('the picture-in-picture', () => {
  it('sits in each corner, a margin from the edges', () => {
    assert.deepEqual(cornerPoint('top-left', size, box, 8), { x: 8, y: 8 });
    assert.deepEqual(cornerPoint('top-right', size, box, 8), { x: 256, y: 8 });
    assert.deepEqual(cornerPoint('bottom-left', size, box, 8), { x: 8, y: 504 });
    assert.deepEqual(cornerPoint('bottom-right', size, box, 8), { x: 256, y: 504 });
  });

  it('is kept inside the box while dragged past its edges', () => {
    assert.deepEqual(clampInside({ x: -50, y: 900 }, size, box, 8), { x: 8, y: 504 });
    assert.deepEqual(clampInside({ x: 400, y: -3 }, size, box, 8), { x: 256, y: 8 });
    assert.deepEqual(clampInside({ x: 100, y: 200 }, size, box, 8), { x: 100, y: 200 });
    // A box smaller than the picture: pinned to the margin, never negative.
    assert.deepEqual(clampInside({ x: 50, y: 50 }, size, { width: 60, height: 60 }, 8), { x: 8, y: 8 });
  });

  it('snaps to the corner nearest its centre', () => {
    assert.equal(nearestCorner({ x: 10, y: 10 }, size, box), 'top-left');
    assert.equal(nearestCorner({ x: 200, y: 100 }, size, box), 'top-right');
    assert.equal(nearestCorner({ x: 90, y: 400 }, size, box), 'bottom-left');
    assert.equal(nearestCorner({ x: 250, y: 500 }, size, box), 'bottom-right');
  });

  it('moves to the other side with the arrow keys, and ignores other keys', () => {
    assert.equal(cornerAfterKey('bottom-right', 'ArrowUp'), 'top-right');
    assert.equal(cornerAfterKey('bottom-right', 'ArrowLeft'), 'bottom-left');
    assert.equal(cornerAfterKey('top-left', 'ArrowDown'), 'bottom-left');
    assert.equal(cornerAfterKey('top-left', 'ArrowRight'), 'top-right');
    assert.equal(cornerAfterKey('top-left', 'ArrowUp'), 'top-left');
    assert.equal(cornerAfterKey('top-left', 'Enter'), undefined);
  });
});
