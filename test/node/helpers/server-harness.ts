// Real servers and real `ws` clients for the backend kit's tests. Nothing here is a mock: the
// upstream is a real HTTP server that answers like the Calls API and records what reached it.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { serveNode } from '../../../src/server/adapters/node.js';
import type { CallsHandlerOptions, Participant, ServerMessage } from '../../../src/server/index.js';
import { createCallsHandler } from '../../../src/server/index.js';
import type { AuthorizeHookName } from './authorize-hooks.js';
import { authorizeHooks } from './authorize-hooks.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A stand-in Calls API that records requests: for testing what the proxy lets through and adds. */
export interface RecordingUpstream {
  apiBaseUrl: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export async function startRecordingUpstream(
  answer: (request: RecordedRequest) => { status: number; body: unknown } = defaultCallsAnswer,
): Promise<RecordingUpstream> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const { status, body } = answer(recorded);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    apiBaseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let sessionCounter = 0;
function defaultCallsAnswer(request: RecordedRequest): { status: number; body: unknown } {
  if (request.method === 'POST' && /\/sessions\/new(\?|$)/.test(request.path)) {
    sessionCounter += 1;
    return { status: 201, body: { sessionId: sessionCounter.toString(16).padStart(32, '0') } };
  }
  return { status: 200, body: { requiresImmediateRenegotiation: false, tracks: [] } };
}

/** A running backend, whichever adapter serves it. */
export interface Backend {
  /** e.g. `http://127.0.0.1:41023` */
  url: string;
  roomUrl(room: string, query?: string): string;
  proxyUrl(path: string): string;
  stop(): Promise<void>;
}

/**
 * Handler options as the shared suites give them: plain data, and the authorize hook by name, so the
 * same options can configure a Node process or a Worker bundled for workerd.
 */
export type BackendOptions = Omit<Partial<CallsHandlerOptions>, 'authorize' | 'rooms' | 'onError' | 'now'> & {
  apiBaseUrl?: string;
  authorize?: AuthorizeHookName;
};

export const TEST_APP_SECRET = 'test-app-secret';
const ENDPOINT = '/calls';

/** The handler options both adapters start from: anonymous unless a hook is named. */
export function handlerOptionsFor(options: BackendOptions) {
  const { apiBaseUrl, authorize, ...rest } = options;
  return {
    appId: 'test-app',
    appSecret: TEST_APP_SECRET,
    realtimeApiBaseUrl: apiBaseUrl ?? 'http://127.0.0.1:9/v1',
    anonymous: authorize === undefined,
    endpoint: ENDPOINT,
    ...rest,
    authorize,
  };
}

/** URLs of a backend serving the handler at ENDPOINT on `url`. */
export function backendAt(url: string, stop: () => Promise<void>): Backend {
  const wsBase = url.replace(/^http/, 'ws');
  return {
    url,
    roomUrl: (room, query) => `${wsBase}${ENDPOINT}/rooms/${room}${query ? `?${query}` : ''}`,
    proxyUrl: (path) => `${url}${ENDPOINT}/partytracks${path}`,
    stop,
  };
}

/** The Node adapter: `serveNode` on 127.0.0.1, with quiet error reporting. */
export async function startNodeBackend(options: BackendOptions = {}): Promise<Backend> {
  const { authorize, ...handlerOptions } = handlerOptionsFor(options);
  const handler = createCallsHandler({
    ...handlerOptions,
    authorize: authorize ? authorizeHooks[authorize] : undefined,
    onError: () => {},
  });
  const server = await serveNode(handler, { port: 0, host: '127.0.0.1' });
  return backendAt(server.url, async () => {
    await server.stop();
    await handler.close();
  });
}

export interface ConnectOptions {
  token?: string;
  resume?: string;
  name?: string;
  origin?: string;
  /** Replace the offered subprotocols entirely. */
  protocols?: string[];
}

export function subprotocolsFor(options: ConnectOptions): string[] {
  if (options.protocols) return options.protocols;
  const protocols = ['calls-presence.v1'];
  if (options.token !== undefined)
    protocols.push(`bearer.${Buffer.from(options.token).toString('base64url')}`);
  if (options.resume !== undefined) protocols.push(`resume.${options.resume}`);
  return protocols;
}

type AnyServerMessage = ServerMessage & Record<string, unknown>;

/** A presence client over a real `ws` socket that keeps every message and waits on conditions. */
export class PresenceClient {
  readonly messages: AnyServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  #waiters: Array<() => void> = [];
  #requestCounter = 0;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.messages.push(JSON.parse(data.toString('utf8')) as AnyServerMessage);
      this.#wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code: number, reason: Buffer) => {
        resolve({ code, reason: reason.toString('utf8') });
        this.#wake();
      });
    });
    this.opened = new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  static open(url: string, options: ConnectOptions = {}): PresenceClient {
    const headers: Record<string, string> = {};
    if (options.origin) headers.Origin = options.origin;
    const finalUrl =
      options.name === undefined
        ? url
        : `${url}${url.includes('?') ? '&' : '?'}name=${encodeURIComponent(options.name)}`;
    // Like a browser (Chromium gives the server 2 s), the client drops the connection itself when
    // the server does not close it after the closing handshake; `ws` would otherwise wait 30 s.
    // workerd leaves a hibernated socket that never sent a message open after a server-initiated
    // close until its Durable Object is evicted (docs/workers.md, "Known runtime behaviour").
    const wsOptions = { headers, closeTimeout: 2000 } as WebSocket.ClientOptions;
    return new PresenceClient(new WebSocket(finalUrl, subprotocolsFor(options), wsOptions));
  }

  /** Opens a socket and waits for `welcome`. */
  static async join(
    url: string,
    options: ConnectOptions = {},
  ): Promise<PresenceClient & { welcome: AnyServerMessage }> {
    const client = PresenceClient.open(url, options);
    const welcome = await client.next('welcome');
    return Object.assign(client, { welcome });
  }

  get participantId(): string {
    const welcome = this.messages.find((m) => m.type === 'welcome');
    if (!welcome) throw new Error('no welcome yet');
    return welcome.participantId as string;
  }

  get credential(): string {
    const latest = this.messages.filter((m) => m.type === 'welcome' || m.type === 'credential').at(-1);
    if (!latest) throw new Error('no credential yet');
    return latest.credential as string;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /**
   * The first message (after index `from`) of this type matching `where`. Rejects if the socket
   * closes first.
   */
  async next(
    type: string,
    where: (message: AnyServerMessage) => boolean = () => true,
    from = 0,
  ): Promise<AnyServerMessage> {
    for (;;) {
      const found = this.messages.slice(from).find((m) => m.type === type && where(m));
      if (found) return found;
      if (this.socket.readyState === WebSocket.CLOSED) {
        throw new Error(`socket closed before a "${type}" message; got ${JSON.stringify(this.messages)}`);
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** Sends a message with an `id` and waits for its `ack` or `error`. */
  async request(message: Record<string, unknown>): Promise<AnyServerMessage> {
    this.#requestCounter += 1;
    const id = `r${this.#requestCounter}`;
    const from = this.messages.length;
    this.send({ ...message, id });
    const answerTypes = new Set(['ack', 'error', 'pong']);
    for (;;) {
      const found = this.messages
        .slice(from)
        .find(
          (m) =>
            (answerTypes.has(m.type) && m.id === id) || (m.type === 'error' && m.code === 'rate_limited'),
        );
      if (found) return found;
      if (message.type === 'sync') {
        const state = this.messages.slice(from).find((m) => m.type === 'room-state');
        if (state) return state;
      }
      if (this.socket.readyState === WebSocket.CLOSED) throw new Error(`socket closed awaiting ${id}`);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** The room as this client sees it now, straight from the server. */
  async roomState(): Promise<Participant[]> {
    const state = await this.request({ type: 'sync' });
    return state.participants as Participant[];
  }

  /** Messages received since index `from`, of the given types. */
  since(from: number, ...types: string[]): AnyServerMessage[] {
    return this.messages.slice(from).filter((m) => types.length === 0 || types.includes(m.type));
  }

  close(code = 1000): void {
    this.socket.close(code);
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
