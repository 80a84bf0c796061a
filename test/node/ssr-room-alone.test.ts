// Server-side rendering of a <calls-room> imported on its own, without the all-in entry: the room
// loads its default meeting only in a browser (it is not imported up front here), so the server
// writes the room without it, loads nothing, and every request gets the same markup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

test('a <calls-room> imported alone server-renders without its default meeting, and loads none', async () => {
  await import('../../src/elements/calls-room/calls-room.js');
  const markup = async () => collectResult(render(html`<calls-room room="standup"></calls-room>`));
  const first = await markup();
  assert.match(first, /<calls-room[^>]*>\s*<template shadowroot(mode)?="open"/);
  assert.match(first, /part="announcer"/);
  assert.doesNotMatch(first, /<calls-lobby/);
  for (const tag of ['calls-lobby', 'calls-grid', 'calls-control-bar']) {
    assert.equal(customElements.get(tag), undefined, `${tag} was defined on the server`);
  }
  assert.equal(await markup(), first);
});
