// Runs the backend kit's Workers adapter in workerd through Miniflare: the test Worker is bundled
// once per test process with esbuild, and each backend is its own Miniflare (own workerd process,
// own in-memory Durable Object storage), stopped by the test that started it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Log, LogLevel, Miniflare } from 'miniflare';
import type { Backend, BackendOptions } from './server-harness.js';
import { backendAt, handlerOptionsFor } from './server-harness.js';

/** The newest date workerd 1.20260426 accepts, with a margin; matches examples/cloudflare. */
export const COMPATIBILITY_DATE = '2026-04-01';
const ENTRY = fileURLToPath(new URL('./workers-entry.ts', import.meta.url));

let bundled: Promise<string> | undefined;

/** The test Worker as one ES module file, built on first use and deleted when the process exits. */
export function bundleTestWorker(): Promise<string> {
  bundled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calls-elements-worker-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, 'worker.js');
    await build({
      entryPoints: [ENTRY],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      conditions: ['workerd', 'worker', 'browser'],
      logLevel: 'error',
    });
    return outfile;
  })();
  return bundled;
}

export interface RunningWorker {
  /** e.g. `http://127.0.0.1:41023` */
  url: string;
  miniflare: Miniflare;
  /** Milliseconds from `new Miniflare` to `ready`. */
  startMs: number;
  /** Asks a room's object one of the test entry's `/test/…` questions. */
  roomObject(room: string, path: '/test/instance' | '/test/storage'): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Starts the test Worker with its room Durable Object; `options` becomes the TEST_OPTIONS binding. */
export async function startTestWorker(
  options: Record<string, unknown>,
  extraBindings: Record<string, string> = {},
): Promise<RunningWorker> {
  const scriptPath = await bundleTestWorker();
  const started = performance.now();
  const miniflare = new Miniflare({
    modules: true,
    scriptPath,
    // Module names are relative to this root; the bundle lives outside the project.
    modulesRoot: dirname(scriptPath),
    compatibilityDate: COMPATIBILITY_DATE,
    durableObjects: { ROOMS: { className: 'TestRoom', useSQLite: true } },
    bindings: { TEST_OPTIONS: JSON.stringify(options), ...extraBindings },
    // Offline: never fetch the `cf` object from Cloudflare.
    cf: false,
    host: '127.0.0.1',
    port: 0,
    log: new Log(process.env.CALLS_WORKERS_LOG === '1' ? LogLevel.DEBUG : LogLevel.WARN),
  });
  const ready = await miniflare.ready;
  const startMs = performance.now() - started;
  return {
    url: ready.origin,
    miniflare,
    startMs,
    async roomObject(room, path) {
      // Miniflare types this with @cloudflare/workers-types, which this project does not install.
      const namespace = (await miniflare.getDurableObjectNamespace('ROOMS')) as unknown as {
        idFromName(name: string): unknown;
        get(id: unknown): { fetch(url: string): Promise<Response> };
      };
      const response = await namespace.get(namespace.idFromName(room)).fetch(`https://test${path}`);
      return (await response.json()) as Record<string, unknown>;
    },
    stop: () => miniflare.dispose(),
  };
}

/** The Workers adapter in workerd, behind the same Backend interface as the Node one. */
export async function startWorkersBackend(
  options: BackendOptions = {},
  extraBindings: Record<string, string> = {},
): Promise<Backend & { worker: RunningWorker }> {
  const worker = await startTestWorker(handlerOptionsFor(options), extraBindings);
  return { ...backendAt(worker.url, worker.stop), worker };
}
