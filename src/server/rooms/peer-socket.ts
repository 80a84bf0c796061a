/**
 * The little a room needs from an accepted WebSocket. A Node `ws` socket, a Workers `WebSocket` in a
 * Durable Object, or a test double all fit; the room never sees the runtime.
 */
export interface PeerSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** How a runtime reports what happens on a socket it accepted for a room. */
export interface PeerSocketEvents {
  /** `text` is null for a binary frame; `byteLength` is the frame's size either way. */
  message(text: string | null, byteLength: number): void;
  closed(code: number): void;
}
