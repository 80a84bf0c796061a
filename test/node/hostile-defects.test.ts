// One test per defect the security review found (issue 10), each against the real server it was
// found on. Every error must arrive as Calls-style JSON, in time, and leave the server serving.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RTCPeerConnection } from 'werift';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import { serveStaticFiles } from '../../src/dev/static-files.js';
import { serveNode } from '../../src/server/adapters/node.js';
import { createCallsHandler } from '../../src/server/index.js';
import { gatheringComplete } from '../../src/sfu/peer.js';
import { ANSWER_DEADLINE_MS, runHttpProbe, runRawProbe } from './helpers/hostile-probes.js';
import { proxyCall, roomUrl } from './helpers/live-call.js';
import { PresenceClient } from './helpers/server-harness.js';
import { TestPeer } from './helpers/sfu-api.js';

const offerOf = (sdp: string) => JSON.stringify({ sessionDescription: { type: 'offer', sdp } });

/** A raw HTTP exchange: every answer on one connection, for keep-alive checks. */
function exchange(port: number, bytes: string, answers: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    {
      const socket = connect(port, '127.0.0.1');
      let received = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`only got ${JSON.stringify(received.slice(0, 300))}`));
      }, 10_000);
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString();
        const statuses = received.match(/HTTP\/1\.1 \d{3}/g) ?? [];
        if (statuses.length >= answers && /\}(\r\n0\r\n\r\n)?$/.test(received)) {
          clearTimeout(timer);
          socket.destroy();
          resolve(statuses);
        }
      });
      socket.on('error', reject);
      socket.write(bytes);
    }
  });
}

