// Leak page for the baseline: join (raw partytracks + relay), wait for the first remote frame,
// leave — as many times as the harness asks, in this one page.
import { type BaselineConfig, BaselineParticipant } from './lib/baseline-participant.js';
import { within } from './lib/within.js';

const bench = {
  /** Milliseconds from join to the first remote frame, or null if none came within `timeoutMs`. */
  async cycle(config: BaselineConfig, timeoutMs: number): Promise<number | null> {
    const participant = new BaselineParticipant(config);
    try {
      await participant.publish();
      const frameAt = await within(participant.firstRemoteFrame, timeoutMs);
      return frameAt === null ? null : frameAt - participant.joinedAt;
    } finally {
      participant.leave();
    }
  },
};

Object.assign(window, { bench });
export type LeakBaselinePage = typeof bench;
