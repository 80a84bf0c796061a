// A child process serving what a measurement needs, each part optional: the local SFU, the
// calls-elements backend (Node adapter) in front of it, and the baseline relay. Kept out of the
// harness process so its CPU (/proc/<pid>/stat) and memory (after GC) are its own.

import { serveNode } from '../../src/server/adapters/node.js';
import { createCallsHandler } from '../../src/server/index.js';
import type { MemoryRoomDirectory } from '../../src/server/rooms/memory-directory.js';
import { type SfuOptions, startSfu } from '../../src/sfu/index.js';
import { childOptions, memoryAfterGc, serveParent } from '../lib/child-side.js';
import { processHeapSummary } from '../lib/heap-snapshot.js';
import { startRelay } from '../servers/relay-server.js';

export interface MediaStackOptions {
  sfu?: Partial<SfuOptions>;
  /** Serve the backend kit at /calls; its Calls proxy points at the SFU when there is one. */
  backend?: { limits?: Record<string, number>; heartbeat?: Record<string, number> };
  relay?: boolean;
}

export interface MediaStackReady {
  sfu?: { url: string; apiBaseUrl: string; appId: string; appSecret: string };
  /** e.g. http://127.0.0.1:1234/calls */
  endpoint?: string;
  relayUrl?: string;
}

const options = childOptions<MediaStackOptions>();
const stops: (() => Promise<void>)[] = [];
/** Rooms the backend still holds plus sockets the relay still has: 0 once every client has gone. */
const presenceCounts: (() => number)[] = [];
const ready: MediaStackReady = {};

const sfu = options.sfu
  ? await startSfu({
      port: 0,
      host: '127.0.0.1',
      appId: 'bench-app',
      appSecret: 'bench-secret',
      logLevel: 'silent',
      ...options.sfu,
    })
  : undefined;
if (sfu) {
  ready.sfu = { url: sfu.url, apiBaseUrl: sfu.apiBaseUrl, appId: sfu.appId, appSecret: sfu.appSecret };
  stops.push(() => sfu.stop());
}

if (options.backend) {
  const handler = createCallsHandler({
    appId: sfu?.appId ?? 'bench-app',
    appSecret: sfu?.appSecret ?? 'bench-secret',
    // Without an SFU nothing is proxied; the address only has to be well-formed.
    realtimeApiBaseUrl: sfu?.apiBaseUrl ?? 'http://127.0.0.1:9/v1',
    iceServers: [],
    anonymous: true,
    // Bench pages are served from the harness's own port.
    cors: { allowedOrigins: '*' },
    limits: options.backend.limits,
    heartbeat: options.backend.heartbeat,
  });
  const server = await serveNode(handler, { port: 0, host: '127.0.0.1' });
  ready.endpoint = `${server.url}/calls`;
  presenceCounts.push(() => (handler.rooms as MemoryRoomDirectory).roomCount);
  stops.push(async () => {
    await server.stop();
    await handler.close();
  });
}

if (options.relay) {
  const relay = await startRelay();
  ready.relayUrl = relay.url;
  presenceCounts.push(() => relay.clientCount());
  stops.push(() => relay.stop());
}

serveParent(
  ready,
  {
    memory: () => memoryAfterGc(),
    // Entries, not the Map: IPC carries JSON.
    heapSummary: async () => [...(await processHeapSummary())],
    sessionCount: () => sfu?.sessionCount ?? 0,
    presenceSockets: () => presenceCounts.reduce((sum, count) => sum + count(), 0),
  },
  async () => {
    for (const stop of stops.reverse()) await stop();
  },
);
