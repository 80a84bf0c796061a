// The Calls API proxy's own rules, against a real HTTP upstream that records what reached it.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { forEachBackend } from './helpers/backends.js';
import type { Backend, RecordingUpstream } from './helpers/server-harness.js';
import { PresenceClient, startRecordingUpstream, TEST_APP_SECRET } from './helpers/server-harness.js';

interface Caller {
  presence: PresenceClient;
  call(path: string, init?: RequestInit): Promise<Response>;
  newSession(): Promise<string>;
}

forEachBackend(({ startBackend }) => {
  describe('Calls proxy', { timeout: 15000 }, () => {
    let upstream: RecordingUpstream;
    let backend: Backend;
    before(async () => {
      upstream = await startRecordingUpstream();
      backend = await startBackend({
        apiBaseUrl: upstream.apiBaseUrl,
        limits: { maxHttpBodyBytes: 4096 },
        cors: { allowedOrigins: ['https://widget.example'] },
      });
    });
    after(async () => {
      await backend.stop();
      await upstream.stop();
    });

    async function caller(room: string): Promise<Caller> {
      const presence = await PresenceClient.join(backend.roomUrl(room));
      const call = (path: string, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        headers.set('X-Calls-Participant', presence.credential);
        return fetch(backend.proxyUrl(path), { ...init, headers });
      };
      return {
        presence,
        call,
        async newSession() {
          const response = await call('/sessions/new', { method: 'POST' });
          assert.equal(response.status, 201);
          return ((await response.json()) as { sessionId: string }).sessionId;
        },
      };
    }

    /** Runs `action` and returns what reached the upstream meanwhile. */
    async function upstreamDuring(action: () => Promise<void>) {
      const from = upstream.requests.length;
      await action();
      return upstream.requests.slice(from);
    }

    test('sessions/new is forwarded with the app secret and nothing of the browser’s credentials', async () => {
      const alice = await caller('forward');
      const reached = await upstreamDuring(async () => {
        const response = await fetch(backend.proxyUrl('/sessions/new?thirdparty=false'), {
          method: 'POST',
          headers: {
            'X-Calls-Participant': alice.presence.credential,
            Authorization: 'Bearer host-app-token',
            Cookie: 'session=secret-cookie',
          },
        });
        assert.equal(response.status, 201);
        assert.match(((await response.json()) as { sessionId: string }).sessionId, /^[0-9a-f]{32}$/);
      });
      assert.equal(reached.length, 1);
      const [request] = reached;
      assert.equal(request?.method, 'POST');
      assert.equal(request?.path, '/v1/apps/test-app/sessions/new?thirdparty=false');
      assert.equal(request?.headers.authorization, `Bearer ${TEST_APP_SECRET}`);
      assert.equal(request?.headers.cookie, undefined);
      assert.equal(request?.headers['x-calls-participant'], undefined);
      alice.presence.close();
    });

    test('no participant credential, a forged one, or one of a participant who left: 401, nothing forwarded', async () => {
      const alice = await caller('credentials');
      const credential = alice.presence.credential;
      const reached = await upstreamDuring(async () => {
        const missing = await fetch(backend.proxyUrl('/sessions/new'), { method: 'POST' });
        assert.equal(missing.status, 401);
        assert.deepEqual(await errorCode(missing), 'participant_required');

        const forged = await fetch(backend.proxyUrl('/sessions/new'), {
          method: 'POST',
          headers: { 'X-Calls-Participant': `${credential.slice(0, -4)}AAAA` },
        });
        assert.equal(forged.status, 401);
        assert.equal(await errorCode(forged), 'participant_invalid');

        alice.presence.send({ type: 'leave' });
        await alice.presence.closed;
        const gone = await fetch(backend.proxyUrl('/sessions/new'), {
          method: 'POST',
          headers: { 'X-Calls-Participant': credential },
        });
        assert.equal(gone.status, 401);
        assert.equal(await errorCode(gone), 'participant_gone');
      });
      assert.deepEqual(reached, []);
    });

    test('a session answers only to the participant that created it (403 session_not_owned)', async () => {
      const alice = await caller('locks');
      const mallory = await caller('locks');
      const aliceSession = await alice.newSession();
      const reached = await upstreamDuring(async () => {
        for (const [method, path] of [
          ['GET', ''],
          ['POST', '/tracks/new'],
          ['PUT', '/renegotiate'],
          ['PUT', '/tracks/close'],
          ['PUT', '/tracks/update'],
          ['POST', '/datachannels/establish'],
        ] as const) {
          const response = await mallory.call(`/sessions/${aliceSession}${path}`, {
            method,
            body: method === 'GET' ? undefined : '{}',
          });
          assert.equal(response.status, 403, `${method} ${path}`);
          assert.equal(await errorCode(response), 'session_not_owned');
        }
      });
      assert.deepEqual(reached, []);
      const own = await alice.call(`/sessions/${aliceSession}`);
      assert.equal(own.status, 200);
      alice.presence.close();
      mallory.presence.close();
    });

    test('a pull naming a session outside the caller’s room is refused (403 pull_outside_room)', async () => {
      const alice = await caller('room-one');
      const bob = await caller('room-one');
      const eve = await caller('room-two');
      const aliceSession = await alice.newSession();
      const bobSession = await bob.newSession();
      const eveSession = await eve.newSession();

      const pull = (sessionId: unknown, location = 'remote') =>
        eve.call(`/sessions/${eveSession}/tracks/new`, {
          method: 'POST',
          body: JSON.stringify({ tracks: [{ location, trackName: 'cam', sessionId }] }),
        });
      const reached = await upstreamDuring(async () => {
        for (const response of [await pull(aliceSession), await pull(aliceSession, 'local')]) {
          assert.equal(response.status, 403);
          assert.equal(await errorCode(response), 'pull_outside_room');
        }
        const update = await eve.call(`/sessions/${eveSession}/tracks/update`, {
          method: 'PUT',
          body: JSON.stringify({
            tracks: [{ mid: '1', sessionId: aliceSession, simulcast: { preferredRid: 'h' } }],
          }),
        });
        assert.equal(update.status, 403);
        const channel = await eve.call(`/sessions/${eveSession}/datachannels/new`, {
          method: 'POST',
          body: JSON.stringify({
            dataChannels: [{ location: 'remote', sessionId: aliceSession, dataChannelName: 'x' }],
          }),
        });
        assert.equal(channel.status, 403);
        const typed = await pull(['not', 'a', 'string']);
        assert.equal(typed.status, 400);
        assert.equal(await errorCode(typed), 'invalid_params');
      });
      assert.deepEqual(reached, []);

      const sameRoom = await upstreamDuring(async () => {
        const response = await bob.call(`/sessions/${bobSession}/tracks/new`, {
          method: 'POST',
          body: JSON.stringify({
            tracks: [{ location: 'remote', trackName: 'cam', sessionId: aliceSession }],
          }),
        });
        assert.equal(response.status, 200);
      });
      assert.equal(sameRoom.length, 1);
      assert.equal(sameRoom[0]?.path, `/v1/apps/test-app/sessions/${bobSession}/tracks/new`);
      assert.deepEqual(JSON.parse(sameRoom[0]?.body ?? ''), {
        tracks: [{ location: 'remote', trackName: 'cam', sessionId: aliceSession }],
      });
      for (const c of [alice, bob, eve]) c.presence.close();
    });

    test('a participant announces in presence only sessions it created through the proxy', async () => {
      const alice = await caller('announce');
      const bob = await caller('announce');
      const aliceSession = await alice.newSession();
      const bobSession = await bob.newSession();
      const ok = await alice.presence.request({
        type: 'update',
        patch: { sessionId: aliceSession, tracks: { video: { sessionId: aliceSession, trackName: 'cam' } } },
      });
      assert.equal(ok.type, 'ack');
      const seen = await bob.presence.next(
        'participant-updated',
        (m) => (m.participant as { sessionId: string }).sessionId === aliceSession,
      );
      assert.deepEqual((seen.participant as { tracks: { video: unknown } }).tracks.video, {
        sessionId: aliceSession,
        trackName: 'cam',
      });
      const stolen = await alice.presence.request({ type: 'update', patch: { sessionId: bobSession } });
      assert.equal(stolen.code, 'session_not_owned');
      alice.presence.close();
      bob.presence.close();
    });

    test('bodies: too large is 413, not JSON is 400 decoding_error; neither is forwarded', async () => {
      const alice = await caller('bodies');
      const session = await alice.newSession();
      const reached = await upstreamDuring(async () => {
        const large = await alice.call(`/sessions/${session}/tracks/new`, {
          method: 'POST',
          body: 'x'.repeat(5000),
        });
        assert.equal(large.status, 413);
        assert.equal(await errorCode(large), 'payload_too_large');
        const garbled = await alice.call(`/sessions/${session}/renegotiate`, {
          method: 'PUT',
          body: '{"session',
        });
        assert.equal(garbled.status, 400);
        assert.equal(await errorCode(garbled), 'decoding_error');
      });
      assert.deepEqual(reached, []);
      alice.presence.close();
    });

    test('only Calls API routes are forwarded: others are 404, a wrong method is 405', async () => {
      const alice = await caller('routes');
      const session = await alice.newSession();
      const reached = await upstreamDuring(async () => {
        const unknown = await alice.call('/apps/other/sessions/new', { method: 'POST' });
        assert.equal(unknown.status, 404);
        assert.equal(await errorCode(unknown), 'not_found');
        const traversal = await alice.call(`/sessions/${session}/../../turn/keys`, { method: 'POST' });
        assert.equal(traversal.status, 404);
        const wrongMethod = await alice.call(`/sessions/${session}/renegotiate`, {
          method: 'POST',
          body: '{}',
        });
        assert.equal(wrongMethod.status, 405);
        assert.equal(wrongMethod.headers.get('allow'), 'PUT');
      });
      assert.deepEqual(reached, []);
      alice.presence.close();
    });

    test('CORS: an allowed origin gets a preflight answer and readable responses; others get 403', async () => {
      const preflight = await fetch(backend.proxyUrl('/sessions/new'), {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://widget.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, x-calls-participant, content-type',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://widget.example');
      const allowedHeaders = preflight.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
      for (const header of ['authorization', 'x-calls-participant', 'content-type']) {
        assert.ok(allowedHeaders.includes(header), header);
      }
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);

      const ice = await fetch(backend.proxyUrl('/generate-ice-servers'), {
        headers: { Origin: 'https://widget.example' },
      });
      assert.equal(ice.headers.get('access-control-allow-origin'), 'https://widget.example');

      const evil = await fetch(backend.proxyUrl('/sessions/new'), {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(evil.status, 403);
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      const evilPost = await fetch(backend.proxyUrl('/sessions/new'), {
        method: 'POST',
        headers: { Origin: 'https://evil.example' },
      });
      assert.equal(evilPost.status, 403);
      assert.equal(await errorCode(evilPost), 'origin_not_allowed');
    });

    test('generate-ice-servers answers Cloudflare STUN by default, and the welcome carries the same list', async () => {
      const response = await fetch(backend.proxyUrl('/generate-ice-servers'));
      assert.equal(response.status, 200);
      const stun = [{ urls: ['stun:stun.cloudflare.com:3478'] }];
      assert.deepEqual(await response.json(), { iceServers: stun });
      const alice = await PresenceClient.join(backend.roomUrl('ice'));
      assert.deepEqual(alice.welcome.iceServers, stun);
      alice.close();
    });
  });

  describe('Calls proxy: ICE servers and upstream faults', { timeout: 15000 }, () => {
    test('configured ICE servers are answered as given (an empty list for local development)', async () => {
      const backend = await startBackend({ iceServers: [] });
      try {
        const response = await fetch(backend.proxyUrl('/generate-ice-servers'));
        assert.deepEqual(await response.json(), { iceServers: [] });
        const alice = await PresenceClient.join(backend.roomUrl('local'));
        assert.deepEqual(alice.welcome.iceServers, []);
        alice.close();
      } finally {
        await backend.stop();
      }
    });

    test('with a TURN key, participants get credentials from the TURN key API; strangers get 401', async () => {
      const turnApi = await startRecordingUpstream(() => ({
        status: 201,
        body: { iceServers: [{ urls: ['turn:turn.example:3478'], username: 'u', credential: 'c' }] },
      }));
      const backend = await startBackend({
        turn: { keyId: 'key-1', apiToken: 'turn-token', ttlSeconds: 600, apiBaseUrl: turnApi.apiBaseUrl },
      });
      try {
        const stranger = await fetch(backend.proxyUrl('/generate-ice-servers'));
        assert.equal(stranger.status, 401);
        assert.equal(turnApi.requests.length, 0);

        const alice = await PresenceClient.join(backend.roomUrl('turn'));
        // TURN credentials are generated per request, for participants only: never in the welcome.
        assert.equal('iceServers' in alice.welcome, false);
        const response = await fetch(backend.proxyUrl('/generate-ice-servers'), {
          headers: { 'X-Calls-Participant': alice.credential },
        });
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), {
          iceServers: [{ urls: ['turn:turn.example:3478'], username: 'u', credential: 'c' }],
        });
        const [request] = turnApi.requests;
        assert.equal(request?.method, 'POST');
        assert.equal(request?.path, '/v1/turn/keys/key-1/credentials/generate-ice-servers');
        assert.equal(request?.headers.authorization, 'Bearer turn-token');
        assert.deepEqual(JSON.parse(request?.body ?? ''), { ttl: 600 });
        alice.close();
      } finally {
        await backend.stop();
        await turnApi.stop();
      }
    });

    test('an unreachable Calls API is a 502 upstream_unreachable, not a crash', async () => {
      const closed = createServer();
      closed.listen(0, '127.0.0.1');
      await once(closed, 'listening');
      const { port } = closed.address() as AddressInfo;
      await new Promise((resolve) => closed.close(resolve));
      const backend = await startBackend({ apiBaseUrl: `http://127.0.0.1:${port}/v1` });
      try {
        const alice = await PresenceClient.join(backend.roomUrl('down'));
        const response = await fetch(backend.proxyUrl('/sessions/new'), {
          method: 'POST',
          headers: { 'X-Calls-Participant': alice.credential },
        });
        assert.equal(response.status, 502);
        assert.equal(await errorCode(response), 'upstream_unreachable');
        assert.equal((await alice.request({ type: 'ping' })).type, 'pong');
        alice.close();
      } finally {
        await backend.stop();
      }
    });
  });
});

async function errorCode(response: Response): Promise<unknown> {
  const body = (await response.json()) as { errorCode?: unknown; errorDescription?: unknown };
  assert.equal(typeof body.errorDescription, 'string');
  return body.errorCode;
}
