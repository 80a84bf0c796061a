// Sends one hostile input and judges the answer by the rules every surface must keep: answered
// within ANSWER_DEADLINE_MS, never a 5xx, and every error a Calls-style `{errorCode, …}` JSON body.
// Each runner returns a problem string, or null when the answer was acceptable.
import net from 'node:net';
import WebSocket from 'ws';

export const ANSWER_DEADLINE_MS = 1000;

export interface HttpProbe {
  label: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Judges a status and body; `null` when fine. */
export function judgeAnswer(status: number, text: string): string | null {
  if (status >= 500) return `HTTP ${status}: ${text.slice(0, 160)}`;
  if (status < 400) return null;
  try {
    const body = JSON.parse(text) as { errorCode?: unknown };
    if (typeof body.errorCode === 'string' && body.errorCode !== '') return null;
  } catch {
    // fall through
  }
  return `HTTP ${status} without a Calls-style JSON error: ${JSON.stringify(text.slice(0, 120))}`;
}

export async function runHttpProbe(probe: HttpProbe): Promise<string | null> {
  try {
    const response = await fetch(probe.url, {
      method: probe.method,
      headers: probe.headers,
      body: probe.body,
      signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
    });
    const text = await response.text();
    // An answer to HEAD has no body by definition; its status is all there is to judge.
    if (probe.method === 'HEAD') return response.status >= 500 ? `HTTP ${response.status}` : null;
    return judgeAnswer(response.status, text);
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError') return `no answer within ${ANSWER_DEADLINE_MS} ms`;
    return `request failed: ${(error as Error).message} ${(error as { cause?: Error }).cause?.message ?? ''}`;
  }
}

/**
 * Writes raw bytes to `port` and reads one HTTP answer. A server that closes without answering
 * fails, as does one that stays silent past the deadline.
 */
export function runRawProbe(port: number, bytes: string | Buffer): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const done = (problem: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(problem);
    };
    const timer = setTimeout(() => done(`no answer within ${ANSWER_DEADLINE_MS} ms`), ANSWER_DEADLINE_MS);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const headEnd = received.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = received.subarray(0, headEnd).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      if (status === 0) return done(`not an HTTP answer: ${head.slice(0, 80)}`);
      const raw = received.subarray(headEnd + 4).toString();
      let body = raw;
      if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
        if (!raw.endsWith('0\r\n\r\n')) return;
        body = dechunk(raw);
      } else if (raw.length < Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0)) return;
      done(judgeAnswer(status, body));
    });
    socket.on('error', (error) => done(`socket error before an answer: ${error.message}`));
    socket.on('close', () => done('closed without an answer'));
    socket.write(bytes);
  });
}

function dechunk(raw: string): string {
  let body = '';
  let rest = raw;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, lineEnd), 16);
    if (!(size > 0)) return body;
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

/**
 * A presence handshake with whatever headers and subprotocols: acceptable answers are a refusal
 * with a JSON error (HTTP, or an `error` message then a 4xxx close) or a `welcome`.
 */
export function runHandshakeProbe(
  url: string,
  protocols: string[],
  headers: Record<string, string> = {},
): Promise<string | null> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, protocols, { headers, handshakeTimeout: ANSWER_DEADLINE_MS });
    } catch {
      // The client library itself refused to send it (e.g. an invalid subprotocol): not an input.
      resolve(null);
      return;
    }
    const done = (problem: string | null) => {
      clearTimeout(timer);
      socket.terminate();
      resolve(problem);
    };
    const timer = setTimeout(() => done(`no answer within ${ANSWER_DEADLINE_MS} ms`), ANSWER_DEADLINE_MS);
    socket.on('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on('end', () => done(judgeAnswer(response.statusCode ?? 0, text)));
    });
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type?: string; code?: unknown };
      if (message.type === 'welcome') done(null);
      else if (message.type === 'error')
        done(typeof message.code === 'string' ? null : 'error without a code');
    });
    socket.on('close', (code) => done(code >= 4000 ? null : `closed ${code} without a reason`));
    socket.on('error', (error) => done(`handshake failed: ${error.message}`));
  });
}

/**
 * A joined presence socket that sends hostile frames, each followed by a `ping` with an id: the
 * frame itself may deserve no answer (an `update` without an id), but the connection must go on
 * answering. Paced to the server's default rate (20 messages/s) so limits do not mask the answers.
 */
export class HostileSocket {
  #messages: Array<Record<string, unknown>> = [];
  #waiters: Array<() => void> = [];
  #pings = 0;
  closed = false;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.#messages.push(JSON.parse(data.toString()) as Record<string, unknown>);
      this.#wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.#wake();
    });
  }

  static async open(url: string): Promise<HostileSocket> {
    const socket = new WebSocket(url, ['calls-presence.v1']);
    const hostile = new HostileSocket(socket);
    await hostile.#until((m) => m.type === 'welcome', 10_000);
    return hostile;
  }

  /** Sends `frame` (text or binary) and a ping; the problem, or null when the pong came in time. */
  async probe(frame: string | Buffer): Promise<string | null> {
    if (this.closed) return 'socket closed before the frame was sent';
    const started = Date.now();
    this.socket.send(frame, { binary: Buffer.isBuffer(frame) });
    const id = `probe-${++this.#pings}`;
    this.socket.send(JSON.stringify({ type: 'ping', id }));
    const pong = await this.#until((m) => m.type === 'pong' && m.id === id, ANSWER_DEADLINE_MS);
    // Keep to 20 messages a second (two per probe).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 110 - (Date.now() - started))));
    if (pong) return null;
    return this.closed ? 'server closed the socket' : `no pong within ${ANSWER_DEADLINE_MS} ms`;
  }

  errors(): Array<Record<string, unknown>> {
    return this.#messages.filter((m) => m.type === 'error');
  }

  close(): void {
    this.socket.close(1000);
  }

  async #until(
    match: (message: Record<string, unknown>) => boolean,
    timeoutMs: number,
  ): Promise<Record<string, unknown> | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.#messages.find(match);
      if (found) return found;
      if (this.closed || Date.now() >= deadline) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}

/**
 * Slow clients (slowloris): connections that send part of a request head and then nothing. They are
 * never answered (there is no request yet); what they test is that everyone else still is.
 */
export function openSlowClients(port: number, count: number): () => void {
  const sockets = Array.from({ length: count }, (_, index) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => {});
    socket.write(`POST /slow-${index} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\nX-Slow: `);
    return socket;
  });
  return () => {
    for (const socket of sockets) socket.destroy();
  };
}

/** Runs `tasks` with at most `parallel` at once, keeping their order in the results. */
export async function inBatches<T>(tasks: Array<() => Promise<T>>, parallel: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, tasks.length) }, worker));
  return results;
}
