/**
 * Works around a werift DTLS bug that drops the SFU's Nth data-channel packet toward the browser.
 *
 * werift sends its handshake Finished as the first record of epoch 1 with the next sequence number
 * of epoch 0 (say 6), then resets the counter to 0, so its 6th application-data record of epoch 1
 * carries the Finished record's (epoch, sequence number) again. The browser's DTLS replay window
 * (RFC 6347 §4.1.2.6) discards that record as a replay, silently: one SCTP packet is lost a second
 * or so after the data channel opens, and SCTP resends it only when its retransmission timer
 * fires (RTO ≥ 1 s), holding back every ordered message behind it. Measured with one message every
 * 500 ms: the 4th message arrived 1005 ms late and the 5th with it.
 *
 * Once a transport's handshake is done, its record counter is moved past the highest sequence
 * number the handshake used in epoch 1, so every later record is new to the browser.
 */
import type { RTCDtlsTransport, RTCPeerConnection } from 'werift';

const RECORD_HEADER_BYTES = 13;

/**
 * Highest sequence number of an epoch-1 record in `records` (serialized DTLS records, one or more
 * per buffer), or undefined when there is none. Header: type(1) version(2) epoch(2) seq(6) length(2).
 */
export function highestEpochOneSequence(records: readonly Buffer[]): number | undefined {
  let highest: number | undefined;
  for (const buffer of records) {
    let offset = 0;
    while (offset + RECORD_HEADER_BYTES <= buffer.length) {
      const epoch = buffer.readUInt16BE(offset + 3);
      const sequence = buffer.readUIntBE(offset + 5, 6);
      if (epoch === 1 && (highest === undefined || sequence > highest)) highest = sequence;
      offset += RECORD_HEADER_BYTES + buffer.readUInt16BE(offset + 11);
    }
  }
  return highest;
}

/** Moves the transport's record counter past its handshake's epoch-1 records. */
function skipHandshakeSequenceNumbers(transport: RTCDtlsTransport): void {
  const context = transport.dtls?.dtls;
  if (!context) return;
  const handshakeHighest = highestEpochOneSequence(context.lastMessage);
  if (handshakeHighest === undefined) return;
  // The counter is pre-incremented on send, so the next record gets handshakeHighest + 1.
  context.recordSequenceNumber = Math.max(context.recordSequenceNumber, handshakeHighest);
}

/**
 * Applies the fix to every DTLS transport of `pc` as soon as its handshake completes. Call
 * `watch()` again after each remote description: werift creates transports while applying it.
 */
export class DtlsRecordNumbering {
  private readonly watched = new WeakSet<RTCDtlsTransport>();
  private readonly watchedSockets = new WeakSet<object>();

  constructor(private readonly pc: RTCPeerConnection) {
    pc.connectionStateChange.subscribe(() => this.watch());
  }

  watch(): void {
    for (const transport of this.pc.dtlsTransports) {
      if (this.watched.has(transport)) continue;
      this.watched.add(transport);
      if (transport.state === 'connected') this.handshakeDone(transport);
      transport.onStateChange.subscribe((state) => {
        if (state === 'connected') this.handshakeDone(transport);
      });
    }
  }

  /**
   * Fixes the handshake that just completed, and any later one on the same DTLS session: as DTLS
   * server werift answers a client's new ClientHello (after the client moved its bundle,
   * bundle-transport.ts) by handshaking again with a fresh counter, without a state change.
   */
  private handshakeDone(transport: RTCDtlsTransport): void {
    skipHandshakeSequenceNumbers(transport);
    const socket = transport.dtls;
    if (!socket || this.watchedSockets.has(socket)) return;
    this.watchedSockets.add(socket);
    socket.onConnect.subscribe(() => skipHandshakeSequenceNumbers(transport));
  }
}
