import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { CallsHandler } from '../handler.js';
import { type AllowedHosts, hostNameOf, isHostAllowed } from '../http/hosts.js';
import type { PeerSocket, PeerSocketEvents } from '../rooms/peer-socket.js';
import type { AcceptedSocket, RuntimeContext } from '../rooms/runtime-context.js';
import { hardenHttpServer } from './harden-http-server.js';
import { discardUnreadBody } from './unread-body.js';

export interface NodeServeOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1: exposing the backend on the network is a decision, not a default. */
  host?: string;
  /** Answers every request outside `handler.endpoint` (a demo page, static files). Default: 404. */
  fallback?: (request: Request) => Promise<Response> | Response;
  /**
   * Frames above this many bytes close the socket (1009) before they are even buffered. Frames
   * between the protocol's `maxMessageBytes` and this get a `message_too_large` error instead.
   * Default 1 MiB.
   */
  maxFrameBytes?: number;
  /**
   * Host names (from the `Host` header) this server answers to, besides IP literals and `localhost`
   * names, which are always accepted; `'*'` accepts any. Other names are refused with 403
   * `host_not_allowed`, which stops DNS rebinding: a page at `http://evil.example:PORT` pointed at
   * this machine. List the names people reach the server by (`['calls.example.com']`). Default: none.
   */
  allowedHosts?: AllowedHosts;
}

export interface RunningNodeServer {
  /** e.g. `http://127.0.0.1:43117` */
  readonly url: string;
  readonly port: number;
  /** Closes the listener and every socket it accepted (participants leave with reason `shutdown`). */
  stop(): Promise<void>;
}

/** Serves a Calls handler (and optionally a fallback) with `node:http`, and its rooms with `ws`. */
export async function serveNode(
  handler: CallsHandler,
  options: NodeServeOptions = {},
): Promise<RunningNodeServer> {
  const host = options.host ?? '127.0.0.1';
  const webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxFrameBytes ?? 1024 * 1024,
    // The handler chooses; by the time ws asks, the chosen protocol is on the request.
    handleProtocols: (_offered, request) => chosenProtocol.get(request) ?? false,
  });
  const chosenProtocol = new WeakMap<IncomingMessage, string>();
  const isOurs = (pathname: string) =>
    pathname === handler.endpoint || pathname.startsWith(`${handler.endpoint}/`);

  const allowedHosts = options.allowedHosts ?? [];

  const server = createServer((incoming, outgoing) => {
    outgoing.on('error', () => outgoing.destroy());
    void (async () => {
      const parsed = toRequest(incoming, host, allowedHosts);
      let response: Response;
      if (!parsed.ok) response = parsed.response;
      else {
        const request = parsed.request;
        try {
          if (isOurs(new URL(request.url).pathname)) response = await handler(request);
          else if (options.fallback) response = await options.fallback(request);
          else response = jsonError(404, 'not_found', 'Nothing is served at this path.');
        } catch (error) {
          console.error('[calls-elements/server] request failed:', error);
          response = jsonError(500, 'internal_error', 'The server failed.');
        }
      }
      // What the handler left unread is drained (bounded) before answering, so the client can read
      // the answer and the connection can carry its next request.
      if (parsed.ok) parsed.abandonBody();
      const reusable = await discardUnreadBody(incoming);
      // Without keep-alive Node closes the connection itself once the answer is out.
      await writeResponse(response, outgoing, reusable);
    })().catch((error: unknown) => {
      console.error('[calls-elements/server] writing a response failed:', error);
      outgoing.destroy();
    });
  });
  hardenHttpServer(server);

  server.on('upgrade', (incoming: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Not an arrow: a closure here would share this scope's context and keep the handshake's
    // request (headers, URL, the Request copy) alive as long as the socket lives.
    socket.on('error', destroySocket);
    const parsed = toRequest(incoming, host, allowedHosts);
    if (!parsed.ok) {
      void writeRefusal(socket, parsed.response);
      return;
    }
    const request = parsed.request;
    if (!isOurs(new URL(request.url).pathname)) {
      writeRawResponse(socket, 404, jsonBody('not_found', 'No WebSocket is served at this path.'));
      return;
    }
    const handshakeProblem = webSocketHandshakeProblem(incoming);
    if (handshakeProblem) {
      writeRawResponse(socket, 400, jsonBody('bad_request', handshakeProblem));
      return;
    }
    let accepted = false;
    const runtime: RuntimeContext = {
      acceptWebSocket: (protocol) => {
        accepted = true;
        chosenProtocol.set(incoming, protocol);
        return new Promise<AcceptedSocket>((resolve) => {
          webSockets.handleUpgrade(incoming, socket, head, (ws) => resolve(wrapSocket(ws)));
        });
      },
    };
    handler(request, runtime)
      .then(async (response) => {
        if (!accepted) await writeRefusal(socket, response);
      })
      .catch((error: unknown) => {
        console.error('[calls-elements/server] upgrade failed:', error);
        if (!accepted) writeRawResponse(socket, 500, jsonBody('internal_error', 'The server failed.'));
        else socket.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const ws of webSockets.clients) ws.close(1001, 'server_shutdown');
      server.closeAllConnections();
      // Sockets that do not finish the closing handshake promptly are cut.
      const cut = setTimeout(() => {
        for (const ws of webSockets.clients) ws.terminate();
      }, 1000);
      await closed;
      await new Promise<void>((resolve) => {
        if (webSockets.clients.size === 0) resolve();
        else {
          const check = setInterval(() => {
            if (webSockets.clients.size === 0) {
              clearInterval(check);
              resolve();
            }
          }, 10);
        }
      });
      clearTimeout(cut);
      webSockets.close();
    },
  };
}

