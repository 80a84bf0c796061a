import { PartyTracks } from 'partytracks/client';
import { CallsError } from './errors.js';

/**
 * Creates the partytracks client for one participant: the proxy under `{endpoint}/partytracks`,
 * with the participant credential and host token on every request. The `headers` object is kept by
 * the caller and updated in place when the credential is renewed.
 *
 * ICE servers are fetched here rather than by partytracks, because partytracks sends none of its
 * custom headers on that request, and a backend with TURN configured requires the credential.
 */
export async function createPartyTracks(
  prefix: string,
  headers: Headers,
  iceServers: Promise<RTCIceServer[]> = fetchIceServers(prefix, headers),
): Promise<PartyTracks> {
  return new PartyTracks({ prefix, headers, iceServers: await iceServers });
}

/**
 * The backend's ICE servers for a new session; rejects with `media_failed`. A room asks for them
 * the moment its welcome arrives (see `Room`), so the request does not wait behind the first render
 * of the meeting.
 */
export async function fetchIceServers(prefix: string, headers: Headers): Promise<RTCIceServer[]> {
  try {
    const response = await fetch(`${prefix}/generate-ice-servers`, { headers });
    const body = (await response.json()) as { iceServers?: RTCIceServer[]; errorDescription?: string };
    if (!response.ok || !Array.isArray(body.iceServers)) {
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
