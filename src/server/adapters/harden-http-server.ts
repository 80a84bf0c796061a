import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** A client gets this long to send its request head, and this long for the whole request. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Hardens a Node HTTP server against what never reaches its request listener: requests the parser
 * refuses and `CONNECT` (which Node would drop without a word) are answered as Calls-style JSON, and
 * a client that trickles its request (slowloris) is cut off after bounded time instead of Node's
 * default five minutes.
 */
export function hardenHttpServer(server: Server): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on('clientError', answerClientError);
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    writeJsonAndClose(socket, 405, 'Method Not Allowed', 'method_not_allowed', 'CONNECT is not served here');
  });
}

/**
 * Answers what Node's HTTP parser itself refuses (a broken request line, bad header bytes, headers
 * too large) the way every other error is answered, as Calls-style JSON, then closes.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  writeJsonAndClose(
    socket,
    status,
    tooLarge ? 'Request Header Fields Too Large' : 'Bad Request',
    'decoding_error',
    tooLarge ? 'Request headers are too large' : 'Malformed HTTP request',
  );
}

function writeJsonAndClose(
  socket: Duplex,
  status: number,
  statusText: string,
  errorCode: string,
  errorDescription: string,
): void {
  const json = JSON.stringify({ errorCode, errorDescription });
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(json)}\r\nconnection: close\r\n\r\n${json}`,
  );
}
