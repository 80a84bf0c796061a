// Data channels with raw Calls clients (RTCPeerConnection + fetch, no partytracks): a publisher's
// channel reaches its subscribers promptly, with the reliability options Calls takes, the
// `waitForAck` gate and the `canReply` way back, and bad option combinations are refused with a
// Calls errorCode. Publisher and subscribers live in this one page, so `performance.now()` is one
// clock for both ends of a message.
import { expect } from '@open-wc/testing';
import { waitFor } from './helpers/media.js';
import type { RawCallsClient } from './helpers/raw-calls-client.js';
import { appBase, sfuSession } from './helpers/sfu-client.js';
import { useSfuSuite } from './helpers/sfu-suite.js';
import type { TestSfu } from './helpers/test-env.js';

/** Issue 9: every message is forwarded within this on loopback. */
const MAX_ONE_WAY_MS = 50;

interface ChannelRequest {
  location: 'local' | 'remote';
  dataChannelName: string;
  sessionId?: string;
  ordered?: boolean;
  maxRetransmits?: number;
  maxPacketLifeTime?: number;
  waitForAck?: boolean;
  canReply?: boolean;
}

/** A channel as both ends see it: the browser's channel and everything it received, in order. */
interface OpenChannel {
  channel: RTCDataChannel;
  received: string[];
}

/** A `datachannels/new` call whose answer is returned whatever its status. */
async function newChannels(
  sfu: TestSfu,
  sessionId: string,
  dataChannels: ChannelRequest[],
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${appBase(sfu)}/sessions/${sessionId}/datachannels/new`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sfu.appSecret}` },
    body: JSON.stringify({ dataChannels }),
  });
  return { status: response.status, body: await response.json() };
}