function destroySocket(this: Duplex): void {
  this.destroy();
}

function wrapSocket(ws: WebSocket): AcceptedSocket {
  return new NodeAcceptedSocket(ws);
}

/**
 * A `ws` socket as the room sees it. A class rather than an object of arrow functions: its methods
 * live on the prototype, so a thousand open sockets do not carry a thousand copies of them.
 */
class NodeAcceptedSocket implements AcceptedSocket, PeerSocket {
  readonly socket: PeerSocket = this;

  constructor(private readonly ws: WebSocket) {}

  send(text: string): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(text);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  listen(events: PeerSocketEvents): void {
    const { ws } = this;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      events.message(isBinary ? null : bytes.toString('utf8'), bytes.byteLength);
    });
    ws.on('close', (code: number) => events.closed(code));
    // Errors (bad frames, oversize) are followed by a close event; nothing more to do.
    ws.on('error', ignoreError);
  }
}

function ignoreError(): void {}

type ParsedRequest =
  | { ok: true; request: Request; abandonBody: () => void }
  | { ok: false; response: Response };

/**
 * The Web-standard request for what Node received, or the answer for one that cannot be one: a
 * `Host` that is not a host name, one this server does not answer to, a target that is not a path,
 * or a method `Request` refuses (`TRACE`, `CONNECT`).
 */
function toRequest(incoming: IncomingMessage, listenHost: string, allowedHosts: AllowedHosts): ParsedRequest {
  const hostHeader = incoming.headers.host ?? listenHost;
  const hostName = hostNameOf(hostHeader);
  if (hostName === null) return refused(400, 'bad_request', 'The Host header is not a host name.');
  if (!isHostAllowed(hostName, allowedHosts)) {
    return refused(
      403,
      'host_not_allowed',
      `This server does not answer to the host "${hostName}". Add it to allowedHosts (calls-elements dev: --allow-origin).`,
    );
  }
  const target = incoming.url ?? '/';
  if (!target.startsWith('/')) return refused(400, 'bad_request', 'The request target must be a path.');
  try {
    const headers = new Headers();
    for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
      headers.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string);
    }
    const url = new URL(target, `http://${hostHeader.trim()}`);
    const method = incoming.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD' && !incoming.headers.upgrade;
    const body = hasBody ? bodyStream(incoming) : undefined;
    const request = new Request(url, {
      method,
      headers,
      body: body?.stream,
      // Required by undici for a streamed request body.
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit);
    return { ok: true, request, abandonBody: body?.abandon ?? (() => {}) };
  } catch (error) {
    return refused(400, 'bad_request', `Not a usable HTTP request: ${(error as Error).message}`);
  }
}

