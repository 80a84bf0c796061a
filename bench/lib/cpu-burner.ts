// Contention for the bench: a child process that spins on one core for as long as a measurement
// runs, so the "under contention" rows are reproducible (the same load for both sides, in the same
// run) instead of depending on whatever else the machine happens to do.
import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';

export interface CpuBurner {
  readonly pid: number;
  stop(): Promise<void>;
}

export function startCpuBurner(): CpuBurner {
  // A plain busy loop in its own process: the scheduler gives it one core's worth of run time.
  const child: ChildProcess = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface Condition {
  id: 'idle' | 'contention';
  /** Appended to a metric's name in the tables. */
  label: string;
  burner: boolean;
}

export const CONDITIONS: readonly Condition[] = [
  { id: 'idle', label: 'idle', burner: false },
  { id: 'contention', label: 'contention (1 core burned)', burner: true },
];

/** The 1-minute load average now, as `uptime` prints it: what the machine did besides the bench. */
export const loadAverage = () => loadavg()[0]!.toFixed(2);

/** Runs `work` with a burner on when the condition asks for one; notes the load before and after. */
export async function underCondition<T>(
  condition: Condition,
  notes: string[],
  work: () => Promise<T>,
): Promise<T> {
  const loadBefore = loadAverage();
  const burner = condition.burner ? startCpuBurner() : undefined;
  try {
    return await work();
  } finally {
    await burner?.stop();
    notes.push(`${condition.id}: load average ${loadBefore} before, ${loadAverage()} after (2 cores).`);
  }
}
