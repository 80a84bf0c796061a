// Presence: 1000 WebSocket clients in 100 rooms on the Node adapter of the backend kit (anonymous
// rooms) against a bare `ws` relay doing the same fan-out with no protocol. Broadcast latency is
// from one member's update until every other member of its room has the broadcast, with all 100
// rooms updating at once; memory per client is the server process's growth (after GC) from no
// clients to all 1000 joined, divided by 1000.
import type { MediaStackReady } from '../children/media-stack.js';
import { type ChildHandle, startChild } from '../lib/child.js';
import type { MemoryReading } from '../lib/child-side.js';
import {
  type ConstructorGrowth,
  type ConstructorTotals,
  formatGrowth,
  type HeapSummary,
  topGrowth,
} from '../lib/heap-snapshot.js';
import { type Dialect, PresenceCrowd } from '../lib/presence-clients.js';
import type { Section } from '../lib/report.js';
import type { Resources } from '../lib/resources.js';
import { runSection } from '../lib/section.js';
import { percentile } from '../lib/stats.js';
import { sleep } from '../lib/timeout.js';
import { bareRelay, callsPresence } from './presence-dialects.js';

const ROOMS = 100;
const PER_ROOM = 10;
const ROUNDS = 20;
const WARMUP_ROUNDS = 2;
/** How many of the largest per-client heap items the notes list per side. */
const TOP_CONSTRUCTORS = 10;

interface Outcome {
  latencies: number[];
  rssPerClient: number;
  heapPerClient: number;
  heapTotalPerClient: number;
  connectSeconds: number;
  /** What the server holds per client: heap snapshot with everyone joined minus one after all left. */
  perClient: ConstructorGrowth[];
}

async function measureServer(
  resources: Resources,
  options: Record<string, unknown>,
  dialectFor: (ready: MediaStackReady) => Dialect,
): Promise<Outcome> {
  const child = await startChild<MediaStackReady>('media-stack.ts', options);
  resources.add('presence server', child);
  const crowd = new PresenceCrowd(dialectFor(child.ready));
  resources.add('presence clients', { close: () => crowd.close() });
  const before = await child.request<MemoryReading>('memory');
  const connectStarted = performance.now();
  await crowd.connect(ROOMS, PER_ROOM);
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  const after = await child.request<MemoryReading>('memory');
  const latencies: number[] = [];
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const roundLatencies = await crowd.round(round);
    if (round >= WARMUP_ROUNDS) latencies.push(...roundLatencies);
  }
  const clients = ROOMS * PER_ROOM;
  // Snapshots only after the memory readings: taking one grows the process's RSS by itself.
  const joined = await heapSummary(child);
  await crowd.close();
  await waitForEmptyRooms(child);
  const perClient = topGrowth(await heapSummary(child), joined, TOP_CONSTRUCTORS);
  await child.stop();
  return {
    latencies,
    rssPerClient: (after.rssBytes - before.rssBytes) / clients,
    heapTotalPerClient: (after.heapTotalBytes - before.heapTotalBytes) / clients,
    heapPerClient:
      (after.heapUsedBytes + after.externalBytes - before.heapUsedBytes - before.externalBytes) / clients,
    connectSeconds,
    perClient,
  };
}

async function heapSummary(child: ChildHandle<MediaStackReady>): Promise<HeapSummary> {
  return new Map(await child.request<[string, ConstructorTotals][]>('heapSummary'));
}

/** The server lets a room go once its last socket's close is handled; give it a moment to. */
async function waitForEmptyRooms(child: ChildHandle<MediaStackReady>): Promise<void> {
  const deadline = performance.now() + 10_000;
  while ((await child.request<number>('presenceSockets')) > 0 && performance.now() < deadline) {
    await sleep(100);
  }
}

export function measurePresence(): Promise<Section> {
  return runSection(
    {
      id: 'presence',
      title: `Presence: ${ROOMS * PER_ROOM} WebSocket clients in ${ROOMS} rooms, ${ROUNDS} rounds of one update per room`,
      projectLabel: 'calls-elements/server (Node)',
      baselineLabel: 'bare ws relay',
      figures: [],
      notes: [],
    },
    async (section, resources) => {
      const project = await measureServer(
        resources,
        // Heartbeats would only add noise here: no client pings during the run.
        { backend: { heartbeat: { intervalMs: 600_000, timeoutMs: 1_200_000 } } },
        (ready) => callsPresence(ready.endpoint!),
      );
      const baseline = await measureServer(resources, { relay: true }, (ready) => bareRelay(ready.relayUrl!));
      section.figures.push(
        {
          metric: 'broadcast latency p50',
          unit: 'ms',
          project: percentile(project.latencies, 50),
          baseline: percentile(baseline.latencies, 50),
        },
        {
          metric: 'broadcast latency p99',
          unit: 'ms',
          project: percentile(project.latencies, 99),
          baseline: percentile(baseline.latencies, 99),
        },
        {
          metric: 'server RSS per client',
          unit: 'kB',
          project: project.rssPerClient / 1000,
          baseline: baseline.rssPerClient / 1000,
        },
        {
          metric: 'server JS heap + external per client',
          unit: 'kB',
          project: project.heapPerClient / 1000,
          baseline: baseline.heapPerClient / 1000,
        },
        {
          metric: 'server V8 heap reserved per client (part of RSS)',
          unit: 'kB',
          project: project.heapTotalPerClient / 1000,
          baseline: baseline.heapTotalPerClient / 1000,
          note: 'V8 keeps the room it grew to while the clients joined (mostly the young generation, sized by how fast the server allocated), so this follows allocation rate during the joins, not what each client keeps',
        },
        {
          metric: `time to connect all ${ROOMS * PER_ROOM} (50 at a time)`,
          unit: 's',
          project: project.connectSeconds,
          baseline: baseline.connectSeconds,
        },
      );
      section.notes.push(
        `${ROUNDS * ROOMS} latency samples per side (${WARMUP_ROUNDS} warm-up rounds not counted); clients run in the harness process, servers in their own.`,
        'The project sends each broadcast to the sender too and carries the full participant record; the relay forwards a 100-byte blob to the others only.',
        'RSS also holds memory the process used while clients joined and has not returned to the system (V8 pages, malloc arenas); heap + external is what stays referenced.',
      );
      for (const [side, outcome] of [
        ['calls-elements/server', project],
        ['bare relay', baseline],
      ] as const) {
        section.notes.push(
          `${side}, heap per client by constructor (snapshot with all joined minus after all left): ${formatGrowth(outcome.perClient, ROOMS * PER_ROOM, 'client')}`,
        );
      }
      section.details = { project, baseline };
    },
  );
}