/**
 * The request body as a web stream. Unlike `Readable.toWeb`, cancelling it (the body reader
 * stopping at its size limit) leaves the socket alone: the rest is drained before the answer, since
 * destroying the request would reset the connection under the client's feet. `abandon` does the
 * same once the handler has answered without reading it all.
 */
function bodyStream(incoming: IncomingMessage): { stream: ReadableStream<Uint8Array>; abandon: () => void } {
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      incoming.on('data', (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
      });
      incoming.once('end', () => {
        if (!cancelled) controller.close();
      });
      incoming.once('error', (error) => {
        if (!cancelled) controller.error(error);
      });
      incoming.pause();
    },
    pull() {
      incoming.resume();
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    stream,
    abandon: () => {
      cancelled = true;
    },
  };
}

/**
 * What `ws` itself would refuse with a plain-text answer, refused here as JSON instead: every
 * refusal this server gives has the same shape.
 */
function webSocketHandshakeProblem(incoming: IncomingMessage): string | null {
  if (incoming.method !== 'GET') return 'A WebSocket handshake is a GET request.';
  if (incoming.headers.upgrade?.toLowerCase() !== 'websocket') return 'Upgrade must be "websocket".';
  const key = incoming.headers['sec-websocket-key'];
  if (typeof key !== 'string' || !/^[+/0-9A-Za-z]{22}==$/.test(key.trim()))
    return 'Sec-WebSocket-Key is missing or malformed.';
  const version = incoming.headers['sec-websocket-version'];
  if (version !== '13' && version !== '8') return 'Sec-WebSocket-Version must be 13.';
  const protocols = incoming.headers['sec-websocket-protocol'];
  if (protocols !== undefined) {
    const offered = protocols.split(',').map((item) => item.trim());
    if (offered.some((item) => !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(item)))
      return 'Sec-WebSocket-Protocol must be a comma-separated list of tokens.';
    if (new Set(offered).size !== offered.length) return 'Sec-WebSocket-Protocol offers a protocol twice.';
  }
  return null;
}

function refused(status: number, errorCode: string, errorDescription: string): ParsedRequest {
  return { ok: false, response: jsonError(status, errorCode, errorDescription) };
}

function jsonError(status: number, errorCode: string, errorDescription: string): Response {
  return new Response(jsonBody(errorCode, errorDescription), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}

function jsonBody(errorCode: string, errorDescription: string): string {
  return JSON.stringify({ errorCode, errorDescription });
}

async function writeRefusal(socket: Duplex, response: Response): Promise<void> {
  writeRawResponse(socket, response.status, await response.text(), response.headers);
}

async function writeResponse(
  response: Response,
  outgoing: ServerResponse,
  keepAlive: boolean,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (!keepAlive) headers.connection = 'close';
  outgoing.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body) {
    outgoing.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!outgoing.write(chunk)) await new Promise((resolve) => outgoing.once('drain', resolve));
  }
  outgoing.end();
}

/** Answers a refused upgrade on the raw socket, since no `ServerResponse` exists for it. */
function writeRawResponse(socket: Duplex, status: number, body: string, headers?: Headers): void {
  if (socket.destroyed) return;
  const lines = [
    `HTTP/1.1 ${status} ${statusText(status)}`,
    'Connection: close',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  headers?.forEach((value, key) => {
    if (key !== 'content-length' && key !== 'connection') lines.push(`${key}: ${value}`);
  });
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    413: 'Payload Too Large',
    429: 'Too Many Requests',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    426: 'Upgrade Required',
    500: 'Internal Server Error',
    501: 'Not Implemented',
    503: 'Service Unavailable',
  };
  return texts[status] ?? 'Error';
}
