// Attacks a web page the developer visits can try on `calls-elements dev` running on their machine:
// DNS rebinding (a page on evil.example whose name now resolves to 127.0.0.1), cross-site
// requests and sockets, and the embedded SFU's own port. All refused.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { PresenceClient as CorePresenceClient } from '../../src/core/presence-client.js';
import { type RunningDevServer, startDevServer } from '../../src/dev/dev-server.js';
import { runRawProbe } from './helpers/hostile-probes.js';
import { PresenceClient } from './helpers/server-harness.js';

/** A raw request with the given Host (fetch always sends the URL's own), answered status and body. */
async function withHost(
  port: number,
  host: string,
  path: string,
  extra = '',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(received)?.[1] ?? -1);
      const body = received.slice(end + 4);
      if (length >= 0 && body.length < length) return;
      if (length < 0 && !body.endsWith('0\r\n\r\n')) return;
      socket.destroy();
      resolve({ status: Number(received.slice(9, 12)), body });
    });
    socket.on('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${extra}\r\n`);
  });
}

describe('attacks on calls-elements dev', { timeout: 60_000 }, () => {
  let dev: RunningDevServer;
  let port: number;
  let alice: PresenceClient;
  let aliceSession: string;

  before(async () => {
    dev = await startDevServer({ port: 0, logLevel: 'silent', allowOrigins: ['http://app.test:5173'] });
    port = Number(new URL(dev.url).port);
    alice = await PresenceClient.join(`${dev.endpoint.replace('http', 'ws')}/rooms/standup?name=Alice`);
    const created = await fetch(`${dev.endpoint}/partytracks/sessions/new`, {
      method: 'POST',
      headers: { 'X-Calls-Participant': alice.credential },
    });
    aliceSession = ((await created.json()) as { sessionId: string }).sessionId;
  });
  after(async () => {
    alice.close();
    await dev.stop();
  });

  test('DNS rebinding: a Host this server does not answer to is refused on every path', async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `localhost.evil.example:${port}`]) {
      for (const path of ['/', '/dist/calls-elements.min.js', '/calls/partytracks/generate-ice-servers']) {
        const answer = await withHost(port, host, path, `Origin: http://${host}\r\n`);
        assert.equal(answer.status, 403, `${host}${path}`);
        assert.match(answer.body, /"errorCode":"host_not_allowed"/);
      }
      const upgrade = await withHost(
        port,
        host,
        '/calls/rooms/standup',
        'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: calls-presence.v1\r\n',
      );
      assert.equal(upgrade.status, 403);
    }
    // Loopback names, IP literals and the allowed origin's host name still work.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'app.test:5173']) {
      assert.equal((await withHost(port, host, '/calls/partytracks/generate-ice-servers')).status, 200, host);
    }
  });

  test('a cross-site page can neither call the proxy nor join over a socket', async () => {
    const proxied = await fetch(`${dev.endpoint}/partytracks/sessions/${aliceSession}`, {
      headers: { 'X-Calls-Participant': alice.credential, Origin: 'https://evil.example' },
    });
    assert.equal(proxied.status, 403);
    assert.equal(
      proxied.headers.get('access-control-allow-origin'),
      null,
      'nothing a browser would let the page read',
    );
    const socket = PresenceClient.open(`${dev.endpoint.replace('http', 'ws')}/rooms/standup`, {
      origin: 'https://evil.example',
    });
    assert.deepEqual(await socket.closed, { code: 4403, reason: 'origin_not_allowed' });
    const allowed = await PresenceClient.join(`${dev.endpoint.replace('http', 'ws')}/rooms/standup`, {
      origin: 'http://app.test:5173',
    });
    allowed.close();
  });

  test("the embedded SFU's port gives nothing to a page that does not hold the per-run secret", async () => {
    const sfu = dev.sfu;
    assert.ok(sfu);
    for (const authorization of ['Bearer local-secret', '', 'Bearer ']) {
      const read: Response = await fetch(`${sfu.apiBaseUrl}/apps/${sfu.appId}/sessions/${aliceSession}`, {
        headers: { authorization, origin: 'https://evil.example' },
      });
      assert.equal(read.status, 401);
      const closed: Response = await fetch(
        `${sfu.apiBaseUrl}/apps/${sfu.appId}/sessions/${aliceSession}/tracks/close`,
        {
          method: 'PUT',
          headers: { authorization, origin: 'https://evil.example' },
          body: JSON.stringify({ tracks: [{ mid: '0' }], force: true }),
        },
      );
      assert.equal(closed.status, 401);
    }
    // The proxy never hands the secret out: nothing it serves contains it.
    for (const path of ['/', '/dist/calls-elements.min.js', '/calls/partytracks/generate-ice-servers']) {
      const text = await (await fetch(`${dev.url}${path}`)).text();
      assert.ok(!text.includes(sfu.appSecret), path);
    }
    assert.equal(await runRawProbe(sfu.port, 'GET //[ HTTP/1.1\r\nHost: x\r\n\r\n'), null);
  });

  test('a socket from a refused origin leaves no trace in the room', async () => {
    const before = alice.messages.length;
    const socket = new WebSocket(
      `${dev.endpoint.replace('http', 'ws')}/rooms/standup?name=Eve`,
      ['calls-presence.v1'],
      {
        headers: { Origin: 'null' },
      },
    );
    await new Promise((resolve) => socket.once('close', resolve));
    await alice.roomState();
    assert.deepEqual(alice.since(before, 'participant-joined'), []);
  });

  test("the widget's room core reports a refused origin as origin_not_allowed, saying what to configure", async () => {
    // The core's socket as a page on evil.example opens it: `ws` with that page's Origin.
    const globals = globalThis as { WebSocket?: unknown };
    const previous = globals.WebSocket;
    globals.WebSocket = class extends WebSocket {
      constructor(url: string, protocols: string[]) {
        super(url, protocols, { origin: 'https://evil.example' });
      }
    };
    try {
      const presence = new CorePresenceClient({
        endpoint: dev.endpoint,
        room: 'standup',
        getToken: async () => undefined,
      });
      await assert.rejects(presence.connect(), (error: { code?: string; message?: string }) => {
        assert.equal(error.code, 'origin_not_allowed');
        assert.match(error.message ?? '', /allowedOrigins.*--allow-origin https:\/\/evil\.example/);
        return true;
      });
    } finally {
      globals.WebSocket = previous;
    }
  });
});
