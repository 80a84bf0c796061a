/**
 * A client-initiated ICE restart on a live session: the client offers new ICE credentials
 * (`createOffer({iceRestart: true})`) with `PUT renegotiate`, the SFU answers with new credentials
 * of its own, and the session's tracks, subscriptions and DTLS association carry on over the path
 * the new checks find. This is how a client whose network path broke (a NAT rebinding, a new
 * interface, a relay that went away) gets its media back without a new Calls session.
 *
 * werift 0.24.4 handles most of it: on a remote description with a new ufrag it restarts its ICE
 * agent (`RTCIceTransport.restart`: new local ufrag/pwd, candidates re-advertised, no nominated
 * pair). What it does not do, as the ICE-lite answerer, is run the agent again: its
 * `RTCPeerConnection.connect()` returns early while the DTLS transport is still connected, so the
 * client's checks on the new credentials are answered but parked as "early checks" forever, no pair
 * is ever nominated and werift sends nothing more (`canSendApplicationData` needs a nominated pair).
 * {@link resumeIceAfterRestart} starts the agent itself; it then takes the client's nomination.
 * (When the offer has an `inactive` m-section werift treats new credentials as a renomination
 * instead: the agent keeps running and nominates the new pair by itself.)
 */
import type { RTCPeerConnection } from 'werift';
import { invalidParams } from './errors.js';
import { splitSections, summarizeMediaSections } from './sdp-fixups.js';

/** The ICE credentials (`ufrag:pwd`) each m-section of `sdp` uses (session-level ones as fallback). */
function iceCredentials(sdp: string): string[] {
  const { session, media } = splitSections(sdp);
  const read = (section: string[], name: string) =>
    section.find((line) => line.startsWith(`a=${name}:`))?.slice(`a=${name}:`.length);
  return media.map((section) => {
    const ufrag = read(section, 'ice-ufrag') ?? read(session, 'ice-ufrag') ?? '';
    const pwd = read(section, 'ice-pwd') ?? read(session, 'ice-pwd') ?? '';
    return `${ufrag}:${pwd}`;
  });
}

/**
 * Refuses a client offer on `PUT renegotiate` that is not an ICE restart of the session as it is:
 * tracks are added and removed with `tracks/new` and `tracks/close`, so the offer must keep every
 * m-section (mid, kind, direction) and change the ICE credentials.
 */
export function assertIceRestartOffer(current: string | undefined, offer: string): void {
  if (!current)
    throw invalidParams('This session has not negotiated yet; send its first offer with tracks/new');
  const shape = (sdp: string) =>
    summarizeMediaSections(sdp)
      .map((section) => `${section.mid}/${section.kind}/${section.direction}/${section.rejected}`)
      .join(',');
  if (shape(current) !== shape(offer)) {
    throw invalidParams(
      'An offer on renegotiate may only restart ICE: keep the m-sections as negotiated (add or close tracks with tracks/new or tracks/close)',
    );
  }
  const before = new Set(iceCredentials(current));
  const after = iceCredentials(offer);
  if (after.length === 0 || after.every((credentials) => before.has(credentials))) {
    throw invalidParams('An offer on renegotiate must restart ICE (new ice-ufrag and ice-pwd)');
  }
}

/**
 * Takes note of the ICE agents of `pc` before an ICE-restarting offer is applied. Call `resume`
 * after answering it: it starts every agent werift restarted (a new local ufrag) and left idle;
 * `onResumed` runs once one nominated the client's new pair (subscribers then need a keyframe:
 * whatever was forwarded while the path was down is lost).
 */
export function beforeIceRestart(pc: RTCPeerConnection): { resume(onResumed: () => void): void } {
  const ufrags = new Map(pc.dtlsTransports.map((t) => [t, t.iceTransport.connection.localUsername]));
  return {
    resume(onResumed) {
      for (const [transport, ufrag] of ufrags) {
        const ice = transport.iceTransport;
        // Same ufrag: a renomination (see above), which runs on the live agent by itself.
        if (ice.state === 'closed' || ice.connection.localUsername === ufrag) continue;
        // start() resolves once a pair is nominated, and rejects when the connection closes first.
        ice.start().then(onResumed, () => undefined);
      }
    },
  };
}
