import type { PeerSocket, PeerSocketEvents } from './peer-socket.js';

/** A WebSocket the runtime has accepted (handshake done, 101 sent or about to be). */
export interface AcceptedSocket {
  socket: PeerSocket;
  /** Routes the socket's frames and its close to the room. Call once. */
  listen(events: PeerSocketEvents): void;
  /**
   * The upgrade response the runtime wants returned (Deno, Workers' WebSocketPair); absent when the
   * runtime already answered the handshake itself (Node's `ws`).
   */
  response?: Response;
}

/**
 * What the runtime adapter passes with each request: the one thing a Web-standard `Request` cannot
 * do, finishing a WebSocket handshake. `acceptWebSocket` answers with the given subprotocol.
 */
export interface RuntimeContext {
  acceptWebSocket?: (protocol: string) => Promise<AcceptedSocket>;
}

/** What a handler returns when the adapter already wrote the 101 answer itself. */
export function upgradedResponse(accepted: AcceptedSocket): Response {
  return accepted.response ?? new Response(null, { status: 200, headers: { 'X-Calls-Upgraded': '1' } });
}
