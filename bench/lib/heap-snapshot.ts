// Which constructors a page's heap holds more of between two moments: a heap snapshot over the
// DevTools protocol (HeapProfiler, which collects garbage first), summarised per constructor the
// way DevTools' "Summary" view groups it, and the difference of two summaries.
import type { CDPSession } from 'playwright-core';

export interface ConstructorTotals {
  count: number;
  selfBytes: number;
}

export type HeapSummary = Map<string, ConstructorTotals>;

export interface ConstructorGrowth extends ConstructorTotals {
  name: string;
}

/** The snapshot's node fields we read; their positions come from the snapshot's own meta. */
interface SnapshotMeta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
}

export async function takeHeapSummary(cdp: CDPSession): Promise<HeapSummary> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return summarise(JSON.parse(chunks.join('')));
}

/** The same summary of the Node process it runs in (a bench child), from `v8.getHeapSnapshot()`. */
export async function processHeapSummary(): Promise<HeapSummary> {
  const { getHeapSnapshot } = await import('node:v8');
  const chunks: string[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(String(chunk));
  return summarise(JSON.parse(chunks.join('')));
}

/** Exported for its unit test: groups nodes by constructor (objects) or by kind (everything else). */
export function summarise(snapshot: {
  snapshot: { meta: SnapshotMeta };
  nodes: number[];
  strings: string[];
}): HeapSummary {
  const { node_fields: fields, node_types: types } = snapshot.snapshot.meta;
  const typeNames = types[0];
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const summary: HeapSummary = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += stride) {
    const type = typeNames[snapshot.nodes[i + typeAt]!]!;
    const name = snapshot.strings[snapshot.nodes[i + nameAt]!]!;
    // Objects by constructor, closures by function name, the rest by kind (strings, arrays, code…).
    const key =
      type === 'object' || type === 'native'
        ? name
        : type === 'closure'
          ? `${name || '(anonymous)'}()`
          : `(${type})`;
    const totals = summary.get(key) ?? { count: 0, selfBytes: 0 };
    totals.count++;
    totals.selfBytes += snapshot.nodes[i + sizeAt]!;
    summary.set(key, totals);
  }
  return summary;
}

/** The constructors whose retained self size grew most from `before` to `after`. */
export function topGrowth(before: HeapSummary, after: HeapSummary, limit: number): ConstructorGrowth[] {
  const growth: ConstructorGrowth[] = [];
  for (const [name, totals] of after) {
    const earlier = before.get(name) ?? { count: 0, selfBytes: 0 };
    growth.push({
      name,
      count: totals.count - earlier.count,
      selfBytes: totals.selfBytes - earlier.selfBytes,
    });
  }
  return growth
    .filter((entry) => entry.selfBytes > 0)
    .sort((a, b) => b.selfBytes - a.selfBytes)
    .slice(0, limit);
}

/** `Name +count (bytes per unit)` for each entry, e.g. per cycle or per client. */
export function formatGrowth(growth: ConstructorGrowth[], units: number, unitName: string): string {
  if (growth.length === 0) return 'nothing grew';
  return growth
    .map(
      (entry) =>
        `${shortName(entry.name)} ${entry.count >= 0 ? '+' : ''}${entry.count} (${(entry.selfBytes / units).toFixed(0)} B/${unitName})`,
    )
    .join('; ');
}

/** Blink's C++ names carry whole template argument lists; the class name says enough. */
function shortName(name: string): string {
  const template = name.indexOf('<');
  return template > 0 ? `${name.slice(0, template)}<…>` : name;
}
