import { callsErrorResponse } from './errors.js';

/** Either the decoded JSON body, or the error response to send instead. */
export type JsonBodyResult = { ok: true; value: unknown; text: string } | { ok: false; response: Response };

/**
 * Reads a request body as JSON without ever buffering more than `maxBytes`: a client announcing or
 * streaming a huge body is cut off early instead of costing memory. An empty body reads as `undefined`,
 * because the Calls API accepts `sessions/new` without one. The content type is not checked:
 * partytracks sends JSON as `text/plain`.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBodyResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    return tooLarge(maxBytes);
  }
  if (!request.body) return { ok: true, value: undefined, text: '' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      response: callsErrorResponse(400, 'decoding_error', 'Request body is not valid UTF-8.'),
    };
  }
  if (text.trim() === '') return { ok: true, value: undefined, text: '' };
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    return {
      ok: false,
      response: callsErrorResponse(400, 'decoding_error', 'Request body is not valid JSON.'),
    };
  }
}

function tooLarge(maxBytes: number): JsonBodyResult {
  return {
    ok: false,
    response: callsErrorResponse(413, 'payload_too_large', `Request body exceeds ${maxBytes} bytes.`),
  };
}
