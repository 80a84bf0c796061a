// Recovery time: from the end of a fault to both participants decoding each other's video again,
// on the fault tests' own rig (test/e2e/helpers: two pages of the demo room on a `calls-elements
// dev` process the harness can kill and start again on the same port). Each fault is applied
// twice in the same run: once left to the widget, which recovers by itself (the project), and once
// followed by what a person does when a call does not come back — reload both pages and join
// again (the baseline).
import { type CallPage, reloadAndJoin, waitForMutualVideo } from '../../test/e2e/helpers/call-pages.js';
import { type FaultRig, holdFor, startFaultRig } from '../../test/e2e/helpers/faults.js';
import type { Figure, Section } from '../lib/report.js';
import { runSection } from '../lib/section.js';

/** Longest wait for both to play again; a side that takes longer is reported as not recovered. */
const RECOVERY_LIMIT_MS = 30_000;

interface Fault {
  metric: string;
  /** Applies the fault and resolves when it has ended. */
  apply(rig: FaultRig): Promise<void>;
}

const faults: Fault[] = [
  {
    metric: 'page offline 5 s',
    async apply({ calls: [ada] }) {
      await ada!.context.setOffline(true);
      await holdFor(5000);
      await ada!.context.setOffline(false);
    },
  },
  {
    metric: 'WebSocket blocked 10 s',
    async apply({ calls: [ada] }) {
      ada!.sockets.block();
      await holdFor(10_000);
      ada!.sockets.unblock();
    },
  },
  {
    metric: 'server restarted after 2 s',
    async apply({ backend }) {
      await backend.kill();
      await holdFor(2000);
      await backend.start();
    },
  },
];

/** Milliseconds from `endedAt` until both play each other's video, or null past the limit. */
async function recoveredAfter(calls: CallPage[], endedAt: number): Promise<number | null> {
  try {
    return (await waitForMutualVideo(calls, endedAt, RECOVERY_LIMIT_MS)).ms;
  } catch {
    return null;
  }
}

export function measureRecovery(): Promise<Section> {
  return runSection(
    {
      id: 'recovery',
      title: 'Recovery time: fault ended → both participants decode each other again (2 pages, demo room)',
      projectLabel: 'widget by itself',
      baselineLabel: 'reload both pages',
      figures: [],
      notes: [],
    },
    async (section, resources) => {
      const rig = resources.add(
        'fault rig',
        await startFaultRig(`bench-recovery-${Date.now().toString(36)}`),
      );
      const samples: Record<string, { project: number | null; baseline: number | null }> = {};
      for (const fault of faults) {
        await fault.apply(rig);
        const project = await recoveredAfter(rig.calls, Date.now());
        // A call the widget did not bring back is brought back by the reload before the baseline run.
        await fault.apply(rig);
        const endedAt = Date.now();
        await Promise.all(rig.calls.map(reloadAndJoin));
        const baseline = await recoveredAfter(rig.calls, endedAt);
        samples[fault.metric] = { project, baseline };
        const figure: Figure = { metric: fault.metric, unit: 'ms', project, baseline };
        if (project === null || baseline === null)
          figure.note = `not playing again within ${RECOVERY_LIMIT_MS / 1000} s`;
        section.figures.push(figure);
        if (baseline === null) break; // The rig itself is broken: later faults would measure nothing.
      }
      section.notes.push(
        'one run per fault and side, in this order on one rig; the clock stops once every tile of both pages showed 5 fresh frames (test/e2e/helpers/call-pages.ts).',
        "baseline: right after the fault ended both pages reload and join again from the lobby, as a person does when a call doesn't come back by itself.",
      );
      section.details = samples;
    },
  );
}
