import type { ClientMessage, ParticipantPatch, ServerMessage, TrackRef } from './protocol.js';

/** What this browser publishes about itself in its participant record. */
export interface SelfRecord {
  sessionId: string | null;
  audio: TrackRef | null;
  video: TrackRef | null;
  screenshare: TrackRef | null;
  screenshareAudio: TrackRef | null;
  audioEnabled: boolean;
  videoEnabled: boolean;
  screenshareEnabled: boolean;
  speaking: boolean;
}

/**
 * The patch that brings `known` (what the backend holds) to `local`. Session, camera and microphone
 * refs are only ever set, never cleared: while media restarts they are briefly null, and telling the
 * room "no video" for that second would make everyone drop and re-pull. The screen's slots do go back
 * to null: they exist only while sharing.
 */
export function patchBetween(local: SelfRecord, known: SelfRecord | undefined): ParticipantPatch {
  const patch: ParticipantPatch = {};
  if (local.sessionId !== null && local.sessionId !== known?.sessionId) patch.sessionId = local.sessionId;
  const tracks: ParticipantPatch['tracks'] = {};
  if (local.audio && !sameRef(local.audio, known?.audio)) tracks.audio = local.audio;
  if (local.video && !sameRef(local.video, known?.video)) tracks.video = local.video;
  if (!sameRef(local.screenshare, known?.screenshare)) tracks.screenshare = local.screenshare;
  if (!sameRef(local.screenshareAudio, known?.screenshareAudio))
    tracks.screenshareAudio = local.screenshareAudio;
  if (Object.keys(tracks).length > 0) patch.tracks = tracks;
  if (local.audioEnabled !== known?.audioEnabled) patch.audioEnabled = local.audioEnabled;
  if (local.videoEnabled !== known?.videoEnabled) patch.videoEnabled = local.videoEnabled;
  if (local.screenshareEnabled !== (known?.screenshareEnabled ?? false))
    patch.screenshareEnabled = local.screenshareEnabled;
  if (local.speaking !== (known?.speaking ?? false)) patch.speaking = local.speaking;
  return patch;
}

function sameRef(a: TrackRef | null | undefined, b: TrackRef | null | undefined): boolean {
  return a?.sessionId === b?.sessionId && a?.trackName === b?.trackName;
}

/**
 * Keeps the backend's record of us in step with the local one. A change counts as delivered only
 * when the backend acknowledges it: a patch written to a socket may still be refused (a session the
 * new connection does not own yet), and counting it as sent left the backend believing the camera
 * was off, so nobody pulled it. One update is in flight at a time; whatever changed meanwhile goes
 * in the next one.
 */
export class SelfSync {
  readonly #send: (message: ClientMessage) => boolean;
  readonly #local: () => SelfRecord;
  #known: SelfRecord | undefined;
  #inFlight: { id: string; record: SelfRecord } | undefined;
  /** A patch the backend refused, not sent again until the local record changes. */
  #refused: string | undefined;
  #counter = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(send: (message: ClientMessage) => boolean, local: () => SelfRecord) {
    this.#send = send;
    this.#local = local;
  }

  /** A new connection: the backend now holds `serverSelf` (resumed) or nothing we sent (fresh). */
  reset(serverSelf: SelfRecord | undefined): void {
    this.#known = serverSelf;
    this.#inFlight = undefined;
    this.#refused = undefined;
    clearTimeout(this.#retryTimer);
  }

  /** Stops a pending resend (the room left). */
  dispose(): void {
    clearTimeout(this.#retryTimer);
  }

  /** Sends what the backend does not have yet, unless an update is already on its way. */
  flush(): void {
    if (this.#inFlight) return;
    const local = { ...this.#local() };
    const patch = patchBetween(local, this.#known);
    if (Object.keys(patch).length === 0) return;
    const text = JSON.stringify(patch);
    if (text === this.#refused) return;
    this.#counter += 1;
    const id = `self-${this.#counter}`;
    if (this.#send({ type: 'update', id, patch })) this.#inFlight = { id, record: local };
  }

  /**
   * Reads the backend's answer to our update. Returns true when `message` answered it (an `error`
   * then is a refusal the caller should report).
   */
  onMessage(message: ServerMessage): boolean {
    const inFlight = this.#inFlight;
    if (inFlight && message.type === 'error' && message.code === 'rate_limited' && message.id === undefined) {
      // The backend dropped messages without answering them, ours perhaps among them: send again
      // once it accepts messages again.
      this.#inFlight = undefined;
      clearTimeout(this.#retryTimer);
      this.#retryTimer = setTimeout(() => this.flush(), message.retryAfterMs ?? 1000);
      return false;
    }
    if (!inFlight || !('id' in message) || message.id !== inFlight.id) return false;
    this.#inFlight = undefined;
    if (message.type === 'ack') {
      this.#known = inFlight.record;
      this.#refused = undefined;
    } else if (message.type === 'error') {
      this.#refused = JSON.stringify(patchBetween(inFlight.record, this.#known));
    }
    this.flush();
    return true;
  }
}
