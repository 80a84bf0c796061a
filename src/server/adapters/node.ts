import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { CallsHandler } from '../handler.js';
import type { AcceptedSocket, RuntimeContext } from '../rooms/runtime-context.js';

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

  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const request = toRequest(incoming, host);
      let response: Response;
      try {
        if (isOurs(new URL(request.url).pathname)) response = await handler(request);
        else if (options.fallback) response = await options.fallback(request);
        else response = new Response('Not found', { status: 404 });
      } catch (error) {
        console.error('[calls-elements/server] request failed:', error);
        response = Response.json(
          { errorCode: 'internal_error', errorDescription: 'The server failed.' },
          { status: 500 },
        );
      }
      await writeResponse(response, outgoing);
    })().catch((error: unknown) => {
      console.error('[calls-elements/server] writing a response failed:', error);
      outgoing.destroy();
    });
  });

  server.on('upgrade', (incoming: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const request = toRequest(incoming, host);
    if (!isOurs(new URL(request.url).pathname)) {
      writeRawResponse(socket, 404, 'Not found');
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
        if (!accepted) writeRawResponse(socket, response.status, await response.text(), response.headers);
      })
      .catch((error: unknown) => {
        console.error('[calls-elements/server] upgrade failed:', error);
        if (!accepted) writeRawResponse(socket, 500, '{"errorCode":"internal_error"}');
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

function wrapSocket(ws: WebSocket): AcceptedSocket {
  return {
    socket: {
      send: (text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      },
      close: (code, reason) => ws.close(code, reason),
    },
    listen(events) {
      ws.on('message', (data: RawData, isBinary: boolean) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        events.message(isBinary ? null : bytes.toString('utf8'), bytes.byteLength);
      });
      ws.on('close', (code: number) => events.closed(code));
      // Errors (bad frames, oversize) are followed by a close event; nothing more to do.
      ws.on('error', () => {});
    },
  };
}

function toRequest(incoming: IncomingMessage, fallbackHost: string): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string);
  }
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? fallbackHost}`);
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && !incoming.headers.upgrade;
  return new Request(url, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    // Required by undici for a streamed request body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
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
