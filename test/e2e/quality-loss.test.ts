// The quality indicators follow real packet loss: Ada's media goes through a UDP relay that drops a
// share of what she sends. Bob's tile for her turns poor or bad, her own banner warns that her
// upload is lossy, and both recover when the loss stops. Nothing is mocked: the levels come from
// the peer connections' own statistics.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { type CallPage, openCallPage, waitForMutualVideo } from './helpers/call-pages.js';
import { useCallServer } from './helpers/call-server.js';
import { LossyRelay } from './helpers/lossy-relay.js';
import { deepFind } from './helpers/page-scripts.js';

interface Indicators {
  /** Bob's tile for Ada: its `quality` attribute. */
  adaOnBob: string | null;
  /** Ada's own tile (her upload). */
  adaSelf: string | null;
  /** What Ada's banner says. */
  adaBanner: string;
}

const readIndicators = `(() => {
  ${deepFind}
  const tiles = deepFind('calls-tile');
  const self = tiles.find((tile) => tile.shadowRoot?.querySelector('video.mirrored'));
  const other = tiles.find((tile) => tile !== self);
  const banner = deepFind('calls-connection-banner')[0];
  return {
    other: other?.getAttribute('quality') ?? null,
    self: self?.getAttribute('quality') ?? null,
    banner: banner?.shadowRoot?.querySelector('[part="base"]')?.textContent?.trim() ?? '',
  };
})()`;

async function indicators(ada: CallPage, bob: CallPage): Promise<Indicators> {
  const [onAda, onBob] = (await Promise.all([
    ada.page.evaluate(readIndicators),
    bob.page.evaluate(readIndicators),
  ])) as Array<{
    other: string | null;
    self: string | null;
    banner: string;
  }>;
  return { adaOnBob: onBob!.other, adaSelf: onAda!.self, adaBanner: onAda!.banner };
}

async function until(
  what: string,
  read: () => Promise<Indicators>,
  done: (value: Indicators) => boolean,
  timeoutMs: number,
): Promise<Indicators> {
  const started = Date.now();
  let last: Indicators | undefined;
  while (Date.now() - started < timeoutMs) {
    last = await read();
    if (done(last)) {
      console.log(`${what} after ${Date.now() - started} ms: ${JSON.stringify(last)}`);
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms; last ${JSON.stringify(last)}`);
}

const healthy = (quality: string | null) => quality === 'excellent' || quality === 'good';
const degraded = (quality: string | null) => quality === 'poor' || quality === 'bad' || quality === 'lost';

describe('quality indicators under injected loss', { timeout: 180_000 }, () => {
  const server = useCallServer();
  const relay = new LossyRelay();
  after(() => relay.close());

  it('Bob sees Ada degrade and Ada is warned while her upload loses 20 % of its packets', async () => {
    const room = `quality-${Date.now().toString(36)}`;
    const ada = await openCallPage(server.browser, server.dev.url, room, 'Ada', {
      beforeJoin: (page) => relay.attach(page),
    });
    const bob = await openCallPage(server.browser, server.dev.url, room, 'Bob');
    await waitForMutualVideo([ada, bob], Date.now(), 60_000);
    const read = () => indicators(ada, bob);

    await until(
      'healthy before the loss',
      read,
      (now) => healthy(now.adaOnBob) && healthy(now.adaSelf),
      30_000,
    );

    relay.uploadLoss = 0.2;
    const lossy = await until(
      'degraded under 20 % upload loss',
      read,
      (now) => degraded(now.adaOnBob) && degraded(now.adaSelf),
      30_000,
    );
    assert.ok(relay.dropped > 0, 'the relay dropped packets');
    assert.match(lossy.adaBanner, /unstable/);

    relay.uploadLoss = 0;
    const recovered = await until(
      'healthy again without loss',
      read,
      (now) => healthy(now.adaOnBob) && healthy(now.adaSelf),
      30_000,
    );
    assert.equal(recovered.adaBanner, '');
    console.log(`the relay dropped ${relay.dropped} of Ada's RTP packets`);
  });
});
