// Every way a client can misbehave on the presence socket is refused with the documented error, and
// the room as the others see it does not change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Participant } from '../../src/server/index.js';
import { forEachBackend } from './helpers/backends.js';
import type { Backend } from './helpers/server-harness.js';
import { PresenceClient } from './helpers/server-harness.js';

/** Asserts the observer saw no change to anyone, and the room still holds `expected`. */
async function assertRoomUnchanged(observer: PresenceClient, from: number, expected: Participant[]) {
  assert.deepEqual(observer.since(from, 'participant-joined', 'participant-updated', 'participant-left'), []);
  assert.deepEqual(await observer.roomState(), expected);
}

forEachBackend(({ startBackend, limitsRoomsPerProcess }) => {
  describe('presence refusals', { timeout: 15000 }, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend({
        authorize: 'tokens',
        limits: { maxParticipantsPerRoom: 3, maxMessageBytes: 1024 },
        cors: { allowedOrigins: ['https://allowed.example'] },
      });
    });
    after(() => backend.stop());

    async function pair(room: string) {
      const observer = await PresenceClient.join(backend.roomUrl(room), { token: 'user:u1:Olive' });
      const actor = await PresenceClient.join(backend.roomUrl(room), { token: 'user:u2:Mallory' });
      await observer.next('participant-joined');
      const before = await observer.roomState();
      return { observer, actor, before, from: observer.messages.length };
    }

    test('authorize decides identity: the token reaches the hook as Authorization, names come from the hook', async () => {
      const client = await PresenceClient.join(backend.roomUrl('auth'), {
        token: 'user:u9:Real Name',
        name: 'Fake',
      });
      const self = (client.welcome.participants as Participant[]).find((p) => p.id === client.participantId);
      assert.equal(self?.name, 'Real Name');
      assert.equal(self?.userId, 'u9');
      assert.equal(self?.moderator, false);
      client.close();
    });

    test('a refused token closes with 4401 and the reason; a 403 from the hook closes with 4403', async () => {
      const stranger = PresenceClient.open(backend.roomUrl('auth'), { token: 'nonsense' });
      assert.equal((await stranger.closed).code, 4401);
      assert.deepEqual(pickError(stranger), { code: 'unauthorized', message: 'Unknown token.' });

      const noToken = PresenceClient.open(backend.roomUrl('auth'));
      assert.equal((await noToken.closed).code, 4401);

      const banned = PresenceClient.open(backend.roomUrl('auth'), { token: 'banned' });
      assert.equal((await banned.closed).code, 4403);
      assert.deepEqual(pickError(banned), { code: 'forbidden', message: 'You are banned from this room.' });
    });

    test('identity spoofing: a patch may not touch id, name, userId or moderator', async () => {
      const { observer, actor, before, from } = await pair('spoof');
      for (const field of ['id', 'name', 'userId', 'moderator', 'connection']) {
        const answer = await actor.request({
          type: 'update',
          patch: { [field]: field === 'moderator' ? true : observer.participantId },
        });
        assert.equal(answer.type, 'error');
        assert.equal(answer.code, 'invalid_message');
        assert.equal(answer.field, `patch.${field}`);
      }
      const topLevel = await actor.request({
        type: 'update',
        participantId: observer.participantId,
        patch: { handRaised: true },
      });
      assert.deepEqual(pick(topLevel, ['code', 'field']), {
        code: 'invalid_message',
        field: 'participantId',
      });
      await assertRoomUnchanged(observer, from, before);
      observer.close();
      actor.close();
    });

    test('moderation without permission is forbidden; with it, mute and remove work', async () => {
      const { observer, actor, before } = await pair('moderation');
      await observer.request({ type: 'update', patch: { audioEnabled: true } });
      const afterUnmute = await observer.roomState();
      const muteFrom = observer.messages.length;
      const mute = await actor.request({
        type: 'mute',
        participantId: observer.participantId,
        kind: 'audio',
      });
      assert.deepEqual(pick(mute, ['type', 'code']), { type: 'error', code: 'forbidden' });
      const remove = await actor.request({ type: 'remove', participantId: observer.participantId });
      assert.deepEqual(pick(remove, ['type', 'code']), { type: 'error', code: 'forbidden' });
      assert.deepEqual(
        observer.since(muteFrom, 'muted', 'removed', 'participant-updated', 'participant-left'),
        [],
      );
      assert.deepEqual(await observer.roomState(), afterUnmute);
      assert.notDeepEqual(before, afterUnmute);

      const moderator = await PresenceClient.join(backend.roomUrl('moderation'), {
        token: 'user:m1:Mod:mod',
      });
      assert.equal(
        (await moderator.request({ type: 'mute', participantId: 'nobody', kind: 'audio' })).code,
        'participant_not_found',
      );
      assert.equal(
        (await moderator.request({ type: 'mute', participantId: observer.participantId, kind: 'audio' }))
          .type,
        'ack',
      );
      assert.equal((await observer.next('muted')).by, moderator.participantId);
      const muted = await actor.next(
        'participant-updated',
        (m) =>
          (m.participant as Participant).id === observer.participantId &&
          !(m.participant as Participant).audioEnabled,
      );
      assert.equal((muted.participant as Participant).audioEnabled, false);

      assert.equal(
        (await moderator.request({ type: 'remove', participantId: actor.participantId })).type,
        'ack',
      );
      assert.equal((await actor.closed).code, 4410);
      assert.ok(actor.messages.some((m) => m.type === 'removed'));
      const left = await observer.next('participant-left', (m) => m.participantId === actor.participantId);
      assert.equal(left.reason, 'removed');
      observer.close();
      moderator.close();
    });

    test('an over-limit room refuses the newcomer (4503, room_full) and nobody else notices', async () => {
      const { observer, actor } = await pair('full');
      const third = await PresenceClient.join(backend.roomUrl('full'), { token: 'user:u3:Third' });
      await observer.next(
        'participant-joined',
        (m) => (m.participant as Participant).id === third.participantId,
      );
      const before = await observer.roomState();
      const from = observer.messages.length;
      const fourth = PresenceClient.open(backend.roomUrl('full'), { token: 'user:u4:Fourth' });
      assert.equal((await fourth.closed).code, 4503);
      assert.equal(pickError(fourth).code, 'room_full');
      await assertRoomUnchanged(observer, from, before);
      for (const client of [observer, actor, third]) client.close();
    });

    test('oversized and malformed messages get their error code and change nothing', async () => {
      const { observer, actor, before, from } = await pair('malformed');
      const cases: Array<[unknown, string, string?]> = [
        [
          JSON.stringify({ type: 'update', patch: { handRaised: true }, pad: 'x'.repeat(2000) }),
          'message_too_large',
        ],
        ['{not json', 'invalid_json'],
        ['[1,2]', 'invalid_message'],
        ['"ping"', 'invalid_message'],
        [{ type: 'teleport' }, 'unknown_type', 'type'],
        [{ type: 42 }, 'invalid_message', 'type'],
        [{ type: 'update' }, 'invalid_message', 'patch'],
        [{ type: 'update', patch: {} }, 'invalid_message', 'patch'],
        [{ type: 'update', patch: { handRaised: 'yes' } }, 'invalid_message', 'patch.handRaised'],
        [
          { type: 'update', patch: { tracks: { video: { sessionId: '../x', trackName: 'v' } } } },
          'invalid_message',
          'patch.tracks.video.sessionId',
        ],
        [
          { type: 'update', patch: { tracks: { hologram: null } } },
          'invalid_message',
          'patch.tracks.hologram',
        ],
        [{ type: 'mute', participantId: observer.participantId, kind: 'soul' }, 'invalid_message', 'kind'],
        [{ type: 'ping', id: 'x'.repeat(65) }, 'invalid_message', 'id'],
      ];
      for (const [message, code, field] of cases) {
        const at = actor.messages.length;
        actor.send(message);
        const error = await actor.next('error', () => true, at);
        assert.equal(error.code, code, `for ${JSON.stringify(message).slice(0, 80)}`);
        if (field) assert.equal(error.field, field);
      }
      actor.socket.send(Buffer.from([1, 2, 3]), { binary: true });
      assert.equal(
        (await actor.next('error', (m) => m.message === 'Binary frames are not part of the protocol.')).code,
        'invalid_message',
      );
      assert.equal(actor.socket.readyState, actor.socket.OPEN, 'bad input does not cost the connection');
      await assertRoomUnchanged(observer, from, before);
      observer.close();
      actor.close();
    });

    test('announcing a Calls session the participant did not create is refused (session_not_owned)', async () => {
      const { observer, actor, before, from } = await pair('sessions');
      const sessionId = 'a'.repeat(32);
      const asCurrent = await actor.request({ type: 'update', patch: { sessionId } });
      assert.deepEqual(pick(asCurrent, ['code', 'field']), {
        code: 'session_not_owned',
        field: 'patch.sessionId',
      });
      const asTrack = await actor.request({
        type: 'update',
        patch: { tracks: { video: { sessionId, trackName: 'cam' } } },
      });
      assert.deepEqual(pick(asTrack, ['code', 'field']), {
        code: 'session_not_owned',
        field: 'patch.tracks.video.sessionId',
      });
      await assertRoomUnchanged(observer, from, before);
      observer.close();
      actor.close();
    });
  });

  describe('message rate', { timeout: 15000 }, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend({
        limits: { messagesPerSecond: 5, messageBurst: 5, floodDisconnectAfter: 40 },
      });
    });
    after(() => backend.stop());

    test('a flood is rate limited with one error per second, then disconnected (4429)', async () => {
      const observer = await PresenceClient.join(backend.roomUrl('flood'));
      const actor = await PresenceClient.join(backend.roomUrl('flood'));
      await observer.next('participant-joined');
      const before = await observer.roomState();
      const from = observer.messages.length;
      const at = actor.messages.length;
      for (let i = 0; i < 20; i++) actor.send({ type: 'update', patch: { handRaised: i % 2 === 0 } });
      const limited = await actor.next('error', (m) => m.code === 'rate_limited', at);
      assert.equal(typeof limited.retryAfterMs, 'number');
      // Five updates fit the burst; each toggles handRaised, so the observer sees at most those.
      await observer.roomState();
      const updates = observer.since(from, 'participant-updated');
      assert.ok(updates.length <= 5, `at most the burst got through, saw ${updates.length}`);
      assert.equal(actor.since(at, 'error').filter((m) => m.code === 'rate_limited').length, 1);

      for (let i = 0; i < 60; i++) actor.send({ type: 'ping' });
      assert.equal((await actor.closed).code, 4429);
      const left = await observer.next('participant-left', (m) => m.participantId === actor.participantId);
      assert.equal(left.reason, 'disconnected');
      assert.deepEqual(
        (await observer.roomState()).map((p) => p.id),
        before.filter((p) => p.id !== actor.participantId).map((p) => p.id),
      );
      observer.close();
    });
  });

  describe('handshake refusals', { timeout: 15000 }, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend({
        limits: { maxRooms: 1 },
        cors: { allowedOrigins: ['https://allowed.example'] },
      });
    });
    after(() => backend.stop());

    test('an origin that is not allowed is told origin_not_allowed (4403); an allowed one joins', async () => {
      const refused = PresenceClient.open(backend.roomUrl('origins'), { origin: 'https://evil.example' });
      assert.deepEqual(await refused.closed, { code: 4403, reason: 'origin_not_allowed' });
      assert.equal(pickError(refused).code, 'origin_not_allowed');
      assert.match(String(pickError(refused).message), /allowedOrigins/);
      assert.ok(!refused.messages.some((message) => message.type === 'welcome'));
      const allowed = await PresenceClient.join(backend.roomUrl('origins'), {
        origin: 'https://allowed.example',
      });
      allowed.close();
      await allowed.closed;
    });

    test('a client that does not speak calls-presence.v1 gets HTTP 400', async () => {
      const other = PresenceClient.open(backend.roomUrl('versions'), { protocols: ['calls-presence.v9'] });
      await assert.rejects(other.opened, /HTTP 400/);
    });

    test('an invalid room name closes with 4400 invalid_room', async () => {
      const client = PresenceClient.open(backend.roomUrl('-bad%20room'));
      assert.equal((await client.closed).code, 4400);
      assert.equal(pickError(client).code, 'invalid_room');
    });

    // Only a backend that holds many rooms in one process has this limit; on Workers every room is
    // its own Durable Object, so the test does not exist there.
    if (limitsRoomsPerProcess) {
      test('past the rooms-per-process limit a new room is refused (4503, server_full)', async () => {
        const first = await PresenceClient.join(backend.roomUrl('only-room'));
        const second = PresenceClient.open(backend.roomUrl('another-room'));
        assert.equal((await second.closed).code, 4503);
        assert.equal(pickError(second).code, 'server_full');
        const sameRoom = await PresenceClient.join(backend.roomUrl('only-room'));
        first.close();
        sameRoom.close();
      });
    }
  });
});

function pickError(client: PresenceClient): { code?: unknown; message?: unknown } {
  const error = client.messages.find((m) => m.type === 'error');
  return { code: error?.code, message: error?.message };
}

function pick(value: unknown, keys: string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}
