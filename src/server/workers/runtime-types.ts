// The few Workers runtime APIs this adapter uses, declared structurally so the package needs no
// dependency on @cloudflare/workers-types and a project that has them can pass its own objects.

/** A WebSocket as the Workers runtime hands it out (`WebSocketPair`, hibernation API). */
export interface WorkersWebSocket {
  accept(): void;
  send(message: string): void;
  close(code?: number, reason?: string): void;
  /** Hibernation: data kept with the socket while the Durable Object is out of memory (≤ 2 KiB). */
  serializeAttachment(value: unknown): void;
  deserializeAttachment(): unknown;
  addEventListener(type: 'message', listener: (event: { data: string | ArrayBuffer }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

/** The part of Durable Object storage a room uses. */
export interface RoomStorage {
  get<T = unknown>(key: string): Promise<T | undefined>;
  list<T = unknown>(options: { prefix: string }): Promise<Map<string, T>>;
  put(entries: Record<string, unknown>): Promise<void>;
  delete(keys: string[]): Promise<number>;
  deleteAll(): Promise<void>;
  getAlarm(): Promise<number | null>;
  setAlarm(scheduledTime: number): Promise<void>;
  deleteAlarm(): Promise<void>;
}

/** `ctx` / `state` as a Durable Object's constructor receives it. */
export interface RoomObjectState {
  readonly storage: RoomStorage;
  acceptWebSocket(socket: WorkersWebSocket, tags?: string[]): void;
  getWebSockets(tag?: string): WorkersWebSocket[];
  blockConcurrencyWhile<T>(callback: () => Promise<T>): Promise<T>;
}

/** A Durable Object namespace binding (`env.CALLS_ROOMS`), reduced to what reaching a room takes. */
export interface RoomObjectNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): { fetch(request: Request): Promise<Response> };
}

/** The Worker's `ctx`, of which only `waitUntil` might be used by a fallback. */
export interface WorkerExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException?(): void;
}

/** `new WebSocketPair()`: index 0 goes to the client in the 101 response, index 1 stays here. */
export type WebSocketPairConstructor = new () => { 0: WorkersWebSocket; 1: WorkersWebSocket };

/** The Workers `Response` init that carries the client end of an accepted WebSocket. */
export function upgradeResponse(client: WorkersWebSocket, protocol: string): Response {
  const init = { status: 101, webSocket: client, headers: { 'Sec-WebSocket-Protocol': protocol } };
  // Only the Workers runtime accepts status 101 with a `webSocket`; the DOM typings know neither.
  return new Response(null, init as ResponseInit);
}

/** The runtime's `WebSocketPair`, looked up when needed so importing this module works anywhere. */
export function webSocketPair(): { client: WorkersWebSocket; server: WorkersWebSocket } {
  const Pair = (globalThis as { WebSocketPair?: WebSocketPairConstructor }).WebSocketPair;
  if (!Pair)
    throw new TypeError('calls-elements/server/workers: WebSocketPair exists only in the Workers runtime');
  const pair = new Pair();
  return { client: pair[0], server: pair[1] };
}
