// CPU time of a process (or a process tree, for Chromium's many processes) from /proc, in
// seconds, so two readings bracket a measurement window without instrumenting the process.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux; getconf CLK_TCK says the same on every kernel in use.

function readStat(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses; the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

export function processCpuSeconds(pid: number): number {
  return (readStat(pid)?.ticks ?? 0) / TICKS_PER_SECOND;
}

/** CPU seconds of `rootPid` and all its live descendants. */
export function processTreeCpuSeconds(rootPid: number): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    parents.set(pid, stat.ppid);
    ticks.set(pid, stat.ticks);
  }
  let total = 0;
  for (const [pid, pidTicks] of ticks) {
    for (
      let cursor: number | undefined = pid;
      cursor !== undefined && cursor > 1;
      cursor = parents.get(cursor)
    ) {
      if (cursor === rootPid) {
        total += pidTicks;
        break;
      }
    }
  }
  return total / TICKS_PER_SECOND;
}

/** Machine-wide busy CPU seconds (all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
}
