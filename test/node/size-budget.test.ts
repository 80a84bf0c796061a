// The size budget (sizes are deterministic, unlike times): the all-in script-tag bundle and
// `calls-elements/core`, minified and gzipped, stay under their limits, and a host that imports only
// <calls-room> and <calls-tile> gets only the modules those two reach. Bundles the tsc output in
// dist/ with the project's own rollup config, so run `npm run build` first.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type OutputChunk, type OutputOptions, type Plugin, type RollupOptions, rollup } from 'rollup';

const KB = 1000;
// Issue 17 aims at 55 kB and 25 kB; the full meeting (kit, people, devices, recovery) is over that
// today (62.3 kB / 27.6 kB). The budget holds the line where it is until the bundle is cut down.
// The speaker layout, pin, layout select and alone notice (issue 13) measured +3.2 kB on the
// bundle (62.7 → 65.9); accessibility (issue 16: the default meeting's exportparts, forced-colors
// rules, tile names, people announcements) +1.4 kB (62.6 → 64.0); merged with the room's ICE
// restart and the spotlight choice in the core: 67.8 kB bundle, 28.3 kB core. Issue 17's target
// (55 / 25 kB) is not met; this budget only stops unmeasured growth. One template for both default
// meetings (246.7 kB min, 67.9 kB gzip), then compact tiles for people without a camera and the
// grid's phone layout (issue 13) measured +2.3 kB: 70.2 kB.
const BUDGET = { bundle: 70.5 * KB, core: 28.5 * KB };

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = `${root}dist/`;
// The script-tag build's own config (plain JavaScript, so imported by path rather than typed import).
const config = ((await import(`${root}rollup.config.js`)) as { default: RollupOptions }).default;

/** Bundles `entry` (a file, or source text for a virtual entry) as the script-tag build does. */
async function bundle(entry: { file: string } | { source: string }): Promise<OutputChunk> {
  const virtual: Plugin = {
    name: 'virtual-entry',
    resolveId: (id) => (id === '\0entry' ? id : null),
    load: (id) => (id === '\0entry' && 'source' in entry ? entry.source : null),
  };
  const build = await rollup({
    ...config,
    input: 'file' in entry ? entry.file : '\0entry',
    plugins: [virtual, ...(config.plugins as Plugin[])],
  });
  try {
    const { output } = await build.generate({ ...(config.output as OutputOptions), sourcemap: false });
    return output[0];
  } finally {
    await build.close();
  }
}

/** The all-in bundle, built once for the tests that need it. */
let allIn: Promise<OutputChunk> | undefined;
const allInBundle = () => {
  allIn ??= bundle({ file: `${dist}index.js` });
  return allIn;
};

const gzipped = (chunk: OutputChunk) => gzipSync(chunk.code, { level: 9 }).length;
const included = (chunk: OutputChunk) =>
  Object.entries(chunk.modules)
    .filter(([, info]) => info.renderedLength > 0)
    .map(([id]) => id);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;

/** The files of dist/ that `file` reaches through static relative imports. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?['"](\.[^'"]+)['"]/g)) {
    reachable(resolve(dirname(file), specifier as string), seen);
  }
  return seen;
}

test('dist/ holds a build to measure', () => {
  assert.ok(existsSync(`${dist}index.js`), 'run `npm run build` before the size budget test');
});

test(`the all-in script-tag bundle is at most ${kb(BUDGET.bundle)} min+gzip, with no translation but English`, async () => {
  const chunk = await allInBundle();
  const size = gzipped(chunk);
  console.log(`script-tag bundle: ${kb(chunk.code.length)} min, ${kb(size)} min+gzip`);
  assert.ok(
    size <= BUDGET.bundle,
    `the bundle is ${kb(size)} min+gzip, over its ${kb(BUDGET.bundle)} budget`,
  );
  // dist/i18n/languages.js is the table of shipped codes (the loader's), not a translation.
  const translations = included(chunk).filter(
    (id) => id.startsWith(`${dist}i18n/`) && id !== `${dist}i18n/languages.js`,
  );
  assert.deepEqual(translations, [], 'translations load on demand, outside the main bundle');
});

test(`calls-elements/core is at most ${kb(BUDGET.core)} min+gzip`, async () => {
  const chunk = await bundle({ file: fileURLToPath(import.meta.resolve('calls-elements/core')) });
  const size = gzipped(chunk);
  console.log(`calls-elements/core: ${kb(chunk.code.length)} min, ${kb(size)} min+gzip`);
  assert.ok(size <= BUDGET.core, `core is ${kb(size)} min+gzip, over its ${kb(BUDGET.core)} budget`);
});

test('a host importing only <calls-room> and <calls-tile> gets only what those two reach', async () => {
  const entries = ['calls-room', 'calls-tile'].map((tag) =>
    fileURLToPath(import.meta.resolve(`calls-elements/elements/${tag}`)),
  );
  const chunk = await bundle({ source: entries.map((file) => `import ${JSON.stringify(file)};`).join('\n') });
  const allowed = new Set<string>();
  for (const file of entries) for (const reached of reachable(file)) allowed.add(reached);

  const ownModules = included(chunk).filter((id) => id.startsWith(dist));
  const extra = ownModules.filter((id) => !allowed.has(id));
  assert.deepEqual(extra, [], 'modules neither element imports');
  for (const file of entries) assert.ok(ownModules.includes(file), `${file} is missing from the bundle`);
  const all = await allInBundle();
  const leftOut = included(all)
    .filter((id) => id.startsWith(dist) && !ownModules.includes(id))
    .map((id) => id.slice(dist.length));
  console.log(
    `<calls-room> + <calls-tile> only: ${kb(gzipped(chunk))} min+gzip (all-in ${kb(gzipped(all))}); left out: ${leftOut.join(', ')}`,
  );
  assert.ok(gzipped(chunk) <= gzipped(all));
});
