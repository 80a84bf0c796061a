import type { ClientMessage, MuteKind, ParticipantPatch, PresenceError, TrackRef } from './protocol.js';
import { TRACK_SLOTS } from './protocol.js';

export type ValidationResult = { ok: true; message: ClientMessage } | { ok: false; error: PresenceError };

export const MAX_ID_LENGTH = 64;
const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;
// Printable ASCII without spaces: covers UUIDs (partytracks) and the names other clients pick.
const TRACK_NAME = /^[\x21-\x7e]{1,128}$/;
const MUTE_KINDS: readonly MuteKind[] = ['audio', 'video', 'screenshare'];
const PATCH_BOOLEANS = [
  'audioEnabled',
  'videoEnabled',
  'screenshareEnabled',
  'speaking',
  'handRaised',
] as const;

class Invalid extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks a decoded client message against protocol v1. Unknown keys are refused, not ignored: a
 * client that sends something the server does not understand hears about it.
 */
export function validateClientMessage(raw: unknown): ValidationResult {
  if (!isPlainObject(raw)) {
    return fail({ code: 'invalid_message', message: 'A message must be a JSON object.' });
  }
  const id = raw.id;
  if (id !== undefined && (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH)) {
    return fail({
      code: 'invalid_message',
      field: 'id',
      message: `id must be a string of 1–${MAX_ID_LENGTH} characters.`,
    });
  }
  const withId = id === undefined ? {} : { id };
  try {
    switch (raw.type) {
      case 'ping':
      case 'sync':
      case 'leave':
        onlyKeys(raw, ['type', 'id']);
        return { ok: true, message: { type: raw.type, ...withId } };
      case 'update':
        onlyKeys(raw, ['type', 'id', 'patch']);
        return { ok: true, message: { type: 'update', ...withId, patch: validatePatch(raw.patch) } };
      case 'mute': {
        onlyKeys(raw, ['type', 'id', 'participantId', 'kind']);
        const participantId = participantIdField(raw.participantId);
        if (!MUTE_KINDS.includes(raw.kind as MuteKind)) {
          throw new Invalid('kind', `kind must be one of ${MUTE_KINDS.join(', ')}.`);
        }
        return { ok: true, message: { type: 'mute', ...withId, participantId, kind: raw.kind as MuteKind } };
      }
      case 'remove':
      case 'lower-hand':
        onlyKeys(raw, ['type', 'id', 'participantId']);
        return {
          ok: true,
          message: { type: raw.type, ...withId, participantId: participantIdField(raw.participantId) },
        };
      // Revision 2. Content rules (length, emoji set, sanitising) are the room's: see room-people.ts.
      case 'chat': {
        onlyKeys(raw, ['type', 'id', 'text', 'to']);
        const text = stringField(raw.text, 'text');
        if (raw.to === undefined) return { ok: true, message: { type: 'chat', ...withId, text } };
        return { ok: true, message: { type: 'chat', ...withId, text, to: participantIdField(raw.to, 'to') } };
      }
      case 'react':
        onlyKeys(raw, ['type', 'id', 'emoji']);
        return { ok: true, message: { type: 'react', ...withId, emoji: stringField(raw.emoji, 'emoji') } };
      default:
        if (typeof raw.type !== 'string') {
          return fail({
            code: 'invalid_message',
            field: 'type',
            message: 'type must be a string.',
            ...withId,
          });
        }
        return fail({
          code: 'unknown_type',
          field: 'type',
          message: `Unknown message type "${raw.type.slice(0, 32)}".`,
          ...withId,
        });
    }
  } catch (error) {
    if (error instanceof Invalid) {
      return fail({ code: 'invalid_message', field: error.field, message: error.message, ...withId });
    }
    throw error;
  }
}

function validatePatch(raw: unknown): ParticipantPatch {
  if (!isPlainObject(raw)) throw new Invalid('patch', 'patch must be an object.');
  onlyKeys(raw, ['sessionId', 'tracks', ...PATCH_BOOLEANS], 'patch.');
  const patch: ParticipantPatch = {};
  if ('sessionId' in raw) {
    patch.sessionId = raw.sessionId === null ? null : sessionIdField(raw.sessionId, 'patch.sessionId');
  }
  if ('tracks' in raw) {
    const tracks = raw.tracks;
    if (!isPlainObject(tracks)) throw new Invalid('patch.tracks', 'patch.tracks must be an object.');
    onlyKeys(tracks, TRACK_SLOTS, 'patch.tracks.');
    patch.tracks = {};
    for (const slot of TRACK_SLOTS) {
      if (slot in tracks) patch.tracks[slot] = trackRefField(tracks[slot], `patch.tracks.${slot}`);
    }
  }
  for (const key of PATCH_BOOLEANS) {
    if (!(key in raw)) continue;
    if (typeof raw[key] !== 'boolean') throw new Invalid(`patch.${key}`, `patch.${key} must be a boolean.`);
    patch[key] = raw[key];
  }
  if (Object.keys(patch).length === 0) throw new Invalid('patch', 'patch must change at least one field.');
  return patch;
}

function trackRefField(raw: unknown, field: string): TrackRef | null {
  if (raw === null) return null;
  if (!isPlainObject(raw)) throw new Invalid(field, `${field} must be {sessionId, trackName} or null.`);
  onlyKeys(raw, ['sessionId', 'trackName'], `${field}.`);
  const sessionId = sessionIdField(raw.sessionId, `${field}.sessionId`);
  if (typeof raw.trackName !== 'string' || !TRACK_NAME.test(raw.trackName)) {
    throw new Invalid(`${field}.trackName`, `${field}.trackName must be 1–128 printable ASCII characters.`);
  }
  return { sessionId, trackName: raw.trackName };
}

function sessionIdField(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !SESSION_ID.test(raw)) {
    throw new Invalid(field, `${field} must be a Calls session id (1–64 of A–Z a–z 0–9 _ -).`);
  }
  return raw;
}

function stringField(raw: unknown, field: string): string {
  if (typeof raw !== 'string') throw new Invalid(field, `${field} must be a string.`);
  return raw;
}

function participantIdField(raw: unknown, field = 'participantId'): string {
  if (typeof raw !== 'string' || raw === '' || raw.length > MAX_ID_LENGTH) {
    throw new Invalid(field, `${field} must be a string of 1–${MAX_ID_LENGTH} characters.`);
  }
  return raw;
}

function onlyKeys(object: Record<string, unknown>, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key))
      throw new Invalid(`${prefix}${key}`, `Unknown field "${prefix}${key.slice(0, 32)}".`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(error: PresenceError): ValidationResult {
  return { ok: false, error };
}
