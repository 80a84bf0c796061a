// Many WebSocket clients in many rooms, in the harness process, for the presence measurement.
// Both contenders are driven by the same code; only how to connect, how to send an update and how
// to recognise its broadcast differ (a `Dialect`).
import WebSocket from 'ws';
import { withTimeout } from './timeout.js';

export interface Dialect {
  url(room: string, index: number): string;
  protocols: string[];
  /** Resolves with the client's id once it may send (e.g. after `welcome`). */
  joined(socket: WebSocket): Promise<string>;
  /** `flag` alternates per sender, so every update really changes something worth broadcasting. */
  update(senderId: string, round: number, flag: boolean): string;
  /** Whether `data` is the broadcast of `senderId`'s update of `round`. */
  isBroadcast(data: string, senderId: string, round: number, flag: boolean): boolean;
}

interface Client {
  socket: WebSocket;
  id: string;
  updates: number;
  onText?: (data: string) => void;
}

export class PresenceCrowd {
  readonly rooms: Client[][] = [];

  constructor(private readonly dialect: Dialect) {}

  async connect(roomCount: number, perRoom: number, concurrency = 50): Promise<void> {
    const jobs: { room: number; index: number }[] = [];
    for (let room = 0; room < roomCount; room++) {
      this.rooms.push([]);
      for (let index = 0; index < perRoom; index++) jobs.push({ room, index });
    }
    const work = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        const socket = new WebSocket(
          this.dialect.url(`bench-${job.room}`, job.index),
          this.dialect.protocols,
        );
        socket.on('error', () => {});
        const id = await withTimeout(this.dialect.joined(socket), 15_000, 'a presence client joining');
        const client: Client = { socket, id, updates: 0 };
        socket.on('message', (data) => client.onText?.(data.toString()));
        this.rooms[job.room]!.push(client);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, work));
  }

  /**
   * One round: in every room at once, one member sends an update; each latency is from its send
   * to the moment the last other member of that room has the broadcast.
   */
  async round(round: number): Promise<number[]> {
    const latencies = await Promise.all(
      this.rooms.map((members) => {
        const sender = members[round % members.length]!;
        const others = members.filter((member) => member !== sender);
        const flag = ++sender.updates % 2 === 1;
        let waiting = others.length;
        const started = performance.now();
        const done = new Promise<number>((resolve) => {
          for (const member of others) {
            member.onText = (data) => {
              if (!this.dialect.isBroadcast(data, sender.id, round, flag)) return;
              member.onText = undefined;
              if (--waiting === 0) resolve(performance.now() - started);
            };
          }
        });
        sender.socket.send(this.dialect.update(sender.id, round, flag));
        return withTimeout(done, 10_000, 'a broadcast reaching its room');
      }),
    );
    return latencies;
  }

  async close(): Promise<void> {
    const all = this.rooms.flat();
    await Promise.all(
      all.map(
        (client) =>
          new Promise<void>((resolve) => {
            if (client.socket.readyState === WebSocket.CLOSED) return resolve();
            client.socket.once('close', () => resolve());
            client.socket.close(1000);
            setTimeout(() => {
              client.socket.terminate();
              resolve();
            }, 2000).unref();
          }),
      ),
    );
  }
}
