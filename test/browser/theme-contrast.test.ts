// The default view's Join and Leave buttons keep WCAG AA text contrast (4.5:1) in light and dark
// colour schemes. Evidence: the colours Chromium computes for the rendered buttons.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import { kitButton, mountRoom, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

function luminance(color: string): number {
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastOf(button: Element): number {
  const style = getComputedStyle(button);
  const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

describe('Join and Leave text contrast', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(async () => {
    await removeRooms();
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`${colorScheme}: Join and Leave reach 4.5:1`, async () => {
      await emulateMedia({ colorScheme });
      const room: CallsRoomElement = mountRoom({ endpoint, room: uniqueRoomName('contrast'), name: 'Ada' });
      const join = await kitButton(room, 'calls-join-button');
      expect(contrastOf(join), 'Join').to.be.at.least(4.5);
      await room.join();
      const leave = await kitButton(room, 'calls-leave-button');
      expect(contrastOf(leave), 'Leave').to.be.at.least(4.5);
    });
  }
});
