import { callsErrorResponse, jsonResponse } from '../http/errors.js';
import type { IceServer, TurnKeyOptions } from '../options.js';
import { DEFAULT_ICE_SERVERS, DEFAULT_REALTIME_API_BASE_URL } from '../options.js';

/** The static answer: STUN servers (or an empty list for a purely local setup). */
export function staticIceServersResponse(iceServers: IceServer[] | undefined): Response {
  return jsonResponse(200, { iceServers: iceServers ?? DEFAULT_ICE_SERVERS });
}

/**
 * Short-lived TURN credentials from Cloudflare's TURN key API. The TURN token stays here; only the
 * generated, expiring credentials reach the browser.
 */
export async function turnIceServersResponse(
  turn: TurnKeyOptions,
  onError: (error: unknown, context: string) => void,
): Promise<Response> {
  const base = (turn.apiBaseUrl ?? DEFAULT_REALTIME_API_BASE_URL).replace(/\/+$/, '');
  const url = `${base}/turn/keys/${encodeURIComponent(turn.keyId)}/credentials/generate-ice-servers`;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${turn.apiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ttl: turn.ttlSeconds ?? 86400 }),
    });
    const body: unknown = await response.json().catch(() => null);
    const iceServers = (body as { iceServers?: unknown } | null)?.iceServers;
    if (!response.ok || !Array.isArray(iceServers)) {
      onError(new Error(`TURN key API answered ${response.status}`), 'generate-ice-servers');
      return callsErrorResponse(502, 'turn_unavailable', 'Could not obtain TURN credentials.');
    }
    return jsonResponse(200, { iceServers });
  } catch (error) {
    onError(error, 'generate-ice-servers');
    return callsErrorResponse(502, 'turn_unavailable', 'Could not reach the TURN key API.');
  }
}
