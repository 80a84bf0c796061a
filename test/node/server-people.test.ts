// Chat, raised hands, reactions and moderation of hands (protocol revision 2) over real WebSockets,
// on both adapters: identity set by the server, hostile text made inert, limits and refusals.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChatMessage, Participant } from '../../src/server/index.js';
import { forEachBackend } from './helpers/backends.js';
import type { Backend } from './helpers/server-harness.js';
import { PresenceClient } from './helpers/server-harness.js';

const recordOf = (message: Record<string, unknown>) => message.participant as Participant;

forEachBackend(({ startBackend }) => {
  describe('chat', { timeout: 20000 }, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend({
        authorize: 'tokens',
        limits: { maxMessageBytes: 4096, messagesPerSecond: 50 },
        chat: { maxChars: 500, historyMessages: 3, burst: 4, messagesPerSecond: 0.5 },
      });
    });
    after(() => backend.stop());

    test('the server sets the sender: everyone gets the message with the id and name authorize gave', async () => {
      const olive = await PresenceClient.join(backend.roomUrl('chat'), { token: 'user:u1:Olive' });
      const mallory = await PresenceClient.join(backend.roomUrl('chat'), {
        token: 'user:u2:Mallory',
        name: 'Olive',
      });
      assert.equal(olive.welcome.revision, 3);
      assert.equal((olive.welcome.limits as { maxChatChars: number }).maxChatChars, 500);
      assert.equal((await mallory.request({ type: 'chat', text: 'hello' })).type, 'ack');
      const seen = (await olive.next('chat')).message as ChatMessage;
      assert.equal(seen.from, mallory.participantId);
      assert.equal(seen.name, 'Mallory');
      assert.equal(seen.text, 'hello');
      assert.equal(typeof seen.at, 'number');
      const own = (await mallory.next('chat')).message as ChatMessage;
      assert.deepEqual(own, seen, 'the sender gets the same message');

      // A client cannot claim to be someone else: the fields do not exist in what it may send.
      const spoof = await mallory.request({ type: 'chat', text: 'hi', from: olive.participantId });
      assert.deepEqual(pick(spoof, ['code', 'field']), { code: 'invalid_message', field: 'from' });
      const named = await mallory.request({ type: 'chat', text: 'hi', name: 'Olive' });
      assert.deepEqual(pick(named, ['code', 'field']), { code: 'invalid_message', field: 'name' });
      assert.equal((await mallory.request({ type: 'chat', text: 42 })).field, 'text');
      olive.close();
      mallory.close();
    });

    test('hostile text: markup is relayed as text, bidi and invisible characters are removed, limits refuse', async () => {
      const olive = await PresenceClient.join(backend.roomUrl('hostile'), { token: 'user:u1:Olive' });
      const eve = await PresenceClient.join(backend.roomUrl('hostile'), { token: 'user:u3:Eve' });
      const markup = '<img src=x onerror=alert(1)>';
      await eve.request({ type: 'chat', text: markup });
      assert.equal(((await olive.next('chat')).message as ChatMessage).text, markup);

      const from = olive.messages.length;
      await eve.request({
        type: 'chat',
        text: '  \u202Egnp.exe\u202C ok\u0000\u200B\r\n\n\n\nnext\t👩\u200D💻  ',
      });
      const cleaned = ((await olive.next('chat', () => true, from)).message as ChatMessage).text;
      assert.equal(cleaned, 'gnp.exe ok\n\nnext 👩\u200D💻');

      const blank = await eve.request({ type: 'chat', text: '\u202E\u200B \n' });
      assert.deepEqual(pick(blank, ['code', 'field']), { code: 'invalid_message', field: 'text' });
      const long = await eve.request({ type: 'chat', text: 'x'.repeat(501) });
      assert.deepEqual(pick(long, ['code', 'field']), { code: 'invalid_message', field: 'text' });
      assert.match(long.message as string, /501 characters exceeds the limit of 500/);

      const huge = eve.messages.length;
      eve.send({ type: 'chat', text: 'x'.repeat(100_000) });
      const tooLarge = await eve.next('error', () => true, huge);
      assert.equal(tooLarge.code, 'message_too_large');
      // Nothing of the refused messages reached anyone else.
      await eve.request({ type: 'ping' });
      assert.equal(olive.since(from, 'chat').length, 1);
      olive.close();
      eve.close();
    });

    test('a chat flood is rate limited per person, the connection stays, the others see only what passed', async () => {
      const olive = await PresenceClient.join(backend.roomUrl('flood'), { token: 'user:u1:Olive' });
      const flooder = await PresenceClient.join(backend.roomUrl('flood'), { token: 'user:u4:Flo' });
      const answers = [];
      for (let i = 0; i < 6; i += 1) answers.push(await flooder.request({ type: 'chat', text: `m${i}` }));
      assert.deepEqual(
        answers.map((a) => a.type),
        ['ack', 'ack', 'ack', 'ack', 'error', 'error'],
      );
      assert.equal(answers[4]?.code, 'rate_limited');
      assert.ok((answers[4]?.retryAfterMs as number) > 0);
      // Still connected, and other message types are not affected.
      assert.equal((await flooder.request({ type: 'ping' })).type, 'pong');
      await olive.request({ type: 'ping' });
      assert.deepEqual(
        olive.since(0, 'chat').map((m) => (m.message as ChatMessage).text),
        ['m0', 'm1', 'm2', 'm3'],
      );
      olive.close();
      flooder.close();
    });

    test('a private message reaches only its recipient and the sender, and is not kept', async () => {
      const ann = await PresenceClient.join(backend.roomUrl('private'), { token: 'user:a:Ann' });
      const ben = await PresenceClient.join(backend.roomUrl('private'), { token: 'user:b:Ben' });
      const cat = await PresenceClient.join(backend.roomUrl('private'), { token: 'user:c:Cat' });
      assert.equal(
        (await ann.request({ type: 'chat', text: 'just you', to: ben.participantId })).type,
        'ack',
      );
      const got = (await ben.next('chat')).message as ChatMessage;
      assert.deepEqual(pick(got, ['from', 'to', 'text']), {
        from: ann.participantId,
        to: ben.participantId,
        text: 'just you',
      });
      assert.deepEqual((await ann.next('chat')).message, got, 'the sender gets its copy');
      // Cat gets the public message that followed, and never the private one before it.
      await ann.request({ type: 'chat', text: 'everyone' });
      const catSees = await cat.next('chat');
      assert.equal((catSees.message as ChatMessage).text, 'everyone');
      assert.equal(cat.since(0, 'chat').length, 1);

      const toNobody = await ann.request({ type: 'chat', text: 'x', to: 'nobody' });
      assert.deepEqual(pick(toNobody, ['code', 'field']), { code: 'participant_not_found', field: 'to' });
      const toSelf = await ann.request({ type: 'chat', text: 'x', to: ann.participantId });
      assert.deepEqual(pick(toSelf, ['code', 'field']), { code: 'invalid_message', field: 'to' });

      const late = await PresenceClient.join(backend.roomUrl('private'), { token: 'user:d:Dan' });
      assert.deepEqual(
        (late.welcome.chat as ChatMessage[]).map((m) => m.text),
        ['everyone'],
        'private messages are not in the history',
      );
      for (const client of [ann, ben, cat, late]) client.close();
    });

    test('a late joiner gets the bounded history, oldest first; an emptied room forgets it', async () => {
      const olive = await PresenceClient.join(backend.roomUrl('history'), { token: 'user:u1:Olive' });
      for (const text of ['one', 'two', 'three', 'four']) await olive.request({ type: 'chat', text });
      const late = await PresenceClient.join(backend.roomUrl('history'), { token: 'user:u5:Late' });
      const history = late.welcome.chat as ChatMessage[];
      assert.deepEqual(
        history.map((m) => [m.text, m.name]),
        [
          ['two', 'Olive'],
          ['three', 'Olive'],
          ['four', 'Olive'],
        ],
      );
      late.send({ type: 'leave' });
      olive.send({ type: 'leave' });
      await Promise.all([late.closed, olive.closed]);
      const fresh = await PresenceClient.join(backend.roomUrl('history'), { token: 'user:u6:New' });
      assert.deepEqual(fresh.welcome.chat, []);
      fresh.close();
    });
  });

  describe('raised hands', { timeout: 20000 }, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend({ authorize: 'tokens' });
    });
    after(() => backend.stop());

    test('the server keeps the raise order; lowering and raising again goes to the back', async () => {
      const ann = await PresenceClient.join(backend.roomUrl('hands'), { token: 'user:a:Ann' });
      const ben = await PresenceClient.join(backend.roomUrl('hands'), { token: 'user:b:Ben' });
      const cat = await PresenceClient.join(backend.roomUrl('hands'), { token: 'user:c:Cat' });
      assert.equal((await ben.request({ type: 'update', patch: { handRaised: true } })).type, 'ack');
      await ann.request({ type: 'update', patch: { handRaised: true } });
      await cat.request({ type: 'update', patch: { handRaised: true } });
      const order = (state: Participant[]) =>
        state
          .filter((p) => p.handRaised)
          .sort((x, y) => (x.handRaisedAt as number) - (y.handRaisedAt as number))
          .map((p) => p.name);
      assert.deepEqual(order(await cat.roomState()), ['Ben', 'Ann', 'Cat']);
      await ben.request({ type: 'update', patch: { handRaised: false } });
      const lowered = (await cat.roomState()).find((p) => p.name === 'Ben');
      assert.equal(lowered?.handRaisedAt, null);
      await ben.request({ type: 'update', patch: { handRaised: true } });
      assert.deepEqual(order(await cat.roomState()), ['Ann', 'Cat', 'Ben']);

      // The order is the server's: a client may not write it.
      const forged = await ann.request({ type: 'update', patch: { handRaisedAt: 0 } });
      assert.deepEqual(pick(forged, ['code', 'field']), {
        code: 'invalid_message',
        field: 'patch.handRaisedAt',
      });
      for (const client of [ann, ben, cat]) client.close();
    });

    test('lower-hand: refused without moderator rights; a moderator lowers it and the target is told', async () => {
      const ann = await PresenceClient.join(backend.roomUrl('lower'), { token: 'user:a:Ann' });
      const ben = await PresenceClient.join(backend.roomUrl('lower'), { token: 'user:b:Ben' });
      await ann.request({ type: 'update', patch: { handRaised: true } });
      const before = await ann.roomState();
      const from = ann.messages.length;
      const refused = await ben.request({ type: 'lower-hand', participantId: ann.participantId });
      assert.deepEqual(pick(refused, ['type', 'code']), { type: 'error', code: 'forbidden' });
      assert.deepEqual(ann.since(from, 'hand-lowered', 'participant-updated'), []);
      assert.deepEqual(await ann.roomState(), before);

      const mod = await PresenceClient.join(backend.roomUrl('lower'), { token: 'user:m:Mod:mod' });
      assert.equal(
        (await mod.request({ type: 'lower-hand', participantId: 'nobody' })).code,
        'participant_not_found',
      );
      assert.equal((await mod.request({ type: 'lower-hand', participantId: ann.participantId })).type, 'ack');
      assert.equal((await ann.next('hand-lowered')).by, mod.participantId);
      const seen = await ben.next(
        'participant-updated',
        (m) => recordOf(m).id === ann.participantId && !recordOf(m).handRaised,
      );
      assert.equal(recordOf(seen).handRaisedAt, null);
      for (const client of [ann, ben, mod]) client.close();
    });
  });

  describe('reactions', { timeout: 20000 }, () => {
    let backend: Backend;
    before(async () => {
      backend = await startBackend({ reactions: { emoji: ['🦄', '👍'], burst: 3, perSecond: 0.5 } });
    });
    after(() => backend.stop());

    test('a reaction from the configured set reaches everyone with the sender; others are refused', async () => {
      const ann = await PresenceClient.join(backend.roomUrl('react'), { name: 'Ann' });
      const ben = await PresenceClient.join(backend.roomUrl('react'), { name: 'Ben' });
      assert.deepEqual(ann.welcome.reactions, ['🦄', '👍']);
      assert.equal((await ben.request({ type: 'react', emoji: '🦄' })).type, 'ack');
      const seen = await ann.next('reaction');
      assert.deepEqual(pick(seen, ['participantId', 'emoji']), {
        participantId: ben.participantId,
        emoji: '🦄',
      });
      const other = await ben.request({ type: 'react', emoji: '<b>x</b>' });
      assert.deepEqual(pick(other, ['code', 'field']), { code: 'invalid_message', field: 'emoji' });

      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await ben.request({ type: 'react', emoji: '👍' }));
      assert.deepEqual(
        answers.map((a) => a.code ?? a.type),
        ['ack', 'ack', 'rate_limited'],
      );
      await ann.request({ type: 'ping' });
      assert.equal(ann.since(0, 'reaction').length, 3);
      ann.close();
      ben.close();
    });
  });
});

function pick(value: unknown, keys: string[]): Record<string, unknown> {
  const object = value as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));
}
