/**
 * Follows a client whose bundle moves to a new transport.
 *
 * When a client rejects the m-section that tags its BUNDLE group (it stops its first transceiver,
 * pushed or pulled, and offers), Chromium picks the next m-section as the tag and moves every
 * remaining m-section onto a freshly gathered ICE/DTLS transport: a new port, the same ICE
 * credentials and a new DTLS association. werift, as the ICE-lite side, keeps the first pair it
 * nominated for the life of the connection, so it keeps sending to the old port (which Chromium
 * closes): when werift is the DTLS client (it answered the first offer, `a=setup:active`) Chromium
 * waits for a ClientHello that never comes; when werift is the DTLS server (it made the first
 * offer) its answers to Chromium's new ClientHello go to the old port. Either way the DTLS
 * transport stays `connecting` and all media of that peer connection stops; the old association's
 * close_notify also leaves werift's transport `closed`. See docs/architecture.md.
 *
 * After an offer that moves the bundle, the session calls {@link expectMove}; the next nomination
 * (a binding request with USE-CANDIDATE) from another address switches werift to that pair, and
 * the new DTLS handshake runs on it (started by werift when it is the client), with fresh SRTP
 * keys. Clients that keep their transport send no such nomination and nothing changes.
 */
import type { RTCDtlsTransport, RTCPeerConnection } from 'werift';

/** How long after such an offer a nomination from a new address counts as the moved transport. */
const MOVE_WINDOW_MS = 15_000;

type Address = readonly [string, number];

/** The parts of a werift STUN message we read. */
export interface BindingRequest {
  readonly attributesKeys: readonly string[];
}

export class BundleTransportFollower {
  private moveExpectedUntil = 0;

  /** `onResumed` runs once media can flow on the new transport (subscribers then need a keyframe). */
  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly onResumed: () => void,
  ) {}

  /** The client just offered to move its bundle to another transport. */
  expectMove(now = Date.now()): void {
    this.moveExpectedUntil = now + MOVE_WINDOW_MS;
  }

  /**
   * Hears every binding request before werift answers it. werift then processes the request
   * itself, and nominates its pair when nothing is nominated any more.
   */
  onBindingRequest(request: BindingRequest, from: Address, now = Date.now()): void {
    if (now > this.moveExpectedUntil || !request.attributesKeys.includes('USE-CANDIDATE')) return;
    // Its DTLS state may already read `closed`: Chromium's old transport sends close_notify as it goes.
    const transport = this.pc.dtlsTransports.find((candidate) => candidate.iceTransport.state !== 'closed');
    const connection = transport?.iceTransport.connection;
    const nominated = connection?.nominated;
    if (!transport || !connection || !nominated || sameAddress(nominated.remoteAddr, from)) return;
    this.moveExpectedUntil = 0;
    connection.resetNominatedPair();
    // werift nominates the new pair synchronously right after this callback. As DTLS server it
    // takes the client's new ClientHello on its own session (a renegotiation) once the flights
    // reach the new port; as DTLS client it must start the new handshake itself.
    if (transport.role === 'server') adoptClientHandshake(transport, this.onResumed);
    else setImmediate(() => void restartDtlsHandshake(transport, this.onResumed));
  }
}

function sameAddress(a: Address, b: Address): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * werift's DTLS server answers a ClientHello on an established session by handshaking again, but
 * its transport keeps the old SRTP keys and the `closed` state the old association's close_notify
 * left. Take the new keys and the connected state once that handshake completes.
 */
function adoptClientHandshake(transport: RTCDtlsTransport, onResumed: () => void): void {
  transport.dtls?.onConnect.once(() => {
    transport.updateSrtpSession();
    transport.state = 'connected';
    onResumed();
  });
}

/**
 * Runs a new DTLS handshake (same role, same certificate) on the transport's ICE connection and
 * switches SRTP to the new keys. werift has no API for this; it uses the transport's own `start()`
 * after detaching the old DTLS session from incoming data (closing that session would close the
 * ICE connection beneath it).
 */
async function restartDtlsHandshake(transport: RTCDtlsTransport, onResumed: () => void): Promise<void> {
  const previous = transport.dtls as unknown as { transport?: { socket?: { onData?: unknown } } } | undefined;
  if (previous?.transport?.socket) previous.transport.socket.onData = undefined;
  transport.state = 'new';
  try {
    await transport.start();
    transport.updateSrtpSession();
    onResumed();
  } catch {
    // start() has already marked the transport failed; the session's consent watch ends it.
  }
}
