/**
 * Every failure the room model reports is a `CallsError` with a stable `code`, so a host app can
 * branch on it (and translate it) without parsing messages.
 */
export type CallsErrorCode =
  /** Bad options given to the room or an element (missing endpoint, invalid room name…). */
  | 'invalid_options'
  /** The backend could not be reached, or closed the connection before it said welcome. */
  | 'backend_unreachable'
  /** The connection was lost and every reconnect attempt failed. */
  | 'connection_lost'
  /** The backend's `authorize` hook refused the token (or the token was missing). */
  | 'unauthorized'
  /** The backend knows who you are but does not let you in. */
  | 'forbidden'
  /** The backend does not accept this page's origin; its `cors.allowedOrigins` must list it. */
  | 'origin_not_allowed'
  | 'room_full'
  | 'server_full'
  | 'invalid_room'
  /** A moderator removed you from the room. */
  | 'removed'
  /** The same participant resumed in another tab or window. */
  | 'replaced'
  /** `getToken()` threw or returned something that is not a string. */
  | 'token_failed'
  | 'camera_denied'
  | 'microphone_denied'
  | 'camera_unavailable'
  | 'microphone_unavailable'
  /** The Calls session (WebRTC connection through the backend) failed. */
  | 'media_failed'
  /** The backend refused a presence message; `detail` carries its own code. */
  | 'protocol_error'
  /** The browser refused to play remote audio until the person interacts with the page. */
  | 'autoplay_blocked'
  /**
   * A chat message, reaction, hand or moderation request was refused (by the backend, or by a check
   * before sending); `detail` says why: `rate_limited`, `forbidden`, `message_too_large`,
   * `invalid_message`, `participant_not_found`, `not_connected`…
   */
  | 'message_refused'
  /** Screen capture failed (not when the person cancels the picker), or sharing was asked for outside a call. */
  | 'screen_share_failed'
  /** A device was selected by an id the browser does not list (unplugged, or from another origin). */
  | 'device_not_found'
  /** The browser cannot play the call through the chosen speaker (or cannot choose speakers at all). */
  | 'speaker_unavailable';

export class CallsError extends Error {
  override readonly name = 'CallsError';
  readonly code: CallsErrorCode;
  /** Extra machine-readable context: the backend's own error code, a close code… */
  readonly detail: string | undefined;

  constructor(code: CallsErrorCode, message: string, options: { cause?: unknown; detail?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.detail = options.detail;
  }
}

/** True for codes after which the room cannot continue without a new `join()`. */
export function isFatal(code: CallsErrorCode): boolean {
  return (
    code === 'backend_unreachable' ||
    code === 'connection_lost' ||
    code === 'unauthorized' ||
    code === 'forbidden' ||
    code === 'origin_not_allowed' ||
    code === 'room_full' ||
    code === 'server_full' ||
    code === 'invalid_room' ||
    code === 'removed' ||
    code === 'replaced' ||
    code === 'token_failed' ||
    code === 'invalid_options'
  );
}

/** Maps a getUserMedia failure to the code a person can act on. */
export function deviceError(kind: 'camera' | 'microphone', error: unknown): CallsError {
  const name = error instanceof Error ? error.name : '';
  const denied = name === 'NotAllowedError' || name === 'SecurityError';
  const code: CallsErrorCode = denied ? `${kind}_denied` : `${kind}_unavailable`;
  const message = denied
    ? `Permission to use the ${kind} was denied.`
    : `No working ${kind} was found${error instanceof Error && error.message ? `: ${error.message}` : '.'}`;
  return new CallsError(code, message, { cause: error, detail: name || undefined });
}
