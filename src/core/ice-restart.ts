/**
 * ICE restart on a Calls session that the SFU still holds: a new offer with new ICE credentials
 * (`createOffer({iceRestart: true})`) sent with `PUT sessions/{id}/renegotiate`, whose answer
 * carries the SFU's new credentials. The connection then finds a path again (a new local port, a
 * new interface, a NAT that rebound) while the session, its tracks and its pulls stay as they
 * are: nobody needs to re-pull anything.
 *
 * partytracks has no API for this and keeps its own negotiation queue on the same connection, so
 * the restart runs only while the connection is `stable` (between partytracks' negotiations), and
 * a refused restart is rolled back so partytracks' next negotiation starts from `stable`.
 */
export type IceRestartOutcome =
  /** The SFU answered; ICE is checking the new credentials. */
  | 'restarted'
  /** A negotiation is in progress; try again later. */
  | 'busy'
  /** The backend or SFU refused or could not be reached. */
  | 'refused';

export async function restartIce(
  prefix: string,
  sessionId: string,
  pc: RTCPeerConnection,
  headers: Headers,
): Promise<IceRestartOutcome> {
  if (pc.signalingState !== 'stable' || pc.connectionState === 'closed') return 'busy';
  try {
    await pc.setLocalDescription(await pc.createOffer({ iceRestart: true }));
    const response = await fetch(`${prefix}/sessions/${sessionId}/renegotiate`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ sessionDescription: { type: 'offer', sdp: pc.localDescription?.sdp } }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      sessionDescription?: RTCSessionDescriptionInit;
    };
    if (!response.ok || body.sessionDescription?.type !== 'answer') throw new Error(`${response.status}`);
    await pc.setRemoteDescription(body.sessionDescription);
    return 'restarted';
  } catch {
    // TypeScript narrowed the state to 'stable' above; the awaits in between changed it.
    if ((pc.signalingState as RTCSignalingState) === 'have-local-offer') {
      await pc.setLocalDescription({ type: 'rollback' }).catch(() => undefined);
    }
    return 'refused';
  }
}
