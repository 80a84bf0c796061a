// Leak page for the project: mount a `<calls-room>`, join, wait for the other participant's first
// frame in its tile, leave and remove the element — as many times as the harness asks.
import { type WidgetConfig, WidgetParticipant } from './lib/widget-participant.js';

const bench = {
  /** Milliseconds from join to the first remote frame, or null if none came within `timeoutMs`. */
  async cycle(config: WidgetConfig, timeoutMs: number): Promise<number | null> {
    const participant = new WidgetParticipant(config);
    try {
      const frameAt = await participant.firstRemoteFrame(timeoutMs);
      return frameAt === null ? null : frameAt - participant.joinedAt;
    } finally {
      await participant.leave();
    }
  },
};

Object.assign(window, { bench });
export type LeakWidgetPage = typeof bench;
