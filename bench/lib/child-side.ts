// The child half of lib/child.ts: announce readiness, answer requests by type, stop on request.
// Memory is read after two forced collections so the figure is live data, not garbage.

export type Handlers = Record<string, (body: any) => unknown>;

export function childOptions<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

export interface MemoryReading {
  rssBytes: number;
  heapUsedBytes: number;
  /** What V8 has reserved for its heap (live objects plus room to allocate): part of the RSS. */
  heapTotalBytes: number;
  externalBytes: number;
}

export async function memoryAfterGc(): Promise<MemoryReading> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start the child with --expose-gc');
  // Two passes with a turn of the event loop between them: the first frees objects whose
  // finalizers release more objects, the second collects those.
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  const usage = process.memoryUsage();
  return {
    rssBytes: usage.rss,
    heapUsedBytes: usage.heapUsed,
    heapTotalBytes: usage.heapTotal,
    externalBytes: usage.external,
  };
}

export function serveParent(ready: unknown, handlers: Handlers, stop: () => Promise<void>): void {
  process.on('message', async (message: any) => {
    if (message?.type === 'stop') {
      await stop().catch((error: unknown) => console.error('[bench child] stop failed:', error));
      process.disconnect?.();
      process.exit(0);
    }
    const handler = handlers[message?.type];
    try {
      if (!handler) throw new Error(`unknown request ${message?.type}`);
      process.send?.({ id: message.id, result: await handler(message) });
    } catch (error) {
      process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // The harness dying must not leave servers behind.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ ready });
}
