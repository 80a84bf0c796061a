/**
 * Turns untrusted JSON bodies into typed requests. Unknown keys are ignored (the real service does
 * the same); a wrong type or an impossible combination is `invalid_params` (406).
 */
import type {
  CloseTracksRequest,
  DataChannelRequest,
  NewTracksRequest,
  SessionDescriptionBody,
  SimulcastPreference,
  TrackRequest,
  UpdateTracksRequest,
} from './api-types.js';
import { decodingError, invalidDescription, invalidParams } from './errors.js';

/** Most tracks one request may name, as on the real service. */
export const MAX_TRACKS_PER_REQUEST = 64;
/**
 * Most m-sections one session description may carry. werift's work and memory grow with each
 * (hundreds of m-sections held the event loop for seconds and tens of MiB per session), and a
 * session that keeps every track it ever pulled still stays well inside this.
 */
export const MAX_MEDIA_SECTIONS = 128;
/** Largest SDP accepted, in bytes: 128 m-sections of Chromium video fit with room to spare. */
export const MAX_SDP_BYTES = 256 * 1024;
const SESSION_ID = /^[0-9a-f]{32}$/;

type Json = Record<string, unknown>;

/** Parses a raw body. Empty means `{}`; anything but a JSON object is a decoding error. */
export function parseJsonBody(raw: string): Json {
  if (raw.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw decodingError((error as Error).message);
  }
  if (!isObject(value)) throw decodingError('expected a JSON object');
  return value;
}

export function isSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}

export function parseSessionDescription(
  value: unknown,
  expected?: 'offer' | 'answer',
): SessionDescriptionBody | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalidParams('sessionDescription must be an object');
  const { type, sdp } = value;
  if (type !== 'offer' && type !== 'answer')
    throw invalidParams('sessionDescription.type must be "offer" or "answer"');
  if (typeof sdp !== 'string' || sdp.trim() === '')
    throw invalidParams('sessionDescription.sdp must be a non-empty string');
  if (expected && type !== expected) throw invalidParams(`sessionDescription must be an ${expected}`);
  checkDescriptionLimits(sdp);
  return { type, sdp };
}

/**
 * Refuses, before werift sees it, an SDP that is not one or that would cost more than any real
 * client needs: werift waits forever on a description with no m-section to gather candidates for,
 * and its cost grows with every m-section.
 */
export function checkDescriptionLimits(sdp: string): void {
  if (sdp.length > MAX_SDP_BYTES || Buffer.byteLength(sdp) > MAX_SDP_BYTES) {
    throw invalidDescription(`sessionDescription.sdp is larger than ${MAX_SDP_BYTES} bytes`);
  }
  if (!/^v=0\r?\n/.test(sdp)) throw invalidDescription('sessionDescription.sdp must start with "v=0"');
  const mediaSections = sdp.match(/^m=/gm)?.length ?? 0;
  if (mediaSections === 0) throw invalidDescription('sessionDescription.sdp has no m-section');
  if (mediaSections > MAX_MEDIA_SECTIONS) {
    throw invalidDescription(
      `sessionDescription.sdp has ${mediaSections} m-sections; at most ${MAX_MEDIA_SECTIONS} are accepted`,
    );
  }
}

export function parseNewTracks(body: Json): NewTracksRequest {
  const sessionDescription = parseSessionDescription(body.sessionDescription, 'offer');
  const autoDiscover = optionalBoolean(body.autoDiscover, 'autoDiscover') ?? false;
  const tracks = body.tracks === undefined && autoDiscover ? [] : trackList(body.tracks, 'tracks');
  const parsed = tracks.map((track, index) => parseTrack(track, index));
  const locations = new Set(parsed.map((track) => track.location));
  if (locations.size > 1) throw invalidParams('tracks must be all local or all remote in one request');
  if (autoDiscover && !sessionDescription)
    throw invalidParams('autoDiscover needs a sessionDescription offer');
  if (autoDiscover && locations.has('remote'))
    throw invalidParams('autoDiscover applies to local tracks only');
  if (!autoDiscover && parsed.length === 0) throw invalidParams('tracks must name at least one track');
  for (const track of parsed) {
    if (track.location === 'local' && !sessionDescription && !track.kind) {
      throw invalidParams('a local track needs a sessionDescription offer or a kind');
    }
  }
  return { sessionDescription, tracks: parsed, autoDiscover };
}