describe('local SFU with raw clients: data channels', () => {
  const suite = useSfuSuite();

  /**
   * A session with a connected SCTP transport, set up the way a raw client does it: an offer with
   * an application m-section (from a channel of its own, never used) through `datachannels/establish`.
   */
  async function connectedClient(): Promise<RawCallsClient> {
    const client = await suite.client();
    client.pc.createDataChannel('transport', { negotiated: true, id: 0 });
    await client.pc.setLocalDescription(await client.pc.createOffer());
    const response = await client.api('POST', '/datachannels/establish', {
      dataChannel: { location: 'remote', dataChannelName: 'server-events' },
      sessionDescription: client.pc.localDescription?.toJSON(),
    });
    await client.pc.setRemoteDescription(response.sessionDescription);
    await waitFor(() => client.pc.connectionState === 'connected', {
      timeout: 20_000,
      what: 'the peer connection to connect',
    });
    return client;
  }

  /** `datachannels/new` for one channel, then the browser's negotiated end of it, open. */
  async function openChannel(
    client: RawCallsClient,
    request: ChannelRequest,
    options: RTCDataChannelInit = {},
  ): Promise<OpenChannel> {
    const { status, body } = await newChannels(suite.sfu, client.sessionId, [request]);
    expect(status, JSON.stringify(body)).to.equal(200);
    const [answer] = body.dataChannels;
    expect(answer.errorCode, JSON.stringify(answer)).to.equal(undefined);
    const channel = client.pc.createDataChannel(request.dataChannelName, {
      ...options,
      negotiated: true,
      id: answer.id,
    });
    const received: string[] = [];
    channel.addEventListener('message', (event) => received.push(String(event.data)));
    await waitFor(() => channel.readyState === 'open', {
      what: `channel ${request.dataChannelName} to open`,
    });
    return { channel, received };
  }

  const remoteOf = (publisher: RawCallsClient, name: string, extra: Partial<ChannelRequest> = {}) =>
    ({ location: 'remote', dataChannelName: name, sessionId: publisher.sessionId, ...extra }) as const;

  it('forwards each of ten messages, one every 500 ms, within 50 ms', async () => {
    const publisher = await connectedClient();
    const subscriber = await connectedClient();
    const sending = await openChannel(publisher, { location: 'local', dataChannelName: 'ticks' });
    const receiving = await openChannel(subscriber, remoteOf(publisher, 'ticks'));
    // One message end to end first: the first send over a new path pays one-off costs (werift's
    // send path compiling, on a loaded 2-core machine tens of ms) that are not the hold-back of
    // issue 9 this test is about, which came a second after the channel opened.
    sending.channel.send('ready');
    await waitFor(() => receiving.received.length === 1, { what: 'the first message' });
    receiving.received.length = 0;
    const sentAt: number[] = [];
    const latencies: number[] = [];
    receiving.channel.addEventListener('message', (event) => {
      const index = Number(event.data);
      latencies[index] = performance.now() - sentAt[index];
    });

    for (let index = 0; index < 10; index++) {
      // Pacing, not waiting: the hold-back of issue 9 showed only with messages spread out in time.
      if (index > 0) await new Promise((resolve) => setTimeout(resolve, 500));
      sentAt[index] = performance.now();
      sending.channel.send(String(index));
    }
    await waitFor(() => receiving.received.length === 10, { what: 'all ten messages' });

    console.log(`one-way data-channel latencies (ms): ${latencies.map((ms) => ms.toFixed(1)).join(' ')}`);
    expect(receiving.received).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const [index, ms] of latencies.entries()) {
      expect(ms, `message ${index} took ${ms.toFixed(1)} ms`).to.be.below(MAX_ONE_WAY_MS);
    }
  });

  for (const policy of [
    { ordered: false, maxRetransmits: 0 },
    { ordered: true, maxPacketLifeTime: 500 },
  ]) {
    it(`accepts ${JSON.stringify(policy)} and delivers with it`, async () => {
      const publisher = await connectedClient();
      const subscriber = await connectedClient();
      const sending = await openChannel(
        publisher,
        { location: 'local', dataChannelName: 'lossy', ...policy },
        policy,
      );
      const receiving = await openChannel(subscriber, remoteOf(publisher, 'lossy', policy), policy);

      for (const text of ['a', 'b', 'c']) sending.channel.send(text);
      await waitFor(() => receiving.received.length === 3, { what: 'three messages' });
      expect([...receiving.received].sort()).to.deep.equal(['a', 'b', 'c']);
      const { dataChannels } = await sfuSession(suite.sfu, subscriber.sessionId);
      expect(
        dataChannels.find((channel: { dataChannelName: string }) => channel.dataChannelName === 'lossy'),
      ).to.include({ location: 'remote', status: 'active', sessionId: publisher.sessionId });
    });
  }

  it('waitForAck holds delivery until the subscriber’s first message, which is not forwarded', async () => {
    const publisher = await connectedClient();
    const subscriber = await connectedClient();
    const sending = await openChannel(publisher, { location: 'local', dataChannelName: 'gated' });
    const ungated = await openChannel(subscriber, remoteOf(publisher, 'gated'));
    const gated = await openChannel(subscriber, remoteOf(publisher, 'gated', { waitForAck: true }));

    sending.channel.send('before-ack');
    await waitFor(() => ungated.received.length === 1, {
      what: 'the ungated subscriber to get the first message',
    });
    gated.channel.send('ack');
    await waitFor(
      async () => {
        const { dataChannels } = await sfuSession(suite.sfu, subscriber.sessionId);
        return dataChannels.find((channel: { id: number }) => channel.id === gated.channel.id)?.acknowledged;
      },
      { what: 'the SFU to take the acknowledgment' },
    );
    sending.channel.send('after-ack');
    await waitFor(() => gated.received.length === 1 && ungated.received.length === 2, {
      what: 'both subscribers to get the second message',
    });

    // The channel is ordered: had the first message been forwarded to the gated subscriber, it
    // would have arrived before the second.
    expect(gated.received).to.deep.equal(['after-ack']);
    expect(ungated.received).to.deep.equal(['before-ack', 'after-ack']);
    expect(sending.received).to.deep.equal([]);
  });

  it('waitForAck tears the channel down when no acknowledgment comes within 15 s', async () => {
    const publisher = await connectedClient();
    const subscriber = await connectedClient();
    await openChannel(publisher, { location: 'local', dataChannelName: 'never-acked' });
    const gated = await openChannel(subscriber, remoteOf(publisher, 'never-acked', { waitForAck: true }));
    const before = await sfuSession(suite.sfu, subscriber.sessionId);
    expect(before.dataChannels.find((channel: { id: number }) => channel.id === gated.channel.id)).to.include(
      {
        waitForAck: true,
        acknowledged: false,
      },
    );

    await waitFor(() => gated.channel.readyState === 'closed', {
      timeout: 30_000,
      what: 'the SFU to close the unacknowledged channel',
    });
    const { dataChannels } = await sfuSession(suite.sfu, subscriber.sessionId);
    expect(dataChannels.map((channel: { id: number }) => channel.id)).not.to.include(gated.channel.id);
  });

  it('canReply: one subscriber’s messages reach the publisher, another’s do not', async () => {
    const publisher = await connectedClient();
    const replier = await connectedClient();
    const listener = await connectedClient();
    const sending = await openChannel(publisher, { location: 'local', dataChannelName: 'qa' });
    const replying = await openChannel(replier, remoteOf(publisher, 'qa', { canReply: true }));
    const listening = await openChannel(listener, remoteOf(publisher, 'qa'));

    sending.channel.send('question');
    await waitFor(() => replying.received.length === 1 && listening.received.length === 1, {
      what: 'both subscribers to get the question',
    });
    listening.channel.send('from-the-listener');
    replying.channel.send('answer');
    await waitFor(() => sending.received.length === 1, { what: 'the publisher to get the answer' });
    expect(sending.received).to.deep.equal(['answer']);
    expect(listening.received).to.deep.equal(['question']);

    // Only one subscriber of a channel may reply at a time.
    const second = await newChannels(suite.sfu, listener.sessionId, [
      remoteOf(publisher, 'qa', { canReply: true }),
    ]);
    expect(second.status).to.equal(200);
    expect(second.body.dataChannels[0]).to.include({ errorCode: 'invalid_params' });
    expect(second.body.dataChannels[0].id).to.equal(undefined);
  });

  it('waitForAck with canReply: the acknowledgment is consumed, later messages are replies', async () => {
    const publisher = await connectedClient();
    const subscriber = await connectedClient();
    const sending = await openChannel(publisher, { location: 'local', dataChannelName: 'gated-qa' });
    const replying = await openChannel(
      subscriber,
      remoteOf(publisher, 'gated-qa', { waitForAck: true, canReply: true }),
    );

    replying.channel.send('ack');
    replying.channel.send('reply');
    await waitFor(() => sending.received.length === 1, { what: 'the publisher to get the reply' });
    expect(sending.received).to.deep.equal(['reply']);
    sending.channel.send('hello');
    await waitFor(() => replying.received.length === 1, { what: 'the subscriber to get the message' });
    expect(replying.received).to.deep.equal(['hello']);
  });

  it('answers invalid option combinations with a Calls errorCode', async () => {
    const publisher = await connectedClient();
    const refusals: ChannelRequest[] = [
      { location: 'local', dataChannelName: 'both-limits', maxRetransmits: 1, maxPacketLifeTime: 100 },
      { location: 'local', dataChannelName: 'local-reply', canReply: true },
      { ...remoteOf(publisher, 'typo'), waitForAck: 'yes' as unknown as boolean },
      { location: 'remote', dataChannelName: 'no-publisher' },
    ];
    for (const request of refusals) {
      const { status, body } = await newChannels(suite.sfu, publisher.sessionId, [request]);
      expect(status, JSON.stringify(request)).to.equal(406);
      expect(body.errorCode).to.equal('invalid_params');
      expect(body.errorDescription).to.be.a('string').and.not.equal('');
    }
    const missing = await newChannels(suite.sfu, publisher.sessionId, [remoteOf(publisher, 'not-published')]);
    expect(missing.status).to.equal(200);
    expect(missing.body.dataChannels[0]).to.include({ errorCode: 'not_found_track_error' });
    const { dataChannels } = await sfuSession(suite.sfu, publisher.sessionId);
    expect(dataChannels.map((channel: { dataChannelName: string }) => channel.dataChannelName)).to.deep.equal(
      ['server-events'],
    );
  });
});
