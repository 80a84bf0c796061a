import { PartyTracks } from 'partytracks/client';
import { CallsError } from './errors.js';
import { isIceServerList } from './protocol.js';

/**
 * Creates the partytracks client for one participant: the proxy under `{endpoint}/partytracks`,
 * with the participant credential and host token on every request. The `headers` object is kept by
 * the caller and updated in place when the credential is renewed.
 *
 * The ICE servers come from the caller (the welcome's, or `fetchIceServers`) rather than from
 * partytracks, because partytracks sends none of its custom headers on that request, and a backend
 * with TURN configured requires the credential.
 */
export function createPartyTracks(prefix: string, headers: Headers, iceServers: RTCIceServer[]): PartyTracks {
  return new PartyTracks({ prefix, headers, iceServers });
}

/**
 * The backend's ICE servers for a new session; rejects with `media_failed`. Only needed when the
 * welcome brought none (a backend with a TURN key, or one older than protocol revision 3); a room
 * then asks the moment its welcome arrives (see `Room`), so the request does not wait behind the
 * first render of the meeting.
 */
export async function fetchIceServers(prefix: string, headers: Headers): Promise<RTCIceServer[]> {
  try {
    const response = await fetch(`${prefix}/generate-ice-servers`, { headers });
    const body = (await response.json()) as { iceServers?: RTCIceServer[]; errorDescription?: string };
    if (!response.ok || !isIceServerList(body.iceServers)) {
      throw new Error(body.errorDescription ?? `generate-ice-servers answered ${response.status}`);
    }
    return body.iceServers;
  } catch (cause) {
    throw new CallsError('media_failed', 'Could not get ICE servers from the backend.', { cause });
  }
}

/**
 * Whether the SFU still holds `sessionId` (`GET sessions/{id}` through the backend): `gone` on the
 * Calls API's 410 (or 404), `unknown` when the backend cannot be asked right now.
 */
export async function probeSession(
  prefix: string,
  sessionId: string,
  headers: Headers,
): Promise<'alive' | 'gone' | 'unknown'> {
  try {
    const response = await fetch(`${prefix}/sessions/${sessionId}`, { headers });
    await response.body?.cancel();
    if (response.ok) return 'alive';
    return response.status === 410 || response.status === 404 ? 'gone' : 'unknown';
  } catch {
    return 'unknown';
  }
}
