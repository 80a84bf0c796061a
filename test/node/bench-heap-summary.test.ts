// The bench's heap-snapshot summary (bench/lib/heap-snapshot.ts): nodes grouped the way DevTools'
// Summary view groups them, and the difference of two summaries, on a hand-made snapshot in V8's
// format (fields located through the snapshot's own meta, as a real one is read).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatGrowth, summarise, topGrowth } from '../../bench/lib/heap-snapshot.js';

const meta = {
  // A field order different from V8's usual one, so positions must come from the meta.
  node_fields: ['name', 'type', 'id', 'self_size', 'edge_count'],
  node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure', 'native']] as [string[]],
};
const strings = ['Room', 'onMessage', '', 'x', 'PermissionStatus'];

function snapshot(nodes: [name: number, type: number, self: number][]) {
  return {
    snapshot: { meta },
    nodes: nodes.flatMap(([name, type, self], id) => [name, type, id, self, 0]),
    strings,
  };
}

test('objects group by constructor, closures by function name, the rest by kind', () => {
  const summary = summarise(
    snapshot([
      [0, 3, 40], // object Room
      [0, 3, 40], // object Room
      [1, 5, 32], // closure onMessage
      [2, 5, 32], // anonymous closure
      [3, 2, 20], // string
      [4, 6, 88], // native PermissionStatus
    ]),
  );
  assert.deepEqual(summary.get('Room'), { count: 2, selfBytes: 80 });
  assert.deepEqual(summary.get('onMessage()'), { count: 1, selfBytes: 32 });
  assert.deepEqual(summary.get('(anonymous)()'), { count: 1, selfBytes: 32 });
  assert.deepEqual(summary.get('(string)'), { count: 1, selfBytes: 20 });
  assert.deepEqual(summary.get('PermissionStatus'), { count: 1, selfBytes: 88 });
});

test('growth lists what grew, largest first, and leaves out what shrank or stayed', () => {
  const before = summarise(
    snapshot([
      [0, 3, 40],
      [3, 2, 20],
      [3, 2, 20],
    ]),
  );
  const after = summarise(
    snapshot([
      [0, 3, 40],
      [0, 3, 40],
      [0, 3, 40],
      [4, 6, 88],
      [3, 2, 20],
    ]),
  );
  const growth = topGrowth(before, after, 5);
  assert.deepEqual(growth, [
    { name: 'PermissionStatus', count: 1, selfBytes: 88 },
    { name: 'Room', count: 2, selfBytes: 80 },
  ]);
  assert.deepEqual(topGrowth(before, after, 1), [growth[0]]);
  assert.equal(formatGrowth(growth, 2, 'cycle'), 'PermissionStatus +1 (44 B/cycle); Room +2 (40 B/cycle)');
  assert.equal(formatGrowth([], 2, 'cycle'), 'nothing grew');
});
