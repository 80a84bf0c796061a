// The "speaking while muted" rule: several loud samples spread over half a second count as talking;
// one short burst (a cough, a knock) and silence do not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SustainedSoundDetector } from '../../src/core/muted-speech.js';

/** Feeds `levels` 50 ms apart (the sampling rate of audioLevel$) and returns every answer. */
function feed(detector: SustainedSoundDetector, levels: number[], start = 0): boolean[] {
  return levels.map((level, index) => detector.sample(level, start + index * 50));
}

describe('SustainedSoundDetector', () => {
  it('stays quiet in silence', () => {
    assert.deepEqual(new Set(feed(new SustainedSoundDetector(), Array(60).fill(0.001))), new Set([false]));
  });

  it('ignores one short burst, however loud', () => {
    const levels = [0, 0, 0.4, 0.5, 0.4, 0.3, 0, ...Array(40).fill(0)];
    assert.equal(feed(new SustainedSoundDetector(), levels).includes(true), false);
  });

  it('hears speech-like bursts spread over more than half a second, and lets go after they stop', () => {
    // A loud sample every 250 ms (syllables), as Chromium's fake microphone beeps every 500 ms.
    const talking = Array.from({ length: 30 }, (_, index) => (index % 5 === 0 ? 0.3 : 0.005));
    const answers = feed(new SustainedSoundDetector(), [...talking, ...Array(40).fill(0.001)]);
    const firstTrue = answers.indexOf(true);
    assert.ok(firstTrue > 0 && firstTrue <= 15, `talking detected after ${firstTrue} samples`);
    assert.equal(answers.at(-1), false);
  });

  it('counts only loud samples inside its window', () => {
    const detector = new SustainedSoundDetector({ windowMs: 1000, samples: 3, spanMs: 500 });
    // Three loud samples, but 1 s apart each: never three inside one window.
    assert.equal(detector.sample(0.3, 0), false);
    assert.equal(detector.sample(0.3, 1000), false);
    assert.equal(detector.sample(0.3, 2000), false);
    // Two more close after the last: three inside the window, spanning 600 ms.
    assert.equal(detector.sample(0.3, 2300), false);
    assert.equal(detector.sample(0.3, 2600), true);
  });
});
