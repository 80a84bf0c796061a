// Join-latency page for the baseline: one participant per page, driven by bench/measures/join-latency.ts.
import { type BaselineConfig, BaselineParticipant } from './lib/baseline-participant.js';
import { within } from './lib/within.js';

let participant: BaselineParticipant | undefined;
let published: Promise<void> | undefined;

const bench = {
  /** Starts joining (publish + presence + pulls) and returns at once; the clock starts here. */
  join(config: BaselineConfig): void {
    participant = new BaselineParticipant(config);
    published = participant.publish();
    published.catch(() => undefined);
  },
  async published(): Promise<void> {
    await published;
  },
  /** Milliseconds from join() to the first decoded frame of a remote video; null if none within `timeoutMs`. */
  async firstRemoteFrameMs(timeoutMs: number): Promise<number | null> {
    const current = participant!;
    const frameAt = await within(current.firstRemoteFrame, timeoutMs);
    return frameAt === null ? null : frameAt - current.joinedAt;
  },
  leave(): void {
    participant?.leave();
    participant = undefined;
  },
};

Object.assign(window, { bench });
export type JoinBaselinePage = typeof bench;
