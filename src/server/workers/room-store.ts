import type { SeatSnapshot } from '../rooms/room-snapshot.js';
import type { RoomState } from '../rooms/room-state.js';
import type { RoomStorage } from './runtime-types.js';

const META_KEY = 'room';
const SEAT_PREFIX = 'seat:';
// Durable Object storage takes at most 128 keys per put or delete.
const MAX_KEYS_PER_CALL = 128;

interface RoomMeta {
  name: string;
}

/**
 * A room's seats in Durable Object storage, one key per seat, so a change writes only the seats it
 * touched and a big room never hits the per-value size limit. Also keeps the room's alarm at its next
 * deadline. Connection state is not here: it travels with each socket (see room-object.ts).
 */
export class RoomStore {
  readonly #storage: RoomStorage;
  /** participant id → revision of the seat as stored. */
  readonly #stored = new Map<string, number>();
  #storedRevision = -1;
  #hasMeta = false;
  #alarmAt: number | null = null;

  constructor(storage: RoomStorage) {
    this.#storage = storage;
  }

  /** What an earlier incarnation of this object saved, or null for a room with no one in it. */
  async load(): Promise<{ name: string; seats: SeatSnapshot[] } | null> {
    this.#alarmAt = await this.#storage.getAlarm();
    const meta = await this.#storage.get<RoomMeta>(META_KEY);
    if (!meta) return null;
    this.#hasMeta = true;
    const seats = [...(await this.#storage.list<SeatSnapshot>({ prefix: SEAT_PREFIX })).values()];
    for (const seat of seats) this.#stored.set(seat.record.id, seat.revision);
    return { name: meta.name, seats };
  }

  /** Writes the seats that changed since the last save and pulls the alarm forward when needed. */
  async save(room: RoomState): Promise<void> {
    if (room.revision !== this.#storedRevision) {
      const seats = room.seatSnapshots();
      const puts: Array<[string, unknown]> = [];
      if (!this.#hasMeta) puts.push([META_KEY, { name: room.name } satisfies RoomMeta]);
      for (const seat of seats) {
        if (this.#stored.get(seat.record.id) !== seat.revision)
          puts.push([SEAT_PREFIX + seat.record.id, seat]);
      }
      const present = new Set(seats.map((seat) => seat.record.id));
      const gone = [...this.#stored.keys()].filter((id) => !present.has(id));
      for (const chunk of chunks(puts)) await this.#storage.put(Object.fromEntries(chunk));
      for (const chunk of chunks(gone)) await this.#storage.delete(chunk.map((id) => SEAT_PREFIX + id));
      this.#hasMeta = true;
      for (const id of gone) this.#stored.delete(id);
      for (const seat of seats) this.#stored.set(seat.record.id, seat.revision);
      this.#storedRevision = room.revision;
    }
    // An alarm that fires early finds nothing to do and is set again, so it only ever moves earlier
    // here: pings, which push heartbeat deadlines later, cost no storage write.
    const deadline = room.nextDeadline();
    if (deadline !== null && (this.#alarmAt === null || deadline < this.#alarmAt)) {
      await this.#storage.setAlarm(deadline);
      this.#alarmAt = deadline;
    }
  }

  alarmFired(): void {
    this.#alarmAt = null;
  }

  /** Forgets the room entirely: an empty room costs no storage. */
  async clear(): Promise<void> {
    if (!this.#hasMeta && this.#stored.size === 0 && this.#alarmAt === null) return;
    await this.#storage.deleteAll();
    await this.#storage.deleteAlarm();
    this.#stored.clear();
    this.#storedRevision = -1;
    this.#hasMeta = false;
    this.#alarmAt = null;
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_KEYS_PER_CALL)
    result.push(items.slice(i, i + MAX_KEYS_PER_CALL));
  return result;
}
