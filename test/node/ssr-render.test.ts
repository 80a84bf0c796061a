// Server-side rendering with @lit-labs/ssr: every element in the manifest renders to declarative
// shadow DOM in Node, without a window or a document (so new elements are covered without
// editing this file).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';

const manifest = JSON.parse(
  await readFile(new URL('../../custom-elements.json', import.meta.url), 'utf8'),
) as {
  modules: { declarations?: { customElement?: boolean; tagName?: string }[] }[];
};
const tags = manifest.modules
  .flatMap((mod) => mod.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName)
  .map((declaration) => declaration.tagName as string);

test('@lit-labs/ssr renders every element to declarative shadow DOM without window or document', async () => {
  await import('../../src/index.js');
  assert.ok(tags.length > 0, 'the manifest lists elements (run `npm run analyze`)');
  for (const tag of tags) {
    const name = unsafeStatic(tag);
    const markup = await collectResult(render(html`<${name} room="standup"></${name}>`));
    assert.match(
      markup,
      new RegExp(`<${tag}[^>]*>\\s*<template shadowroot(mode)?="open"`),
      `<${tag}> as rendered: ${markup}`,
    );
  }
  const globals = globalThis as { window?: unknown; document?: unknown };
  assert.equal(globals.window, undefined);
  assert.equal(globals.document, undefined);
});
