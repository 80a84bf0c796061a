import { PRESENCE_SUBPROTOCOL } from '../auth/websocket-handshake.js';
import type { BackendHttpErrorCode } from '../http/errors.js';
import { callsErrorResponse } from '../http/errors.js';
import type { PresenceErrorCode, ServerMessage } from './protocol.js';
import type { RuntimeContext } from './runtime-context.js';
import { upgradedResponse } from './runtime-context.js';

/**
 * Refuses a join in a way a browser can read: a refused handshake only shows up as close code 1006
 * with no reason, so the socket is accepted, told the `error`, and closed with a 44xx/45xx code.
 * Without a runtime that can accept sockets, it falls back to a plain HTTP error.
 */
export async function refuseUpgrade(
  runtime: RuntimeContext | undefined,
  refusal: {
    httpStatus: number;
    code: PresenceErrorCode & BackendHttpErrorCode;
    message: string;
    closeCode: number;
  },
): Promise<Response> {
  const { httpStatus, code, message, closeCode } = refusal;
  if (!runtime?.acceptWebSocket) return callsErrorResponse(httpStatus, code, message);
  const accepted = await runtime.acceptWebSocket(PRESENCE_SUBPROTOCOL);
  accepted.listen({ message: () => {}, closed: () => {} });
  const error: ServerMessage = { type: 'error', code, message };
  accepted.socket.send(JSON.stringify(error));
  // Close reasons are limited to 123 bytes; the code is the short, stable part.
  accepted.socket.close(closeCode, code);
  return upgradedResponse(accepted);
}
