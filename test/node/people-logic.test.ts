// Pure logic behind chat and hands: the server's text sanitiser and bounded history, the client's
// raise-order numbering and the chat's link detection.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { raisedHands, withHandOrder } from '../../src/core/hands.js';
import type { Participant } from '../../src/core/participant.js';
import { linkify } from '../../src/internal/linkify.js';
import { ChatLog } from '../../src/server/rooms/chat-log.js';
import { sanitiseChatText } from '../../src/server/rooms/chat-text.js';
import { resolvePeopleOptions } from '../../src/server/rooms/people-options.js';

describe('sanitiseChatText', () => {
  it('removes bidi overrides, isolates, zero-width and control characters but keeps newlines and emoji joins', () => {
    assert.equal(sanitiseChatText('a\u202Eb\u2066c\u2069d\u200Be\u0007f'), 'abcdef');
    assert.equal(sanitiseChatText('line one  \r\n  line two\u2028three'), 'line one\nline two\nthree');
    assert.equal(sanitiseChatText('a\n\n\n\n\nb'), 'a\n\nb');
    assert.equal(sanitiseChatText('👨\u200D👩\u200D👧'), '👨\u200D👩\u200D👧');
    assert.equal(sanitiseChatText('e\u0301'), '\u00e9', 'NFC');
  });
  it('leaves markup alone: it is text, the client renders it as text', () => {
    assert.equal(sanitiseChatText('<img src=x onerror=alert(1)>'), '<img src=x onerror=alert(1)>');
  });
});

describe('ChatLog', () => {
  const message = (text: string) => ({ id: text, from: 'p', name: 'P', text, at: 0 });
  it('keeps the last N messages, oldest first', () => {
    const log = new ChatLog(2, 1000);
    for (const text of ['a', 'b', 'c']) log.append(message(text));
    assert.deepEqual(
      log.messages().map((m) => m.text),
      ['b', 'c'],
    );
  });
  it('drops the oldest while the text is over the character cap, but keeps the newest message', () => {
    const log = new ChatLog(100, 10);
    log.append(message('12345'));
    log.append(message('67890'));
    log.append(message('x'));
    assert.deepEqual(
      log.messages().map((m) => m.text),
      ['67890', 'x'],
    );
    const big = new ChatLog(100, 10);
    big.append(message('a'.repeat(20)));
    assert.equal(big.messages().length, 1);
  });
  it('restores entries in sequence order and numbers new ones after them', () => {
    const log = new ChatLog(10, 1000);
    log.restore([
      { seq: 7, message: message('late') },
      { seq: 3, message: message('early') },
    ]);
    log.append(message('next'));
    assert.deepEqual(
      log.entries().map((e) => [e.seq, e.message.text]),
      [
        [3, 'early'],
        [7, 'late'],
        [8, 'next'],
      ],
    );
  });
});

describe('resolvePeopleOptions', () => {
  it('refuses an empty or oversized emoji set and non-positive limits at start-up', () => {
    assert.throws(() => resolvePeopleOptions({}, { emoji: [] }), /reactions\.emoji/);
    assert.throws(() => resolvePeopleOptions({}, { emoji: ['x'.repeat(17)] }), /reactions\.emoji/);
    assert.throws(() => resolvePeopleOptions({ maxChars: 0 }), /chat\.maxChars/);
    assert.deepEqual(resolvePeopleOptions({}, { emoji: ['🦄'] }).reactions.emoji, ['🦄']);
  });
});

describe('withHandOrder', () => {
  const person = (id: string, joinedAt: number, handRaisedAt: number | null): Participant =>
    ({ id, joinedAt, handRaised: handRaisedAt !== null, handRaisedAt, handOrder: null }) as Participant;
  it('numbers raised hands by the time the backend raised them, not by join order', () => {
    const people = withHandOrder([person('a', 1, 300), person('b', 2, null), person('c', 3, 100)]);
    assert.deepEqual(
      people.map((p) => p.handOrder),
      [2, null, 1],
    );
    assert.deepEqual(
      raisedHands(people).map((p) => p.id),
      ['c', 'a'],
    );
  });
  it('falls back to join order when a revision-1 backend sends no times', () => {
    const people = withHandOrder([
      { ...person('a', 5, null), handRaised: true },
      { ...person('b', 1, null), handRaised: true },
    ]);
    assert.deepEqual(
      people.map((p) => p.handOrder),
      [2, 1],
    );
  });
});

describe('linkify', () => {
  it('makes http(s) addresses links, without the sentence punctuation after them', () => {
    assert.deepEqual(linkify('see https://example.com/a?b=1. and (http://x.test/y)'), [
      { text: 'see ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: '. and (' },
      { text: 'http://x.test/y', href: 'http://x.test/y' },
      { text: ')' },
    ]);
  });
  it('never links other schemes and leaves markup as text', () => {
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,<script>x</script>',
      '<a href="https://x.test">x</a>',
    ]) {
      const pieces = linkify(text);
      assert.equal(pieces.map((piece) => piece.text).join(''), text, 'all text kept');
      for (const piece of pieces) assert.ok(piece.href === undefined || /^https?:\/\//.test(piece.href));
    }
    assert.deepEqual(linkify('javascript:alert(1)'), [{ text: 'javascript:alert(1)' }]);
  });
});
