/** README.md's element reference must match what the elements' JSDoc says (via the manifest). */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { type Manifest, updateReadme } from '../../scripts/readme-elements.js';

const root = new URL('../../', import.meta.url).pathname;

test('readme-elements: the README element reference matches the elements JSDoc', async () => {
  const outdir = await mkdtemp(join(tmpdir(), 'calls-manifest-'));
  try {
    // The analyzer joins --outdir to the working directory, so it has to be relative.
    await promisify(execFile)(
      process.execPath,
      [
        'node_modules/@custom-elements-manifest/analyzer/cem.js',
        'analyze',
        '--quiet',
        '--outdir',
        relative(root, outdir),
      ],
      { cwd: root },
    );
    const manifest = JSON.parse(await readFile(join(outdir, 'custom-elements.json'), 'utf8')) as Manifest;
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const expected = updateReadme(readme, manifest);
    if (expected === readme) return;
    const lines = readme.split('\n');
    const line = expected.split('\n').findIndex((text, index) => text !== lines[index]);
    assert.fail(
      `README.md is out of date with the elements' JSDoc (first difference on line ${line + 1}: ` +
        `${JSON.stringify(lines[line])}): run \`npm run docs\` and commit README.md`,
    );
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
});
