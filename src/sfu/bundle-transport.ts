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
 * After a description that moves the BUNDLE tag (an offer rejecting it, or an answer to our offer
 * tagging another m-section, such as a recycled one), the session calls {@link expectMove}; the next
 * nomination (a binding request with USE-CANDIDATE) from another address — or one heard up to 3 s
 * before, since Chromium nominates on its new transport as soon as it applies its own description,
 * often before the request carrying it arrives — switches werift to that pair, and the new DTLS
 * handshake runs on it (started by werift when it is the client), with fresh SRTP keys. So does any
 * nomination elsewhere once the client has closed the old DTLS association. Clients that keep their
 * transport send no such nomination and nothing changes.
 */
import type { RTCDtlsTransport, RTCPeerConnection } from 'werift';

/** How long after such an offer a nomination from a new address counts as the moved transport. */
const MOVE_WINDOW_MS = 15_000;
/** How long before such an offer (or answer) a nomination from a new address still counts. */
const EARLY_NOMINATION_MS = 3000;

type Address = readonly [string, number];

/** The parts of a werift STUN message we read. */
export interface BindingRequest {
  readonly attributesKeys: readonly string[];
}

export class BundleTransportFollower {
  private moveExpectedUntil = 0;
  /**
   * The latest nomination from another address heard while no move was expected. Chromium moves
   * as it applies its own description, so its nominations on the new transport can arrive just
   * before the request that carries that description; the move then happens when the request comes.
   */
  private earlyNomination: { from: Address; at: number } | undefined;

  /** `onResumed` runs once media can flow on the new transport (subscribers then need a keyframe). */
  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly onResumed: () => void,
  ) {}

  /** The client just sent a description (offer, or answer to ours) that moves its BUNDLE tag. */
  expectMove(now = Date.now()): void {
    const early = this.earlyNomination;
    this.earlyNomination = undefined;
    if (early && now - early.at <= EARLY_NOMINATION_MS && this.moveTo(early.from, { nominate: true })) return;
    this.moveExpectedUntil = now + MOVE_WINDOW_MS;
  }

  /**
   * Hears every binding request before werift answers it. werift then processes the request
   * itself, and nominates its pair when nothing is nominated any more.
   */
  onBindingRequest(request: BindingRequest, from: Address, now = Date.now()): void {
    if (!request.attributesKeys.includes('USE-CANDIDATE')) return;
    // A DTLS transport the client closed (close_notify) means it moved, whatever the SDP said: it
    // also moves, for instance, when a later description keeps the tag but its new transport has
    // not settled yet. Without either sign a nomination elsewhere may be Chromium picking another
    // pair of the same transport while it connects, which needs nothing from us.
    const closedByClient = this.liveTransport()?.state === 'closed';
    if (now > this.moveExpectedUntil && !closedByClient) {
      if (this.nominatedElsewhere(from)) this.earlyNomination = { from, at: now };
      return;
    }
    // werift nominates the new pair itself, synchronously right after this callback.
    if (this.moveTo(from, { nominate: false })) this.moveExpectedUntil = 0;
  }

  /** Whether werift's nominated pair points at another address than `from`. */
  private nominatedElsewhere(from: Address): boolean {
    const nominated = this.liveTransport()?.iceTransport.connection?.nominated;
    return nominated !== undefined && !sameAddress(nominated.remoteAddr, from);
  }

  /** Its DTLS state may already read `closed`: Chromium's old transport sends close_notify as it goes. */
  private liveTransport(): RTCDtlsTransport | undefined {
    return this.pc.dtlsTransports.find((candidate) => candidate.iceTransport.state !== 'closed');
  }

  /**
   * Switches werift to the pair of `from` and follows the new DTLS association on it. With
   * `nominate`, the pair is nominated here (its nominating request was heard earlier); without,
   * werift does it while processing the request being heard. False when there is nothing to move.
   */
  private moveTo(from: Address, { nominate }: { nominate: boolean }): boolean {
    const transport = this.liveTransport();
    const connection = transport?.iceTransport.connection;
    if (!transport || !connection || !this.nominatedElsewhere(from)) return false;
    const pair = connection.checkList.find((candidate) => sameAddress(candidate.remoteAddr, from));
    if (nominate && !pair) return false;
    connection.resetNominatedPair();
    if (nominate && pair) {
      pair.remoteNominated = true;
      pair.nominated = true;
      // What werift does on a nominating request (it is public on werift's class, not on its type).
      (connection as unknown as { checkComplete(nominated: typeof pair): void }).checkComplete(pair);
    }
    // As DTLS server werift takes the client's new ClientHello on its own session (a
    // renegotiation) once the flights reach the new port; as DTLS client it must start the new
    // handshake itself.
    if (transport.role === 'server') adoptClientHandshake(transport, this.onResumed);
    else setImmediate(() => void restartDtlsHandshake(transport, this.onResumed));
    return true;
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
