// calls-elements as an app installs it: `npm pack` of this checkout (needs `npm run build` first),
// then `npm install` of the tarball into an empty project, the registry (or npm's own cache)
// supplying its dependencies. npm leaves optional peers out, so werift and ws are not there.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A fresh temp directory holding an app with the packed calls-elements installed; remove it after. */
export async function installPackedApp(prefix: string): Promise<string> {
  assert.ok(existsSync(`${repositoryRoot}dist/index.js`), 'run `npm run build` first');
  const app = await mkdtemp(join(tmpdir(), prefix));
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', app], {
    cwd: repositoryRoot,
  });
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${stdout.trim()}`], {
    cwd: app,
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  return app;
}