function parseTrack(value: unknown, index: number): TrackRequest {
  const where = `tracks[${index}]`;
  if (!isObject(value)) throw invalidParams(`${where} must be an object`);
  const location = value.location;
  if (location !== 'local' && location !== 'remote')
    throw invalidParams(`${where}.location must be "local" or "remote"`);
  const track: TrackRequest = {
    location,
    trackName: optionalString(value.trackName, `${where}.trackName`),
    mid: optionalString(value.mid, `${where}.mid`),
    sessionId: optionalString(value.sessionId, `${where}.sessionId`),
    kind: optionalKind(value.kind, `${where}.kind`),
    bidirectionalMediaStream: optionalBoolean(
      value.bidirectionalMediaStream,
      `${where}.bidirectionalMediaStream`,
    ),
    simulcast: parseSimulcast(value.simulcast, `${where}.simulcast`),
  };
  if (location === 'remote') {
    if (!track.trackName) throw invalidParams(`${where}.trackName is required for a remote track`);
    if (!track.sessionId) throw invalidParams(`${where}.sessionId is required for a remote track`);
  } else if (!track.trackName && !track.mid) {
    throw invalidParams(`${where} needs a trackName or a mid`);
  }
  return track;
}

export function parseCloseTracks(body: Json): CloseTracksRequest {
  const tracks = trackList(body.tracks, 'tracks').map((item, index) => ({ mid: requiredMid(item, index) }));
  if (tracks.length === 0) throw invalidParams('tracks must name at least one track');
  const force = optionalBoolean(body.force, 'force') ?? false;
  const sessionDescription = parseSessionDescription(body.sessionDescription, 'offer');
  if (!force && !sessionDescription)
    throw invalidParams('closing without force needs a sessionDescription offer');
  return { tracks, force, sessionDescription };
}

export function parseUpdateTracks(body: Json): UpdateTracksRequest {
  const tracks = trackList(body.tracks, 'tracks').map((item, index) => {
    const mid = requiredMid(item, index);
    const simulcast = parseSimulcast((item as Json).simulcast, `tracks[${index}].simulcast`) ?? {};
    return { mid, simulcast };
  });
  if (tracks.length === 0) throw invalidParams('tracks must name at least one track');
  return { tracks, sessionDescription: parseSessionDescription(body.sessionDescription, 'offer') };
}

/**
 * `PUT renegotiate` carries the client's answer to the SFU's last offer, or a client offer on a
 * stable session (an ICE restart: new credentials, the same tracks), which the SFU answers.
 */
export function parseRenegotiate(body: Json): SessionDescriptionBody {
  const description = parseSessionDescription(body.sessionDescription);
  if (!description) throw invalidParams('sessionDescription (an answer, or an offer) is required');
  return description;
}

export function parseDataChannels(body: Json): DataChannelRequest[] {
  if (!Array.isArray(body.dataChannels) || body.dataChannels.length === 0) {
    throw invalidParams('dataChannels must be a non-empty array');
  }
  if (body.dataChannels.length > MAX_TRACKS_PER_REQUEST) {
    throw invalidParams(`at most ${MAX_TRACKS_PER_REQUEST} data channels per request`);
  }
  return body.dataChannels.map((value, index) => parseDataChannel(value, `dataChannels[${index}]`));
}

