// What only the Workers adapter has: a room that survives its Durable Object being evicted from
// memory (hibernation), storage that empties with the room, the fallback route and configuration
// errors. The shared suites (server-*.test.ts) cover everything both adapters must do alike.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Participant } from '../../src/server/index.js';
import type { RecordingUpstream } from './helpers/server-harness.js';
import { PresenceClient, startRecordingUpstream } from './helpers/server-harness.js';
import { startTestWorker, startWorkersBackend } from './helpers/workers-backend.js';

// workerd evicts a Durable Object after 10 s without events (hibernatable sockets keep their
// connections). Nothing observable happens at eviction — anything that looks wakes the object — so
// this one test waits out the runtime's timer, with a margin.
const EVICTION_WAIT_MS = 11500;

describe('Workers room objects', { timeout: 40000 }, () => {
  let upstream: RecordingUpstream;
  let backend: Awaited<ReturnType<typeof startWorkersBackend>>;
  before(async () => {
    upstream = await startRecordingUpstream();
    // Long heartbeat and credential deadlines, so no alarm wakes the object while it should sleep.
    backend = await startWorkersBackend({
      apiBaseUrl: upstream.apiBaseUrl,
      heartbeat: { intervalMs: 20000, timeoutMs: 60000 },
    });
  });
  after(async () => {
    await backend.stop();
    await upstream.stop();
  });

  test('a room evicted from memory is rebuilt from storage and socket attachments, rules intact', async (t) => {
    const alice = await PresenceClient.join(backend.roomUrl('sleepy'), { name: 'Alice' });
    const bob = await PresenceClient.join(backend.roomUrl('sleepy'), { name: 'Bob' });
    const proxy = (client: PresenceClient, path: string, init: RequestInit = {}) =>
      fetch(backend.proxyUrl(path), {
        ...init,
        headers: { 'X-Calls-Participant': client.credential },
      });
    const created = await proxy(alice, '/sessions/new', { method: 'POST' });
    const { sessionId } = (await created.json()) as { sessionId: string };
    const announced = await alice.request({ type: 'update', patch: { sessionId, handRaised: true } });
    assert.equal(announced.type, 'ack');
    await bob.next('participant-updated', (m) => (m.participant as Participant).handRaised);
    assert.equal((await alice.request({ type: 'chat', text: 'before the nap' })).type, 'ack');
    const before = await bob.roomState();
    const { instance: sleeper } = await backend.worker.roomObject('sleepy', '/test/instance');

    await new Promise((resolve) => setTimeout(resolve, EVICTION_WAIT_MS));

    // The first event after the quiet spell is a message on a hibernated socket.
    const woken = await bob.roomState();
    const { instance: rebuilt } = await backend.worker.roomObject('sleepy', '/test/instance');
    assert.notEqual(rebuilt, sleeper, 'the runtime evicted the object and built a new one');
    t.diagnostic('object evicted after the quiet spell and rebuilt on the next message');
    assert.deepEqual(woken, before, 'same participants, names, hand and session after the rebuild');
    const late = await PresenceClient.join(backend.roomUrl('sleepy'), { name: 'Late' });
    assert.deepEqual(
      (late.welcome.chat as Array<{ text: string; name: string }>).map((m) => [m.name, m.text]),
      [['Alice', 'before the nap']],
      'the chat history was kept in storage across the eviction',
    );
    late.send({ type: 'leave' });
    await late.closed;

    // Session locking still holds: the owner reaches its session, the other participant does not.
    assert.equal((await proxy(alice, `/sessions/${sessionId}`)).status, 200);
    const stolen = await proxy(bob, `/sessions/${sessionId}`);
    assert.equal(stolen.status, 403);
    assert.equal(((await stolen.json()) as { errorCode: string }).errorCode, 'session_not_owned');
    assert.equal((await bob.request({ type: 'update', patch: { sessionId } })).code, 'session_not_owned');

    // Broadcasts reach sockets accepted by the evicted instance.
    const from = bob.messages.length;
    await alice.request({ type: 'update', patch: { handRaised: false } });
    const lowered = await bob.next('participant-updated', () => true, from);
    assert.equal((lowered.participant as Participant).handRaised, false);

    alice.send({ type: 'leave' });
    await alice.closed;
    await bob.next('participant-left', (m) => m.participantId === alice.participantId);
    bob.close();
    await bob.closed;
  });

  test('an empty room keeps nothing in storage and no alarm', async () => {
    const carol = await PresenceClient.join(backend.roomUrl('tidy'));
    await carol.request({ type: 'chat', text: 'kept until the room empties' });
    const during = await backend.worker.roomObject('tidy', '/test/storage');
    assert.ok((during.keys as string[]).includes('room'));
    assert.ok((during.keys as string[]).includes(`seat:${carol.participantId}`));
    assert.ok((during.keys as string[]).includes('chat:000000000001'), 'chat history is in storage');
    assert.equal(typeof during.alarm, 'number', 'the heartbeat deadline is an alarm');
    carol.send({ type: 'leave' });
    await carol.closed;
    assert.deepEqual(await backend.worker.roomObject('tidy', '/test/storage'), { keys: [], alarm: null });
  });
});

describe('Workers entry', { timeout: 20000 }, () => {
  test('requests outside the endpoint go to the fallback; the endpoint stays the handler’s', async () => {
    const backend = await startWorkersBackend({ iceServers: [] }, { FALLBACK_TEXT: 'the app' });
    try {
      assert.equal(await (await fetch(`${backend.url}/`)).text(), 'the app');
      assert.equal(await (await fetch(`${backend.url}/callsign`)).text(), 'the app');
      const ice = await fetch(backend.proxyUrl('/generate-ice-servers'));
      assert.deepEqual(await ice.json(), { iceServers: [] });
    } finally {
      await backend.stop();
    }
  });

  test('a missing secret is a 500 internal_error naming no secret, and the Worker keeps running', async () => {
    const worker = await startTestWorker({ appId: 'test-app', appSecret: '', anonymous: true });
    try {
      const response = await fetch(`${worker.url}/calls/partytracks/generate-ice-servers`);
      assert.equal(response.status, 500);
      assert.deepEqual(await response.json(), {
        errorCode: 'internal_error',
        errorDescription: 'The Calls backend is not configured.',
      });
      assert.equal((await fetch(`${worker.url}/calls/rooms/x`)).status, 500);
    } finally {
      await worker.stop();
    }
  });
});
