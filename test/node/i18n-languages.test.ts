// Every shipped language has exactly the keys of the English built-in (no missing text, no stray
// key left from a rename), each key of the same kind, and counts go through the language's own
// plural rules and digits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedLanguages } from '../../src/i18n/languages.js';
import { english, type Translation } from '../../src/internal/i18n.js';

const expected = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt-br',
  'pt-pt',
  'nl',
  'pl',
  'sv',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'hi',
  'ja',
  'ko',
  'zh-cn',
  'zh-tw',
];

async function load(code: string): Promise<Translation> {
  const loader = shippedLanguages.get(code);
  assert.ok(loader, `${code} is shipped`);
  return (await loader()).default;
}

/** Every call a function key gets in the elements, with sample arguments. */
function sample(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => string;
    return fn.length === 2
      ? [fn('Ada', '👍')]
      : [0, 1, 2, 3, 5, 11, 21, 1234].map((n) => fn(n === 0 ? 'Ada' : n));
  }
  return [];
}

test('the shipped languages are the 20 of the issue (English built in)', () => {
  assert.deepEqual(['en', ...shippedLanguages.keys()].sort(), [...expected].sort());
});

for (const code of expected.filter((c) => c !== 'en')) {
  test(`${code} has every key of English, no other key, and no empty text`, async () => {
    const language = await load(code);
    assert.equal(language.$code.toLowerCase(), code);
    const record = language as unknown as Record<string, unknown>;
    const reference = english as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(record).sort(), Object.keys(reference).sort(), 'top-level keys');
    for (const nested of ['errors', 'quality'] as const) {
      assert.deepEqual(
        Object.keys(language[nested]).sort(),
        Object.keys(english[nested]).sort(),
        `${nested} keys`,
      );
      for (const [key, text] of Object.entries(language[nested]))
        assert.ok(text.trim(), `${nested}.${key} is empty`);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === 'errors' || key === 'quality') continue;
      assert.equal(typeof value, typeof reference[key], `${key} is a ${typeof reference[key]}`);
      if (typeof value === 'function') {
        assert.equal((value as () => string).length, (reference[key] as () => string).length, `${key} arity`);
      }
      for (const text of sample(value))
        assert.ok(text.trim() && !text.includes('undefined'), `${key} gives "${text}"`);
    }
  });
}

test('counts take the language’s plural form and digits', async () => {
  const pl = await load('pl');
  assert.equal(pl.participantCount(1), '1 uczestnik');
  assert.equal(pl.participantCount(3), '3 uczestnicy');
  assert.equal(pl.participantCount(5), '5 uczestników');
  assert.equal(pl.participantCount(22), '22 uczestnicy');
  const ru = await load('ru');
  assert.equal(ru.unreadMessages(21), '21 непрочитанное сообщение');
  assert.equal(ru.unreadMessages(12), '12 непрочитанных сообщений');
  const ar = await load('ar');
  assert.equal(ar.participantCount(2), 'مشاركان');
  assert.equal(ar.participantCount(3), `${new Intl.NumberFormat('ar').format(3)} مشاركين`);
  assert.equal(english.participantCount(1234), '1,234 participants');
  assert.equal((await load('de')).unreadMessages(1234), '1.234 ungelesene Nachrichten');
});
