// The baseline's presence: what someone without calls-elements would write first — a bare `ws`
// server that relays every text message to every other socket in the same room (`/relay/<room>`),
// with no protocol, validation, identity or limits. Used by the baseline join page and as the
// baseline of the presence benchmark.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface RunningRelay {
  url: string;
  clientCount(): number;
  stop(): Promise<void>;
}

export async function startRelay(host = '127.0.0.1'): Promise<RunningRelay> {
  const rooms = new Map<string, Set<WebSocket>>();
  const server = createServer((_request, response) => response.writeHead(404).end());
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket, request) => {
    const room = new URL(request.url ?? '/', 'http://relay.invalid').pathname;
    const members = rooms.get(room) ?? new Set<WebSocket>();
    rooms.set(room, members);
    members.add(socket);
    socket.on('message', (data, isBinary) => {
      for (const member of members)
        if (member !== socket && member.readyState === member.OPEN) member.send(data, { binary: isBinary });
    });
    socket.on('close', () => {
      members.delete(socket);
      if (members.size === 0) rooms.delete(room);
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://${host}:${port}`,
    clientCount: () => sockets.clients.size,
    async stop() {
      for (const socket of sockets.clients) socket.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
