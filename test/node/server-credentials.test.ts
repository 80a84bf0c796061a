// Participant credentials: who may resume whom, renewal and expiry, and a hook that fails closed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serveNode } from '../../src/server/adapters/node.js';
import { createCallsHandler } from '../../src/server/index.js';
import { forEachBackend } from './helpers/backends.js';
import { PresenceClient, startRecordingUpstream } from './helpers/server-harness.js';

forEachBackend(({ startBackend }) => {
  describe('participant credentials', { timeout: 15000 }, () => {
    test('a stolen credential does not let another user take over the participant', async () => {
      const backend = await startBackend({ authorize: 'userPrefixed' });
      try {
        const victim = await PresenceClient.join(backend.roomUrl('heist'), { token: 'user-victim' });
        const thief = await PresenceClient.join(backend.roomUrl('heist'), {
          token: 'user-thief',
          resume: victim.credential,
        });
        assert.equal(thief.welcome.resumed, false);
        assert.notEqual(thief.participantId, victim.participantId);
        const state = await victim.roomState();
        assert.deepEqual(state.map((p) => p.userId).sort(), ['user-thief', 'user-victim']);
        assert.equal(victim.socket.readyState, victim.socket.OPEN);
        assert.ok(!victim.messages.some((m) => m.type === 'error'));
        victim.close();
        thief.close();
      } finally {
        await backend.stop();
      }
    });

    test('an authorize hook that throws refuses the join (4401) and the server keeps serving', async () => {
      const backend = await startBackend({ authorize: 'userPrefixed' });
      try {
        const refused = PresenceClient.open(backend.roomUrl('flaky'), { token: 'explode' });
        assert.equal((await refused.closed).code, 4401);
        assert.equal(refused.messages.find((m) => m.type === 'error')?.code, 'unauthorized');
        const fine = await PresenceClient.join(backend.roomUrl('flaky'), { token: 'user-fine' });
        assert.equal((await fine.request({ type: 'ping' })).type, 'pong');
        fine.close();
      } finally {
        await backend.stop();
      }
    });

    test('credentials are renewed over the socket before they expire; an expired one is refused', async () => {
      const upstream = await startRecordingUpstream();
      const backend = await startBackend({ apiBaseUrl: upstream.apiBaseUrl, credentialTtlSeconds: 0.4 });
      const newSession = (credential: string) =>
        fetch(backend.proxyUrl('/sessions/new'), {
          method: 'POST',
          headers: { 'X-Calls-Participant': credential },
        });
      try {
        const client = await PresenceClient.join(backend.roomUrl('renewal'));
        const first = client.credential;
        const firstRenewal = await client.next('credential');
        assert.notEqual(firstRenewal.credential, first);
        assert.ok(
          (firstRenewal.credentialExpiresAt as number) > (client.welcome.credentialExpiresAt as number),
        );
        // The next renewal only happens once the first credential's lifetime is over.
        const messagesSoFar = client.messages.length;
        const secondRenewal = await client.next('credential', () => true, messagesSoFar);
        const expired = await newSession(first);
        assert.equal(expired.status, 401);
        assert.equal(((await expired.json()) as { errorCode: string }).errorCode, 'participant_invalid');
        assert.equal((await newSession(secondRenewal.credential as string)).status, 201);
        client.close();
      } finally {
        await backend.stop();
        await upstream.stop();
      }
    });
  });

  describe('routing', { timeout: 15000 }, () => {
    test('plain HTTP to a room is 426 upgrade_required; unknown paths are 404 in Calls error shape', async () => {
      const backend = await startBackend();
      try {
        const room = await fetch(`${backend.url}/calls/rooms/lobby`);
        assert.equal(room.status, 426);
        assert.equal(((await room.json()) as { errorCode: string }).errorCode, 'upgrade_required');
        const unknown = await fetch(`${backend.url}/calls/elsewhere`);
        assert.equal(unknown.status, 404);
        assert.equal(((await unknown.json()) as { errorCode: string }).errorCode, 'not_found');
        const outside = await fetch(`${backend.url}/index.html`);
        assert.equal(outside.status, 404);
      } finally {
        await backend.stop();
      }
    });
  });
});

describe('handler configuration and Node routing', { timeout: 15000 }, () => {
  test('misconfiguration fails at creation, naming the option', () => {
    assert.throws(
      () => createCallsHandler({ appId: 'a', appSecret: 's' }),
      /authorize hook, or anonymous: true/,
    );
    assert.throws(
      () => createCallsHandler({ appId: '', appSecret: 's', anonymous: true }),
      /appId and appSecret/,
    );
    assert.throws(
      () =>
        createCallsHandler({ appId: 'a', appSecret: 's', anonymous: true, limits: { maxMessageBytes: -1 } }),
      /limits\.maxMessageBytes/,
    );
  });

  test('serveNode sends paths outside the endpoint to the fallback, and the endpoint to the handler', async () => {
    const handler = createCallsHandler({ appId: 'a', appSecret: 's', anonymous: true, iceServers: [] });
    const server = await serveNode(handler, {
      fallback: (request) =>
        new Response(`page ${new URL(request.url).pathname}`, { headers: { 'Content-Type': 'text/html' } }),
    });
    try {
      const page = await fetch(`${server.url}/`);
      assert.equal(await page.text(), 'page /');
      const callsLookalike = await fetch(`${server.url}/callsign`);
      assert.equal(await callsLookalike.text(), 'page /callsign');
      const ice = await fetch(`${server.url}/calls/partytracks/generate-ice-servers`);
      assert.deepEqual(await ice.json(), { iceServers: [] });
    } finally {
      await server.stop();
      await handler.close();
    }
  });
});
