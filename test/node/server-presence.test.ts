// Room presence semantics over real WebSockets: join, leave, update, heartbeat, reconnect, isolation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { forEachBackend } from './helpers/backends.js';
import type { Backend } from './helpers/server-harness.js';
import { PresenceClient } from './helpers/server-harness.js';

forEachBackend(({ startBackend }) => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  describe('room presence', { timeout: 15000 }, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend({ reconnectGraceMs: 300 });
    });
    after(() => backend.stop());

    test('join: the server assigns ids, welcomes with the room, and tells the others', async () => {
      const alice = await PresenceClient.join(backend.roomUrl('join'), { name: 'Alice' });
      assert.equal(alice.welcome.protocol, 1);
      assert.equal(alice.welcome.room, 'join');
      assert.match(alice.participantId, UUID);
      assert.equal(alice.socket.protocol, 'calls-presence.v1');

      const bob = await PresenceClient.join(backend.roomUrl('join'), { name: 'Bob' });
      assert.notEqual(bob.participantId, alice.participantId);
      const names = (bob.welcome.participants as Array<{ name: string }>).map((p) => p.name).sort();
      assert.deepEqual(names, ['Alice', 'Bob']);

      const joined = await alice.next('participant-joined');
      assert.equal((joined.participant as { id: string }).id, bob.participantId);
      assert.equal((joined.participant as { name: string }).name, 'Bob');
      alice.close();
      bob.close();
    });

    test('anonymous names are sanitised: control and bidi characters removed, length capped', async () => {
      const client = await PresenceClient.join(backend.roomUrl('names'), {
        name: `  Eve\u202Egnp.exe\u0000\n  ${'x'.repeat(100)}`,
      });
      const self = (client.welcome.participants as Array<{ id: string; name: string }>).find(
        (p) => p.id === client.participantId,
      );
      assert.ok(self);
      for (const hidden of ['\u202E', '\u0000', '\n']) assert.ok(!self.name.includes(hidden));
      assert.ok(self.name.startsWith('Evegnp.exe x'));
      assert.equal(Array.from(self.name).length, 64);
      const blank = await PresenceClient.join(backend.roomUrl('names'), { name: '\u200B\u0007' });
      const blankSelf = (blank.welcome.participants as Array<{ id: string; name: string }>).find(
        (p) => p.id === blank.participantId,
      );
      assert.equal(blankSelf?.name, 'Guest');
      client.close();
      blank.close();
    });

    test('update: a client changes its own record and everyone sees the new record', async () => {
      const alice = await PresenceClient.join(backend.roomUrl('update'), { name: 'Alice' });
      const bob = await PresenceClient.join(backend.roomUrl('update'), { name: 'Bob' });
      const answer = await alice.request({
        type: 'update',
        patch: { handRaised: true, audioEnabled: true, speaking: true },
      });
      assert.equal(answer.type, 'ack');
      const seen = await bob.next(
        'participant-updated',
        (m) => (m.participant as { id: string }).id === alice.participantId,
      );
      assert.deepEqual(pick(seen.participant, ['handRaised', 'audioEnabled', 'speaking', 'name']), {
        handRaised: true,
        audioEnabled: true,
        speaking: true,
        name: 'Alice',
      });
      const state = await bob.roomState();
      assert.equal(state.find((p) => p.id === alice.participantId)?.handRaised, true);
      alice.close();
      bob.close();
    });

    test('leave: a leave message removes the participant at once and closes with 1000', async () => {
      const alice = await PresenceClient.join(backend.roomUrl('leave'));
      const bob = await PresenceClient.join(backend.roomUrl('leave'));
      alice.send({ type: 'leave' });
      assert.equal((await alice.closed).code, 1000);
      const left = await bob.next('participant-left');
      assert.deepEqual(pick(left, ['participantId', 'reason']), {
        participantId: alice.participantId,
        reason: 'left',
      });
      assert.deepEqual(
        (await bob.roomState()).map((p) => p.id),
        [bob.participantId],
      );
      bob.close();
    });

    test('a clean close (1000) is a leave; a dropped connection is held for the grace period', async () => {
      const watcher = await PresenceClient.join(backend.roomUrl('drops'));
      const polite = await PresenceClient.join(backend.roomUrl('drops'));
      polite.close(1000);
      const politeLeft = await watcher.next(
        'participant-left',
        (m) => m.participantId === polite.participantId,
      );
      assert.equal(politeLeft.reason, 'left');

      const dropped = await PresenceClient.join(backend.roomUrl('drops'));
      const from = watcher.messages.length;
      dropped.socket.terminate();
      const reconnecting = await watcher.next(
        'participant-updated',
        (m) => (m.participant as { id: string }).id === dropped.participantId,
        from,
      );
      assert.equal((reconnecting.participant as { connection: string }).connection, 'reconnecting');
      const droppedLeft = await watcher.next(
        'participant-left',
        (m) => m.participantId === dropped.participantId,
        from,
      );
      assert.equal(droppedLeft.reason, 'disconnected');
      watcher.close();
    });

    test('two rooms are isolated', async () => {
      const inX = await PresenceClient.join(backend.roomUrl('room-x'));
      const inY = await PresenceClient.join(backend.roomUrl('room-y'));
      assert.deepEqual(
        (inY.welcome.participants as Array<{ id: string }>).map((p) => p.id),
        [inY.participantId],
      );
      const from = inY.messages.length;
      await inX.request({ type: 'update', patch: { handRaised: true } });
      const otherInX = await PresenceClient.join(backend.roomUrl('room-x'));
      await inX.next('participant-joined');
      // Y asks the server after X's changes have been made: nothing of X's room reached it.
      assert.deepEqual(
        (await inY.roomState()).map((p) => p.id),
        [inY.participantId],
      );
      assert.deepEqual(inY.since(from, 'participant-joined', 'participant-updated', 'participant-left'), []);
      inX.close();
      inY.close();
      otherInX.close();
    });
  });

  describe('heartbeat', { timeout: 15000 }, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend({ heartbeat: { intervalMs: 100, timeoutMs: 600 }, reconnectGraceMs: 300 });
    });
    after(() => backend.stop());

    test('a silent client is dropped (4408), kept for the reconnect grace, then leaves with reason timeout; a pinging one stays', async () => {
      const pinger = await PresenceClient.join(backend.roomUrl('beat'));
      assert.deepEqual(pinger.welcome.heartbeat, { intervalMs: 100, timeoutMs: 600 });
      const keepAlive = setInterval(() => pinger.send({ type: 'ping' }), 100);
      try {
        const silent = await PresenceClient.join(backend.roomUrl('beat'));
        const closed = await silent.closed;
        assert.equal(closed.code, 4408);
        assert.ok(silent.messages.some((m) => m.type === 'error' && m.code === 'timeout'));
        await pinger.next(
          'participant-updated',
          (m) =>
            (m.participant as { id: string; connection: string }).id === silent.participantId &&
            (m.participant as { connection: string }).connection === 'reconnecting',
        );
        const left = await pinger.next('participant-left', (m) => m.participantId === silent.participantId);
        assert.equal(left.reason, 'timeout');
        assert.deepEqual(
          (await pinger.roomState()).map((p) => p.id),
          [pinger.participantId],
        );
        assert.ok(pinger.messages.some((m) => m.type === 'pong'));
      } finally {
        clearInterval(keepAlive);
        pinger.close();
      }
    });
  });

  describe('reconnect', { timeout: 15000 }, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend({ reconnectGraceMs: 5000 });
    });
    after(() => backend.stop());

    test('resuming with the participant credential restores the same participant and closes the stale socket', async () => {
      const alice = await PresenceClient.join(backend.roomUrl('resume'), { name: 'Alice' });
      const bob = await PresenceClient.join(backend.roomUrl('resume'), { name: 'Bob' });
      await alice.request({ type: 'update', patch: { handRaised: true } });
      const from = bob.messages.length;

      const again = await PresenceClient.join(backend.roomUrl('resume'), {
        resume: alice.credential,
        name: 'Mallory',
      });
      assert.equal(again.welcome.resumed, true);
      assert.equal(again.participantId, alice.participantId);
      const staleClose = await alice.closed;
      assert.equal(staleClose.code, 4409);
      assert.ok(alice.messages.some((m) => m.type === 'error' && m.code === 'replaced'));

      const state = await bob.roomState();
      assert.equal(state.length, 2, 'no ghost twin');
      const restored = state.find((p) => p.id === alice.participantId);
      assert.equal(restored?.handRaised, true, 'the record survives the resume');
      assert.equal(restored?.name, 'Alice', 'a resume cannot rename');
      assert.deepEqual(bob.since(from, 'participant-joined', 'participant-left'), []);
      again.close();
      bob.close();
    });

    test('after a dropped connection, a resume within the grace period reconnects the same participant', async () => {
      const alice = await PresenceClient.join(backend.roomUrl('resume-drop'));
      const bob = await PresenceClient.join(backend.roomUrl('resume-drop'));
      const credential = alice.credential;
      alice.socket.terminate();
      await bob.next(
        'participant-updated',
        (m) => (m.participant as { connection: string }).connection === 'reconnecting',
      );
      const again = await PresenceClient.join(backend.roomUrl('resume-drop'), { resume: credential });
      assert.equal(again.participantId, alice.participantId);
      const back = await bob.next(
        'participant-updated',
        (m) => (m.participant as { connection: string }).connection === 'connected',
      );
      assert.equal((back.participant as { id: string }).id, alice.participantId);
      assert.equal((await bob.roomState()).length, 2);
      again.close();
      bob.close();
    });

    test('a credential from another room, or a forged one, joins as a new participant', async () => {
      const elsewhere = await PresenceClient.join(backend.roomUrl('resume-a'));
      const wrongRoom = await PresenceClient.join(backend.roomUrl('resume-b'), {
        resume: elsewhere.credential,
      });
      assert.equal(wrongRoom.welcome.resumed, false);
      assert.notEqual(wrongRoom.participantId, elsewhere.participantId);

      const [version, body] = elsewhere.credential.split('.');
      const forged = await PresenceClient.join(backend.roomUrl('resume-a'), {
        resume: `${version}.${body}.AAAA`,
      });
      assert.equal(forged.welcome.resumed, false);
      assert.notEqual(forged.participantId, elsewhere.participantId);
      assert.equal(elsewhere.socket.readyState, elsewhere.socket.OPEN, 'the real owner keeps its connection');
      for (const client of [elsewhere, wrongRoom, forged]) client.close();
    });
  });
});

function pick(value: unknown, keys: string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}
