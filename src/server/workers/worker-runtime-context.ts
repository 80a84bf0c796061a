import type { PeerSocket } from '../rooms/peer-socket.js';
import type { AcceptedSocket, RuntimeContext } from '../rooms/runtime-context.js';
import type { WorkersWebSocket } from './runtime-types.js';
import { upgradeResponse, webSocketPair } from './runtime-types.js';

/**
 * What the Worker lends the handler: a WebSocket it can accept on the spot. The handler uses it only
 * to refuse a join readably (bad room name, failed `authorize`), so a browser learns why from the
 * close code; accepted joins are answered by the room's Durable Object instead.
 */
export const workerRuntimeContext: RuntimeContext = {
  async acceptWebSocket(protocol: string): Promise<AcceptedSocket> {
    const { client, server } = webSocketPair();
    server.accept();
    return {
      socket: peerSocket(server),
      listen(events) {
        server.addEventListener('message', ({ data }) => {
          if (typeof data === 'string') events.message(data, new TextEncoder().encode(data).byteLength);
          else events.message(null, data.byteLength);
        });
        server.addEventListener('close', ({ code }) => events.closed(code));
      },
      response: upgradeResponse(client, protocol),
    };
  },
};

/** A Workers WebSocket as the room sees sockets. Sends and closes on a closed socket are no-ops. */
export function peerSocket(socket: WorkersWebSocket): PeerSocket {
  return {
    send(text) {
      socket.send(text);
    },
    close(code, reason) {
      try {
        socket.close(code, reason);
      } catch {
        // Already closed or closing: the room has let go of it either way.
      }
    },
  };
}
