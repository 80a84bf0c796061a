// A UDP relay between one page and the SFU that can drop a share of the media the page sends
// (real packet loss on a real path, so the quality shown is what the connection's own statistics
// say) or rebind like a NAT (the path is gone until ICE finds a new one). The page is pointed at
// it by rewriting the SFU's ICE candidates in its remote descriptions.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { Page } from 'playwright-core';

interface Leg {
  /** Where the page sends (its copy of the SFU candidate points here). */
  pageSide: Socket;
  /** What the SFU sees as the page. */
  sfuSide: Socket;
}

export class LossyRelay {
  /** Share of the page's outgoing RTP packets dropped (0…1). */
  uploadLoss = 0;
  dropped = 0;
  readonly #legs = new Map<number, Leg>();
  #mappings = 0;

  /** Makes `page` send its media through the relay (before it joins). */
  async attach(page: Page): Promise<void> {
    await page.exposeFunction('__relayPortFor', (sfuPort: number) => this.#portFor(sfuPort));
    await page.addInitScript(() => {
      const original = RTCPeerConnection.prototype.setRemoteDescription as (
        this: RTCPeerConnection,
        description: RTCSessionDescriptionInit,
      ) => Promise<void>;
      RTCPeerConnection.prototype.setRemoteDescription = async function (
        this: RTCPeerConnection,
        description?: RTCSessionDescriptionInit,
      ) {
        if (!description?.sdp) return original.call(this, description as RTCSessionDescriptionInit);
        // Every SFU candidate on loopback gets a relay port instead.
        const relay = (window as unknown as { __relayPortFor: (port: number) => Promise<number> })
          .__relayPortFor;
        let sdp = description.sdp;
        for (const match of [
          ...sdp.matchAll(/(a=candidate:\S+ \d+ udp \d+ 127\.0\.0\.1 )(\d+)( typ host)/gi),
        ]) {
          const port = await relay(Number(match[2]));
          sdp = sdp.replace(match[0], `${match[1]}${port}${match[3]}`);
        }
        return original.call(this, { type: description.type, sdp });
      };
    });
  }

  /**
   * Forgets every port mapping, as a NAT that rebinds does: what the page sends to the old ports
   * goes nowhere, and descriptions it receives from now on point at new ones. The page's ICE path
   * is gone for good; only new candidates (an ICE restart) find the SFU again.
   */
  rebind(): void {
    this.close();
  }

  /** Ports the page has been given so far, old ones included (one per mapping made). */
  get mappings(): number {
    return this.#mappings;
  }

  close(): void {
    for (const leg of this.#legs.values()) {
      leg.pageSide.close();
      leg.sfuSide.close();
    }
    this.#legs.clear();
  }

  async #portFor(sfuPort: number): Promise<number> {
    const known = this.#legs.get(sfuPort);
    if (known) return known.pageSide.address().port;
    const pageSide = createSocket('udp4');
    const sfuSide = createSocket('udp4');
    let pageAddress: RemoteInfo | undefined;
    pageSide.on('message', (packet, from) => {
      pageAddress = from;
      if (isRtp(packet) && Math.random() < this.uploadLoss) {
        this.dropped += 1;
        return;
      }
      sfuSide.send(packet, sfuPort, '127.0.0.1');
    });
    sfuSide.on('message', (packet) => {
      if (pageAddress) pageSide.send(packet, pageAddress.port, pageAddress.address);
    });
    await Promise.all([
      new Promise<void>((resolve) => pageSide.bind(0, '127.0.0.1', resolve)),
      new Promise<void>((resolve) => sfuSide.bind(0, '127.0.0.1', resolve)),
    ]);
    this.#legs.set(sfuPort, { pageSide, sfuSide });
    this.#mappings += 1;
    return pageSide.address().port;
  }
}

/** RTP, not RTCP (RFC 5761: RTCP packet types 192–223 sit where RTP has marker + payload type). */
function isRtp(packet: Buffer): boolean {
  if (packet.length < 12) return false;
  const first = packet[0] as number;
  const type = packet[1] as number;
  return first >= 128 && first <= 191 && !(type >= 192 && type <= 223);
}
