// How the Worker talks to a room's Durable Object: plain `fetch` requests to the object's stub. A
// Durable Object cannot be reached from the internet, only through a binding, so what arrives here
// was built by the Worker after it checked origin, subprotocol and `authorize`.
import type { Admission } from '../rooms/admission.js';
import type { SessionAccess } from '../rooms/room-state.js';

/** Carries the handler's decision (room, identity, resume claims) with the upgrade request. */
export const ADMISSION_HEADER = 'X-Calls-Admission';
// Only the path matters to the object; the host is a placeholder no one resolves.
const OBJECT_ORIGIN = 'https://calls-room.internal';
export const ADMIT_PATH = '/admit';
export const QUERY_PATH = '/query';

/** The questions the Calls proxy asks a room (RoomDirectory's methods, minus the room name). */
export type RoomQuery =
  | { op: 'has-participant'; participantId: string }
  | { op: 'reserve-session'; participantId: string }
  | { op: 'claim-session'; participantId: string; sessionId: string }
  | { op: 'session-access'; participantId: string; sessionId: string }
  | { op: 'sessions-outside-room'; sessionIds: string[] };

export interface RoomQueryAnswers {
  'has-participant': boolean;
  'reserve-session': boolean;
  'claim-session': boolean;
  'session-access': SessionAccess;
  'sessions-outside-room': string[];
}

/** The client's upgrade request, readdressed to the room object with the admission attached. */
export function admissionRequest(upgrade: Request, admission: Admission): Request {
  const headers = new Headers(upgrade.headers);
  // `set`, not `append`: a header of the same name sent by the client must never reach the object.
  headers.set(ADMISSION_HEADER, JSON.stringify(admission));
  return new Request(`${OBJECT_ORIGIN}${ADMIT_PATH}`, { method: 'GET', headers });
}

export function readAdmission(request: Request): Admission | null {
  const header = request.headers.get(ADMISSION_HEADER);
  if (header === null) return null;
  try {
    const value = JSON.parse(header) as Partial<Admission> | null;
    if (typeof value?.room !== 'string' || typeof value.identity !== 'object' || value.identity === null) {
      return null;
    }
    return value as Admission;
  } catch {
    return null;
  }
}

export function queryRequest(query: RoomQuery): Request {
  return new Request(`${OBJECT_ORIGIN}${QUERY_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(query),
  });
}

export async function readQuery(request: Request): Promise<RoomQuery | null> {
  let value: unknown;
  try {
    value = await request.json();
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const query = value as Record<string, unknown>;
  const isString = (key: string) => typeof query[key] === 'string';
  switch (query.op) {
    case 'has-participant':
    case 'reserve-session':
      return isString('participantId') ? (query as RoomQuery) : null;
    case 'claim-session':
    case 'session-access':
      return isString('participantId') && isString('sessionId') ? (query as RoomQuery) : null;
    case 'sessions-outside-room':
      return Array.isArray(query.sessionIds) && query.sessionIds.every((id) => typeof id === 'string')
        ? (query as RoomQuery)
        : null;
    default:
      return null;
  }
}

/** A room object failed to answer; the handler turns this into a 500 `internal_error`. */
export class RoomObjectError extends Error {
  override readonly name = 'RoomObjectError';
  constructor(
    readonly room: string,
    readonly status: number,
    detail: string,
  ) {
    super(`room object "${room}" answered ${status}: ${detail}`);
  }
}