describe('defects from the security review', { timeout: 90_000 }, () => {
  let dev: RunningDevServer;
  let sfuPort: number;
  let sfuBase: string;
  let auth: Record<string, string>;
  let devPort: number;
  let realOffer: string;
  const peer = new TestPeer();

  before(async () => {
    dev = await startDevServer({ port: 0, logLevel: 'silent' });
    const sfu = dev.sfu;
    assert.ok(sfu);
    sfuPort = sfu.port;
    sfuBase = `${sfu.apiBaseUrl}/apps/${sfu.appId}`;
    auth = { authorization: `Bearer ${sfu.appSecret}` };
    devPort = Number(new URL(dev.url).port);
    realOffer = (await peer.offerSending(['audio'])).sdp;
  });
  after(async () => {
    await peer.close();
    await dev.stop();
  });

  async function stillServing() {
    assert.equal((await fetch(`${sfuBase}/sessions/new`, { method: 'POST', headers: auth })).status, 201);
    assert.equal((await fetch(`${dev.endpoint}/partytracks/generate-ice-servers`)).status, 200);
  }

  test('an unparsable request target answers 404 JSON and the SFU keeps serving', async () => {
    for (const target of ['//[', '//a:99999/x', '//%00/x']) {
      assert.equal(await runRawProbe(sfuPort, `GET ${target} HTTP/1.1\r\nHost: x\r\n\r\n`), null, target);
    }
    await stillServing();
  });

  test('a Host with a space or a bracket, or an upgrade with TRACE, answers 400 JSON on the backend', async () => {
    for (const head of [
      `GET /calls/partytracks/generate-ice-servers HTTP/1.1\r\nHost: evil host\r\n\r\n`,
      `GET /calls/partytracks/generate-ice-servers HTTP/1.1\r\nHost: [\r\n\r\n`,
      `TRACE /calls/rooms/a HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`,
      `GET /calls/rooms/a HTTP/1.1\r\nHost: evil host\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`,
    ]) {
      assert.equal(await runRawProbe(devPort, head), null, head);
    }
    await stillServing();
  });

  test('sessions/new with garbage, v=0 only, random bytes, 400 kB or duplicate keys answers in time (SFU and proxy)', async () => {
    const alice = await PresenceClient.join(roomUrl(dev, 'garbage', 'Alice'));
    const sessionsBefore = dev.sfu?.sessionCount;
    try {
      const bodies = [
        offerOf('garbage'),
        offerOf('v=0'),
        offerOf(String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 37) % 256))),
        offerOf('v=0\r\n'.padEnd(400_000, 'a')),
        `{"sessionDescription":{"type":"offer","sdp":"v=0"},"sessionDescription":{"type":"offer","sdp":"v=0\\r\\ns=-\\r\\n"}}`,
      ];
      for (const body of bodies) {
        const sfu = await fetch(`${sfuBase}/sessions/new`, {
          method: 'POST',
          headers: auth,
          body,
          signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
        });
        assert.equal(sfu.status, 400, body.slice(0, 60));
        assert.equal(((await sfu.json()) as { errorCode: string }).errorCode, 'invalid_session_description');
        const proxied = await runHttpProbe({
          label: 'proxy',
          method: 'POST',
          url: `${dev.endpoint}/partytracks/sessions/new`,
          headers: { 'X-Calls-Participant': alice.credential },
          body,
        });
        assert.equal(proxied, null, body.slice(0, 60));
      }
      assert.equal(dev.sfu?.sessionCount, sessionsBefore, 'no refused offer left a session behind');
    } finally {
      alice.close();
    }
  });

  test('an offer with 500 m-sections is refused before werift works on it', async () => {
    const lines = realOffer.split('\r\n');
    const start = lines.findIndex((line) => line.startsWith('m='));
    // Small m-sections, so the count is what is refused (the 500 m-lines were 164 kB).
    const sections = Array.from({ length: 500 }, (_, mid) => [
      'm=audio 9 UDP/TLS/RTP/SAVPF 111',
      'c=IN IP4 0.0.0.0',
      `a=mid:${mid}`,
      'a=sendonly',
      'a=rtpmap:111 opus/48000/2',
    ]);
    const huge = [...lines.slice(0, start), ...sections.flat(), ''].join('\r\n');
    const answer = await fetch(`${sfuBase}/sessions/new`, {
      method: 'POST',
      headers: auth,
      body: offerOf(huge),
      signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
    });
    assert.equal(answer.status, 400);
    assert.match(((await answer.json()) as { errorDescription: string }).errorDescription, /500 m-sections/);
  });

  test('ten 351 kB offers retain nothing; a participant cannot pile up sessions through the proxy', async () => {
    const big = `${realOffer}${'a=x-padding:'.padEnd(351_000, 'p')}\r\n`;
    const sessionsBefore = dev.sfu?.sessionCount;
    for (let i = 0; i < 10; i++) {
      const answer = await fetch(`${sfuBase}/sessions/new`, {
        method: 'POST',
        headers: auth,
        body: offerOf(big),
      });
      assert.equal(answer.status, 400);
    }
    assert.equal(dev.sfu?.sessionCount, sessionsBefore);
    const mallory = await PresenceClient.join(roomUrl(dev, 'pile', 'Mallory'));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await proxyCall(dev, mallory.credential, 'POST', '/sessions/new')).status);
      assert.deepEqual(statuses, [...Array(10).fill(201), 429, 429]);
      const refused = await proxyCall(dev, mallory.credential, 'POST', '/sessions/new');
      assert.equal(refused.body.errorCode, 'too_many_sessions');
    } finally {
      mallory.close();
    }
  });

  test('an offer with no media section is answered at once; ICE gathering and the upstream fetch are time-bound', async () => {
    const noMedia = realOffer.slice(0, realOffer.indexOf('m='));
    const answer = await fetch(`${sfuBase}/sessions/new`, {
      method: 'POST',
      headers: auth,
      body: offerOf(noMedia),
      signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
    });
    assert.equal(answer.status, 400);

    // A peer connection with nothing to gather for never completes: the wait ends with an error.
    const idle = new RTCPeerConnection();
    await assert.rejects(gatheringComplete(idle, 100), { errorCode: 'invalid_session_description' });
    await idle.close();

    // A Calls API that accepts the connection and never answers.
    const silent = createServer(() => {});
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const handler = createCallsHandler({
      appId: 'a',
      appSecret: 's',
      anonymous: true,
      realtimeApiBaseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v1`,
      limits: { upstreamTimeoutMs: 300 },
      onError: () => {},
    });
    const backend = await serveNode(handler);
    try {
      const carol = await PresenceClient.join(`${backend.url.replace('http', 'ws')}/calls/rooms/slow`);
      const response = await fetch(`${backend.url}/calls/partytracks/sessions/new`, {
        method: 'POST',
        headers: { 'X-Calls-Participant': carol.credential },
      });
      assert.equal(response.status, 504);
      assert.equal(((await response.json()) as { errorCode: string }).errorCode, 'upstream_timeout');
      carol.close();
    } finally {
      await backend.stop();
      await handler.close();
      silent.closeAllConnections();
      silent.close();
    }
  });

  test('after a 413 the client reads the JSON and the keep-alive connection answers the next request', async () => {
    const sfuSecret = dev.sfu?.appSecret;
    const six = 6 * 1024 * 1024;
    const sfuAnswers = await exchange(
      sfuPort,
      `POST /v1/apps/local-app/sessions/new HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${sfuSecret}\r\nContent-Length: ${six}\r\n\r\n${'x'.repeat(six)}` +
        `GET /v1/apps/local-app/sessions/${'0'.repeat(32)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${sfuSecret}\r\n\r\n`,
      2,
    );
    assert.deepEqual(sfuAnswers, ['HTTP/1.1 413', 'HTTP/1.1 410']);
    const big = 600 * 1024;
    const proxyAnswers = await exchange(
      devPort,
      `POST /calls/partytracks/sessions/new HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Calls-Participant: v1.a.b\r\nContent-Length: ${big}\r\n\r\n${'x'.repeat(big)}` +
        `GET /calls/partytracks/generate-ice-servers HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
      2,
    );
    assert.equal(proxyAnswers.length, 2);
    const fetched = await fetch(`${sfuBase}/sessions/new`, {
      method: 'POST',
      headers: auth,
      body: 'x'.repeat(six),
    });
    assert.equal(fetched.status, 413);
    assert.equal(((await fetched.json()) as { errorCode: string }).errorCode, 'payload_too_large');
  });

  test('a bad percent-escape in a file path is 404 JSON; a handshake refusal outside the endpoint is JSON', async () => {
    const root = await mkdtemp(join(tmpdir(), 'calls-static-'));
    await writeFile(join(root, 'index.html'), 'demo');
    const serve = serveStaticFiles([{ prefix: '/', root }]);
    const escaped = await serve(new Request('http://local.test/%E0%A4%A'));
    assert.equal(escaped.status, 404);
    assert.equal(((await escaped.json()) as { errorCode: string }).errorCode, 'not_found');
    const upgrade = `GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
    assert.equal(await runRawProbe(devPort, upgrade), null);
    assert.equal(
      await runRawProbe(
        devPort,
        upgrade
          .replace('Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Key: x')
          .replace('/elsewhere', '/calls/rooms/a'),
      ),
      null,
    );
  });

  test('the embedded SFU has a secret of its own per run, and /dist serves the browser bundle only', async () => {
    const secret = dev.sfu?.appSecret ?? '';
    assert.notEqual(secret, 'local-secret');
    assert.ok(secret.length >= 24);
    const other = await startDevServer({ port: 0, logLevel: 'silent' });
    try {
      assert.notEqual(other.sfu?.appSecret, secret);
    } finally {
      await other.stop();
    }
    const withPublicSecret = await fetch(`${sfuBase}/sessions/new`, {
      method: 'POST',
      headers: { authorization: 'Bearer local-secret' },
    });
    assert.equal(withPublicSecret.status, 401);

    const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
    assert.ok(
      existsSync(join(dist, 'cli.js')) && existsSync(join(dist, 'calls-elements.min.js')),
      'run npm run build first',
    );
    for (const serverFile of ['cli.js', 'sfu/index.js', 'server/index.js', 'dev/dev-server.js']) {
      assert.equal((await fetch(`${dev.url}/dist/${serverFile}`)).status, 404, serverFile);
    }
    assert.equal((await fetch(`${dev.url}/dist/calls-elements.min.js`)).status, 200);
    // The language chunks the bundle loads from next to itself are served too.
    assert.equal((await fetch(`${dev.url}/dist/calls-elements.he.min.js`)).status, 200);
    assert.equal((await fetch(`${dev.url}/dist/calls-elements.pt-BR.min.js`)).status, 200);
    assert.equal((await fetch(`${dev.url}/`)).status, 200);
  });
});