function parseDataChannel(value: unknown, where: string): DataChannelRequest {
  if (!isObject(value)) throw invalidParams(`${where} must be an object`);
  const { location } = value;
  if (location !== 'local' && location !== 'remote')
    throw invalidParams(`${where}.location must be "local" or "remote"`);
  const dataChannelName = optionalString(value.dataChannelName, `${where}.dataChannelName`);
  if (!dataChannelName) throw invalidParams(`${where}.dataChannelName is required`);
  const channel: DataChannelRequest = {
    location,
    dataChannelName,
    sessionId: optionalString(value.sessionId, `${where}.sessionId`),
    ordered: optionalBoolean(value.ordered, `${where}.ordered`),
    maxRetransmits: optionalCount(value.maxRetransmits, `${where}.maxRetransmits`),
    maxPacketLifeTime: optionalCount(value.maxPacketLifeTime, `${where}.maxPacketLifeTime`),
    waitForAck: optionalBoolean(value.waitForAck, `${where}.waitForAck`),
    canReply: optionalBoolean(value.canReply, `${where}.canReply`),
  };
  if (channel.maxRetransmits !== undefined && channel.maxPacketLifeTime !== undefined) {
    throw invalidParams(`${where} may set maxRetransmits or maxPacketLifeTime, not both`);
  }
  if (location === 'remote' && !channel.sessionId)
    throw invalidParams(`${where}.sessionId is required for a remote channel`);
  // A publisher already sends on its own channel; only a subscriber can be granted the way back.
  // (`waitForAck` on a local channel is ignored, as Cloudflare documents.)
  if (location === 'local' && channel.canReply)
    throw invalidParams(`${where}.canReply applies to remote channels only`);
  return channel;
}

/** `datachannels/establish` names the server's channel; "server-events" when the body names none. */
export function parseEstablishedChannelName(body: Json): string {
  if (body.dataChannel === undefined) return 'server-events';
  if (!isObject(body.dataChannel)) throw invalidParams('dataChannel must be an object');
  return optionalString(body.dataChannel.dataChannelName, 'dataChannel.dataChannelName') ?? 'server-events';
}

export function parseDataChannelIds(body: Json): number[] {
  if (!Array.isArray(body.dataChannels) || body.dataChannels.length === 0) {
    throw invalidParams('dataChannels must be a non-empty array');
  }
  return body.dataChannels.map((value, index) => {
    const id = isObject(value) ? value.id : undefined;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0)
      throw invalidParams(`dataChannels[${index}].id must be a channel id`);
    return id;
  });
}

function parseSimulcast(value: unknown, where: string): SimulcastPreference | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalidParams(`${where} must be an object`);
  // Both spellings of the fallback: today's `ridUnavailableStrategy` and the older `ridNotAvailable`.
  const preference: SimulcastPreference = {
    preferredRid: optionalString(value.preferredRid, `${where}.preferredRid`),
    priorityOrdering: optionalOrdering(value.priorityOrdering, `${where}.priorityOrdering`),
    ridNotAvailable: optionalOrdering(value.ridNotAvailable, `${where}.ridNotAvailable`),
    ridUnavailableStrategy: optionalStrategy(value.ridUnavailableStrategy, `${where}.ridUnavailableStrategy`),
  };
  // Only what the client said: an update that names just `preferredRid` keeps the other settings.
  for (const key of Object.keys(preference) as (keyof SimulcastPreference)[]) {
    if (preference[key] === undefined) delete preference[key];
  }
  return preference;
}

function trackList(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw invalidParams(`${where} must be an array`);
  if (value.length > MAX_TRACKS_PER_REQUEST)
    throw invalidParams(`at most ${MAX_TRACKS_PER_REQUEST} tracks per request`);
  return value;
}

function requiredMid(value: unknown, index: number): string {
  const mid = isObject(value) ? value.mid : undefined;
  if (typeof mid !== 'string' || mid === '') throw invalidParams(`tracks[${index}].mid is required`);
  return mid;
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParams(`${where} must be a string`);
  return value;
}

function optionalBoolean(value: unknown, where: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidParams(`${where} must be a boolean`);
  return value;
}

function optionalCount(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw invalidParams(`${where} must be a non-negative integer`);
  return value;
}

function optionalKind(value: unknown, where: string): 'audio' | 'video' | undefined {
  if (value === undefined || value === null) return undefined;
  if (value !== 'audio' && value !== 'video') throw invalidParams(`${where} must be "audio" or "video"`);
  return value;
}

function optionalOrdering(value: unknown, where: string): 'none' | 'asciibetical' | undefined {
  if (value === undefined || value === null) return undefined;
  if (value !== 'none' && value !== 'asciibetical')
    throw invalidParams(`${where} must be "none" or "asciibetical"`);
  return value;
}

function optionalStrategy(value: unknown, where: string): 'none' | 'nextPriority' | undefined {
  if (value === undefined || value === null) return undefined;
  if (value !== 'none' && value !== 'nextPriority')
    throw invalidParams(`${where} must be "none" or "nextPriority"`);
  return value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
