// Join-latency page for the project: one `<calls-room>` per page, driven by
// bench/measures/join-latency-widget.ts. The HTML loads dist/calls-elements.min.js first.
import { type WidgetConfig, WidgetParticipant } from './lib/widget-participant.js';

let participant: WidgetParticipant | undefined;

const bench = {
  /** Starts joining and returns at once; the clock starts here. */
  join(config: WidgetConfig): void {
    participant = new WidgetParticipant(config);
  },
  published(): Promise<void> {
    return participant!.published();
  },
  /** Milliseconds from join() to the first frame of the other participant's tile; null if none in time. */
  async firstRemoteFrameMs(timeoutMs: number): Promise<{ ms: number | null; late: boolean }> {
    const current = participant!;
    const frameAt = await current.firstRemoteFrame(timeoutMs);
    return { ms: frameAt === null ? null : frameAt - current.joinedAt, late: current.lateObservation };
  },
  async leave(): Promise<void> {
    await participant?.leave();
    participant = undefined;
  },
};

Object.assign(window, { bench });
export type JoinWidgetPage = typeof bench;
