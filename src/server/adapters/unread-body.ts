import type { IncomingMessage } from 'node:http';

/** Most of a refused body read and thrown away so the connection can carry the next request. */
export const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;
/** Longest wait for the rest of a refused body before the connection is given up. */
export const DISCARD_LIMIT_MS = 2000;

/**
 * Reads and drops whatever of `request`'s body is still unread, within bounds. A server that answers
 * an oversized or unwanted body and closes while the client is still sending makes TCP reset the
 * connection, and the client may never read the answer; one that neither reads nor closes leaves a
 * keep-alive connection stuck behind the unread bytes. Resolves true when the body ended (the
 * connection can be reused), false when it is too big, too slow or broken (answer with
 * `Connection: close`, then let the socket go).
 */
export function discardUnreadBody(
  request: IncomingMessage,
  maxBytes = DISCARD_LIMIT_BYTES,
  maxMs = DISCARD_LIMIT_MS,
): Promise<boolean> {
  if (request.complete) return Promise.resolve(true);
  if (request.destroyed) return Promise.resolve(false);
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > maxBytes) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (reusable: boolean) => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('close', onClose);
      resolve(reusable);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(request.complete);
    const timer = setTimeout(() => finish(false), maxMs);
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('close', onClose);
    request.resume();
  });
}
