// The shared server suites run once per backend adapter. Set CALLS_TEST_ADAPTERS=node (or workers)
// to run one of them while working on it.
import { describe } from 'node:test';
import type { Backend, BackendOptions } from './server-harness.js';
import { startNodeBackend } from './server-harness.js';
import { startWorkersBackend } from './workers-backend.js';

export interface BackendAdapter {
  name: 'node' | 'workers';
  startBackend(options?: BackendOptions): Promise<Backend>;
  /**
   * Whether `limits.maxRooms` applies. It caps the rooms one Node process holds; on Workers each room
   * is its own Durable Object, so there is no process to fill.
   */
  limitsRoomsPerProcess: boolean;
}

const ALL: BackendAdapter[] = [
  { name: 'node', startBackend: startNodeBackend, limitsRoomsPerProcess: true },
  { name: 'workers', startBackend: startWorkersBackend, limitsRoomsPerProcess: false },
];

function selected(): BackendAdapter[] {
  const wanted = process.env.CALLS_TEST_ADAPTERS?.split(',').map((name) => name.trim());
  if (!wanted) return ALL;
  const chosen = ALL.filter((adapter) => wanted.includes(adapter.name));
  if (chosen.length === 0) throw new Error(`CALLS_TEST_ADAPTERS names no adapter: ${wanted.join(', ')}`);
  return chosen;
}

/** Registers `suite` once per adapter, inside a describe named after it (`[node]`, `[workers]`). */
export function forEachBackend(suite: (adapter: BackendAdapter) => void): void {
  for (const adapter of selected()) describe(`[${adapter.name}]`, () => suite(adapter));
}
