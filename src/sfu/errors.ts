/**
 * The Calls error model: every failure the API reports has an `errorCode` and an HTTP status,
 * and travels as `{errorCode, errorDescription}` — at top level, or per item inside
 * `tracks[]` / `dataChannels[]` of an HTTP 200 answer.
 */
export type CallsErrorCode =
  | 'unauthorized'
  | 'not_found'
  | 'decoding_error'
  | 'invalid_params'
  | 'payload_too_large'
  | 'session_error'
  | 'invalid_session_description'
  | 'not_found_track_error'
  | 'empty_track_error'
  | 'update_track_error'
  | 'close_track_error'
  | 'method_not_allowed'
  | 'too_many_requests'
  | 'internal_error';

export interface CallsErrorBody {
  errorCode: CallsErrorCode;
  errorDescription: string;
}

export class CallsError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: CallsErrorCode,
    description: string,
  ) {
    super(description);
    this.name = 'CallsError';
  }

  toJSON(): CallsErrorBody {
    return { errorCode: this.errorCode, errorDescription: this.message };
  }
}

export const unauthorized = () =>
  new CallsError(401, 'unauthorized', 'Authentication failed: bad or missing app secret');
export const appNotFound = (appId: string) => new CallsError(404, 'not_found', `App ${appId} not found`);
export const routeNotFound = (path: string) => new CallsError(404, 'not_found', `No such endpoint: ${path}`);
export const methodNotAllowed = (method: string, path: string) =>
  new CallsError(405, 'method_not_allowed', `${method} is not allowed on ${path}`);
export const decodingError = (detail: string) =>
  new CallsError(400, 'decoding_error', `Could not decode request body: ${detail}`);
export const invalidParams = (detail: string) => new CallsError(406, 'invalid_params', detail);
export const payloadTooLarge = (limit: number) =>
  new CallsError(413, 'payload_too_large', `Request body is larger than ${limit} bytes`);
export const sessionGone = (sessionId: string) =>
  new CallsError(410, 'session_error', `Session ${sessionId} does not exist or has expired`);
export const sessionNotConnected = (sessionId: string) =>
  new CallsError(425, 'session_error', `Session ${sessionId} is not connected yet`);
export const invalidDescription = (detail: string) =>
  new CallsError(400, 'invalid_session_description', detail);
export const negotiationInProgress = (sessionId: string) =>
  new CallsError(
    406,
    'invalid_params',
    `Session ${sessionId} has a negotiation in progress; try again after it completes`,
  );
export const tooManyRequests = (sessionId: string) =>
  new CallsError(429, 'too_many_requests', `Session ${sessionId} exceeded its request rate`);

/** Per-item error attached to one element of `tracks[]` or `dataChannels[]`. */
export const itemError = (errorCode: CallsErrorCode, errorDescription: string): CallsErrorBody => ({
  errorCode,
  errorDescription,
});

export function toCallsError(error: unknown): CallsError {
  if (error instanceof CallsError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CallsError(500, 'internal_error', `Internal error: ${message}`);
}
