// Every HTTP error this backend produces has the shape of a Calls API error, so `partytracks/client`
// (which calls `res.json()` on every response) and host apps can handle ours and Cloudflare's alike.

/** Error codes this backend adds to the Calls API's own (`invalid_params`, `session_error`, …). */
export type BackendHttpErrorCode =
  | 'decoding_error'
  | 'bad_request'
  | 'host_not_allowed'
  | 'payload_too_large'
  | 'too_many_sessions'
  | 'not_found'
  | 'method_not_allowed'
  | 'origin_not_allowed'
  | 'participant_required'
  | 'participant_invalid'
  | 'participant_gone'
  | 'session_not_owned'
  | 'pull_outside_room'
  | 'invalid_params'
  | 'upgrade_required'
  | 'unsupported_protocol'
  | 'invalid_room'
  | 'server_full'
  | 'room_full'
  | 'turn_unavailable'
  | 'upstream_unreachable'
  | 'upstream_timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'internal_error';

export function callsErrorResponse(
  status: number,
  errorCode: BackendHttpErrorCode,
  errorDescription: string,
): Response {
  return jsonResponse(status, { errorCode, errorDescription });
}

export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const merged = new Headers(headers);
  merged.set('Content-Type', 'application/json');
  merged.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: merged });
}
