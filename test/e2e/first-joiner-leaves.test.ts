// Four people in the demo room; the first one to join leaves. Every remaining page still shows its
// own self view and the other two's live video, and no tile for the one who left (the first joiner
// leaving used to turn the second person's self view into initials). Needs tiles keyed by
// participant id in the default view: with unkeyed tiles a tile element passes to another person
// and that person's video does not come back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CallPage,
  openCallPage,
  viewOf,
  waitForJoin,
  waitForMutualVideo,
} from './helpers/call-pages.js';
import { useCallServer } from './helpers/call-server.js';
import { deepFind, theRoom } from './helpers/page-scripts.js';

describe('four people, the first joiner leaves', { timeout: 240_000 }, () => {
  const server = useCallServer();

  it('the three who stay see themselves and each other', { timeout: 200_000 }, async () => {
    const room = `four-${Date.now().toString(36)}`;
    const calls: CallPage[] = [];
    // One after the other, so "first" is well defined.
    for (const name of ['Ada', 'Bob', 'Cy', 'Di']) {
      calls.push(await openCallPage(server.browser, server.dev.url, room, name));
      await waitForJoin(calls[calls.length - 1] as CallPage, 60_000);
    }
    const joined = await waitForMutualVideo(calls, Date.now(), 90_000);
    console.log(`four pages play each other's video ${joined.ms} ms after the last one joined`);

    const [first, ...staying] = calls as [CallPage, ...CallPage[]];
    const leaverId = joined.ids[0];
    await first.page.evaluate(`(() => { ${deepFind} return ${theRoom}.leave(); })()`);
    const left = Date.now();
    const after = await waitForMutualVideo(staying, left, 30_000);
    console.log(`the three who stayed play each other's video ${after.ms} ms after the first left`);
    assert.deepEqual(after.ids, joined.ids.slice(1), 'the others are the same participants');
    for (const call of staying) {
      const view = await viewOf(call);
      assert.ok(
        !view.tiles.some((tile) => tile.id === leaverId),
        `${call.name} shows no tile for the leaver`,
      );
    }
  });
});
