// Attacks one participant can try on others through the backend kit, on both backends, with the
// real local SFU behind the proxy: every one refused, and the victims' state unchanged.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Participant } from '../../src/server/index.js';
import { type RunningSfu, startSfu } from '../../src/sfu/index.js';
import { forEachBackend } from './helpers/backends.js';
import { type Backend, PresenceClient } from './helpers/server-harness.js';
import { eventually } from './helpers/sfu-api.js';

interface Answer {
  status: number;
  body: { errorCode?: string; sessionId?: string };
}

forEachBackend(({ startBackend }) => {
  describe('attacks on other participants', { timeout: 60_000 }, () => {
    let sfu: RunningSfu;
    let backend: Backend;
    let alice: PresenceClient;
    let bob: PresenceClient;
    let mallory: PresenceClient;
    let outsider: PresenceClient;
    let aliceSession: string;
    let mallorySession: string;
    let outsiderSession: string;

    async function call(
      client: PresenceClient | string,
      method: string,
      path: string,
      body?: unknown,
    ): Promise<Answer> {
      const credential = typeof client === 'string' ? client : client.credential;
      const response = await fetch(backend.proxyUrl(path), {
        method,
        headers: { 'X-Calls-Participant': credential },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Answer['body'] };
    }

    before(async () => {
      sfu = await startSfu({ logLevel: 'silent', appId: 'attack-app', appSecret: 'attack-secret' });
      backend = await startBackend({
        apiBaseUrl: sfu.apiBaseUrl,
        appId: sfu.appId,
        appSecret: sfu.appSecret,
        iceServers: [],
        credentialTtlSeconds: 2,
        cors: { allowedOrigins: ['https://allowed.example'] },
      });
      alice = await PresenceClient.join(backend.roomUrl('standup'), { name: 'Alice' });
      bob = await PresenceClient.join(backend.roomUrl('standup'), { name: 'Bob' });
      mallory = await PresenceClient.join(backend.roomUrl('standup'), { name: 'Mallory' });
      outsider = await PresenceClient.join(backend.roomUrl('elsewhere'), { name: 'Oscar' });
      aliceSession = (await call(alice, 'POST', '/sessions/new')).body.sessionId as string;
      mallorySession = (await call(mallory, 'POST', '/sessions/new')).body.sessionId as string;
      outsiderSession = (await call(outsider, 'POST', '/sessions/new')).body.sessionId as string;
      await alice.request({
        type: 'update',
        patch: { sessionId: aliceSession, tracks: { audio: { sessionId: aliceSession, trackName: 'mic' } } },
      });
    });

    after(async () => {
      for (const client of [alice, bob, mallory, outsider]) client?.close();
      await backend?.stop();
      await sfu?.stop();
    });

    async function aliceAsBobSeesHer(): Promise<Participant | undefined> {
      return (await bob.roomState()).find((participant) => participant.id === alice.participantId);
    }

    test("reading, closing or renegotiating another participant's session is 403 session_not_owned", async () => {
      const attempts: Array<[string, string, unknown]> = [
        ['GET', `/sessions/${aliceSession}`, undefined],
        ['PUT', `/sessions/${aliceSession}/tracks/close`, { tracks: [{ mid: '0' }], force: true }],
        [
          'PUT',
          `/sessions/${aliceSession}/renegotiate`,
          { sessionDescription: { type: 'answer', sdp: 'v=0' } },
        ],
        [
          'POST',
          `/sessions/${aliceSession}/tracks/new`,
          { tracks: [{ location: 'local', trackName: 'x', kind: 'audio' }] },
        ],
        ['PUT', `/sessions/${aliceSession}/tracks/update`, { tracks: [{ mid: '0' }] }],
        [
          'POST',
          `/sessions/${aliceSession}/datachannels/new`,
          { dataChannels: [{ location: 'local', dataChannelName: 'x' }] },
        ],
      ];
      for (const [method, path, body] of attempts) {
        const answer = await call(mallory, method, path, body);
        assert.deepEqual(
          [answer.status, answer.body.errorCode],
          [403, 'session_not_owned'],
          `${method} ${path}`,
        );
      }
      const own = await call(alice, 'GET', `/sessions/${aliceSession}`);
      assert.equal(own.status, 200, 'the owner still has her session');
    });

    test('pulling, or naming in any list, a session of another room is 403 pull_outside_room', async () => {
      for (const body of [
        { tracks: [{ location: 'remote', sessionId: outsiderSession, trackName: 'mic' }] },
        { tracks: [{ location: 'local', sessionId: outsiderSession, trackName: 'mic', mid: '0' }] },
        { dataChannels: [{ location: 'remote', sessionId: outsiderSession, dataChannelName: 'chat' }] },
      ]) {
        const path = body.dataChannels ? 'datachannels/new' : 'tracks/new';
        const answer = await call(mallory, 'POST', `/sessions/${mallorySession}/${path}`, body);
        assert.deepEqual([answer.status, answer.body.errorCode], [403, 'pull_outside_room']);
      }
      const fromOutside = await call(outsider, 'POST', `/sessions/${outsiderSession}/tracks/new`, {
        tracks: [{ location: 'remote', sessionId: aliceSession, trackName: 'mic' }],
      });
      assert.deepEqual([fromOutside.status, fromOutside.body.errorCode], [403, 'pull_outside_room']);
    });

    test("another participant's record cannot be changed, nor an id or name taken", async () => {
      const before = await aliceAsBobSeesHer();
      const stolen = await mallory.request({
        type: 'update',
        patch: { sessionId: aliceSession, tracks: { video: { sessionId: aliceSession, trackName: 'mic' } } },
      });
      assert.deepEqual([stolen.type, stolen.code], ['error', 'session_not_owned']);
      for (const patch of [
        { id: alice.participantId },
        { name: 'Alice' },
        { userId: 'alice' },
        { moderator: true },
      ]) {
        const refused = await mallory.request({ type: 'update', patch });
        assert.deepEqual([refused.type, refused.code], ['error', 'invalid_message'], JSON.stringify(patch));
      }
      const impostor = await mallory.request({
        type: 'update',
        participantId: alice.participantId,
        patch: { handRaised: true },
      });
      assert.deepEqual([impostor.type, impostor.code], ['error', 'invalid_message']);
      assert.deepEqual(await aliceAsBobSeesHer(), before, "Alice's record is as it was");
      const mallorySeen = (await bob.roomState()).find(
        (participant) => participant.id === mallory.participantId,
      );
      assert.equal(mallorySeen?.name, 'Mallory');
    });

    test('moderation without the grant is forbidden and touches nobody', async () => {
      for (const message of [
        { type: 'mute', participantId: alice.participantId, kind: 'audio' },
        { type: 'remove', participantId: alice.participantId },
      ]) {
        const answer = await mallory.request(message);
        assert.deepEqual([answer.type, answer.code], ['error', 'forbidden']);
      }
      assert.ok(await aliceAsBobSeesHer(), 'Alice is still in the room');
      assert.ok(!alice.messages.some((message) => message.type === 'muted' || message.type === 'removed'));
    });

    test('forged, other-room and expired credentials get nothing from the proxy', async () => {
      const [version, claims, signature] = mallory.credential.split('.') as [string, string, string];
      const decoded = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
      const asAlice = Buffer.from(JSON.stringify({ ...decoded, p: alice.participantId })).toString(
        'base64url',
      );
      const forged = [
        `${version}.${asAlice}.${signature}`,
        `${version}.${claims}.${signature.slice(1)}A`,
        'v1.e30.AAAA',
      ];
      for (const credential of forged) {
        const answer = await call(credential, 'GET', `/sessions/${aliceSession}`);
        assert.deepEqual([answer.status, answer.body.errorCode], [401, 'participant_invalid']);
      }
      const otherRoom = await call(outsider, 'GET', `/sessions/${aliceSession}`);
      assert.deepEqual([otherRoom.status, otherRoom.body.errorCode], [403, 'session_not_owned']);

      // A forged resume does not make anyone Alice: the server gives a new participant.
      const resumed = await PresenceClient.join(backend.roomUrl('standup'), {
        resume: forged[0] as string,
        name: 'x',
      });
      assert.notEqual(resumed.participantId, alice.participantId);
      assert.equal(resumed.welcome.resumed, false);
      resumed.close();

      // Credentials last 2 s here; the one Mallory held at first stops working once it expires.
      const first = mallory.credential;
      await eventually(
        async () =>
          (await call(first, 'GET', `/sessions/${mallorySession}`)).status === 401 ? true : undefined,
        15_000,
        'the first credential to expire',
      );
      assert.equal(
        (await call(first, 'GET', `/sessions/${mallorySession}`)).body.errorCode,
        'participant_invalid',
      );
    });

    test('a cross-site WebSocket is refused with origin_not_allowed and nobody sees it join', async () => {
      const from = bob.messages.length;
      const crossSite = PresenceClient.open(backend.roomUrl('standup'), {
        origin: 'https://evil.example',
        name: 'Eve',
      });
      assert.deepEqual(await crossSite.closed, { code: 4403, reason: 'origin_not_allowed' });
      assert.ok(!crossSite.messages.some((message) => message.type === 'welcome'));
      await bob.roomState();
      assert.deepEqual(bob.since(from, 'participant-joined'), []);
    });

    test('names that could pass for someone already here are numbered by the server', async () => {
      const room = 'names';
      const joined: PresenceClient[] = [];
      try {
        for (const name of [
          'Alice',
          'Аlice',
          'Alice (you)',
          'ＡＬＩＣＥ',
          'Bob',
          'Bob\u200b',
          'B\u202eob',
          '(you)',
        ]) {
          joined.push(await PresenceClient.join(backend.roomUrl(room), { name }));
        }
        const names = (await (joined[0] as PresenceClient).roomState()).map(
          (participant) => participant.name,
        );
        assert.deepEqual(names, [
          'Alice',
          'Аlice (2)',
          'Alice (3)',
          'ALICE (4)',
          'Bob',
          'Bob (2)',
          'Bob (3)',
          'Guest',
        ]);
      } finally {
        for (const client of joined) client.close();
      }
    });
  });

  describe('names the host vouches for', { timeout: 30_000 }, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend({ authorize: 'tokens' });
    });
    after(() => backend.stop());

    test('are shown as the authorize hook gave them, even when two people share one', async () => {
      const first = await PresenceClient.join(backend.roomUrl('team'), { token: 'user:a1:Alice' });
      const second = await PresenceClient.join(backend.roomUrl('team'), {
        token: 'user:a2:Alice',
        name: 'Alice (you)',
      });
      try {
        const names = (await first.roomState()).map((participant) => participant.name);
        assert.deepEqual(names, ['Alice', 'Alice']);
      } finally {
        first.close();
        second.close();
      }
    });
  });
});
