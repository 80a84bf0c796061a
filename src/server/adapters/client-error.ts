import type { Duplex } from 'node:stream';

/**
 * Answers what Node's HTTP parser itself refuses (a broken request line, bad header bytes, headers
 * too large) the way every other error is answered, as Calls-style JSON, then closes.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const json = JSON.stringify({
    errorCode: 'decoding_error',
    errorDescription: tooLarge ? 'Request headers are too large' : 'Malformed HTTP request',
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(json)}\r\n` +
      `connection: close\r\n\r\n${json}`,
  );
}
