// The browser entry must import in Node without a DOM (server-side rendering, tooling), and the
// VERSION it reports must be the package's.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

test('the browser entry imports in Node without touching window or document', async () => {
  const globals = globalThis as { window?: unknown; document?: unknown };
  assert.equal(globals.window, undefined);
  const entry = await import('../../src/index.js');
  assert.equal(globals.window, undefined);
  assert.equal(globals.document, undefined);

  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  assert.equal(entry.VERSION, pkg.version);
});
