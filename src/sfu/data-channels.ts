/**
 * Calls data channels: publisher → subscribers, and back from the one subscriber granted
 * `canReply`. Every channel is negotiated out of band (`createDataChannel(name, {negotiated: true,
 * id})` on both ends) with the id the API returns.
 */
import type { RTCDataChannel, RTCPeerConnection } from 'werift';
import type { DataChannelRequest, DataChannelResult } from './api-types.js';

/** Ids below this are left to the browser's own in-band channels (e.g. one it opens itself). */
const FIRST_NEGOTIATED_ID = 2;
/** How long a `waitForAck` subscriber has to send its acknowledgment, as on Cloudflare. */
export const ACK_TIMEOUT_MS = 15_000;

export type DataChannelStatus = 'initializing' | 'active' | 'inactive';

/** What a remote channel was asked for beyond its name and reliability. */
export interface SubscriberOptions {
  /** Hold delivery until the subscriber's first message (consumed, never forwarded). */
  waitForAck?: boolean;
  /** The subscriber's messages go back to the publisher (one subscriber per channel). */
  canReply?: boolean;
  /** Called when the acknowledgment did not come in time and the SFU closed the channel. */
  onAckTimeout?: () => void;
  ackTimeoutMs?: number;
}

export class SessionDataChannel {
  private readonly subscribers = new Set<SessionDataChannel>();
  private source?: SessionDataChannel;
  /** The subscriber of this (local) channel that may send back to the publisher. */
  private replier?: SessionDataChannel;
  private awaitingAck: boolean;
  private ackTimer?: NodeJS.Timeout;

  constructor(
    readonly location: 'local' | 'remote',
    readonly name: string,
    readonly channel: RTCDataChannel,
    /** For a remote channel: the publisher's session id. */
    readonly remoteSessionId?: string,
    private readonly options: SubscriberOptions = {},
  ) {
    this.awaitingAck = location === 'remote' && options.waitForAck === true;
    channel.onMessage.subscribe((data) => {
      if (this.location === 'local') this.fanOut(data);
      else this.fromSubscriber(data);
    });
    if (this.awaitingAck) {
      this.ackTimer = setTimeout(() => {
        this.close();
        options.onAckTimeout?.();
      }, options.ackTimeoutMs ?? ACK_TIMEOUT_MS);
      this.ackTimer.unref();
    }
  }

  get id(): number {
    return this.channel.id;
  }

  get canReply(): boolean {
    return this.options.canReply === true;
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

  /** False when `subscriber` asks to reply but another subscriber of this channel already may. */
  accepts(options: Pick<SubscriberOptions, 'canReply'>): boolean {
    return !options.canReply || this.replier === undefined;
  }

  subscribe(subscriber: SessionDataChannel): void {
    this.subscribers.add(subscriber);
    subscriber.source = this;
    if (subscriber.canReply) this.replier = subscriber;
  }

  close(): void {
    clearTimeout(this.ackTimer);
    this.source?.unsubscribe(this);
    for (const subscriber of this.subscribers) subscriber.source = undefined;
    this.subscribers.clear();
    this.replier = undefined;
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
    return {
      ...this.result(),
      status: this.status,
      ...(this.options.waitForAck && this.location === 'remote'
        ? { waitForAck: true, acknowledged: !this.awaitingAck }
        : {}),
      ...(this.canReply ? { canReply: true } : {}),
    };
  }

  private unsubscribe(subscriber: SessionDataChannel): void {
    this.subscribers.delete(subscriber);
    if (this.replier === subscriber) this.replier = undefined;
  }

  private fanOut(data: string | Buffer): void {
    for (const subscriber of this.subscribers) {
      if (subscriber.awaitingAck || subscriber.channel.readyState !== 'open') continue;
      subscriber.channel.send(data);
    }
  }

  /** A subscriber's message: its acknowledgment, a reply for the publisher, or dropped (one-way). */
  private fromSubscriber(data: string | Buffer): void {
    if (this.awaitingAck) {
      this.awaitingAck = false;
      clearTimeout(this.ackTimer);
      return;
    }
    const publisher = this.source?.channel;
    if (this.canReply && publisher?.readyState === 'open') publisher.send(data);
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
