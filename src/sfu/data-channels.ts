/**
 * Calls data channels: one-way, publisher → subscribers. Every channel is negotiated out of band
 * (`createDataChannel(name, {negotiated: true, id})` on both ends) with the id the API returns.
 */
import type { RTCDataChannel, RTCPeerConnection } from 'werift';
import type { DataChannelRequest, DataChannelResult } from './api-types.js';

/** Ids below this are left to the browser's own in-band channels (e.g. one it opens itself). */
const FIRST_NEGOTIATED_ID = 2;

export type DataChannelStatus = 'initializing' | 'active' | 'inactive';

export class SessionDataChannel {
  private readonly subscribers = new Set<SessionDataChannel>();
  private source?: SessionDataChannel;

  constructor(
    readonly location: 'local' | 'remote',
    readonly name: string,
    readonly channel: RTCDataChannel,
    /** For a remote channel: the publisher's session id. */
    readonly remoteSessionId?: string,
  ) {
    if (location === 'local') {
      channel.onMessage.subscribe((data) => this.fanOut(data));
    }
  }

  get id(): number {
    return this.channel.id;
  }

  get status(): DataChannelStatus {
    switch (this.channel.readyState) {
      case 'open':
        return 'active';
      case 'connecting':
        return 'initializing';
      default:
        return 'inactive';
    }
  }

  subscribe(subscriber: SessionDataChannel): void {
    this.subscribers.add(subscriber);
    subscriber.source = this;
  }

  close(): void {
    this.source?.subscribers.delete(this);
    for (const subscriber of this.subscribers) subscriber.source = undefined;
    this.subscribers.clear();
    if (this.channel.readyState !== 'closed') this.channel.close();
  }

  /** The channel as `datachannels/new` answers it. */
  result(): DataChannelResult {
    return {
      location: this.location,
      dataChannelName: this.name,
      id: this.id,
      ...(this.remoteSessionId ? { sessionId: this.remoteSessionId } : {}),
    };
  }

  /** The channel as `GET sessions/{id}` lists it. */
  describe() {
    return { ...this.result(), status: this.status };
  }

  private fanOut(data: string | Buffer): void {
    for (const subscriber of this.subscribers) {
      if (subscriber.channel.readyState !== 'open') continue;
      subscriber.channel.send(data);
    }
  }
}

/** Opens a negotiated channel on `pc` with the lowest id not in use. */
export function openNegotiatedChannel(
  pc: RTCPeerConnection,
  request: Pick<DataChannelRequest, 'dataChannelName' | 'ordered' | 'maxRetransmits' | 'maxPacketLifeTime'>,
  usedIds: Set<number>,
): RTCDataChannel {
  let id = FIRST_NEGOTIATED_ID;
  while (usedIds.has(id)) id++;
  usedIds.add(id);
  return pc.createDataChannel(request.dataChannelName, {
    negotiated: true,
    id,
    ordered: request.ordered ?? true,
    ...(request.maxRetransmits !== undefined ? { maxRetransmits: request.maxRetransmits } : {}),
    ...(request.maxPacketLifeTime !== undefined ? { maxPacketLifeTime: request.maxPacketLifeTime } : {}),
  });
}
