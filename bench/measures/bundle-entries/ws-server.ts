// Baseline: the WebSocket server a hand-written Node presence backend starts from.
export { WebSocketServer } from 'ws';
