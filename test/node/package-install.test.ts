// calls-elements as an app installs it: `npm pack`, then `npm install` of the tarball into an empty
// project (the registry supplies its dependencies). A browser install brings no server-only
// packages, `require()` works, the types resolve under moduleResolution bundler and node16, and the
// CLI explains how to get the local SFU's optional peers. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
/** Packages only the SFU and the Node backend use; none may come with a browser install. */
const serverOnly = ['werift', 'ws', '@shinyoshiaki/ebml-builder', 'werift-rtp', 'werift-ice'];

describe('the packed package, installed into an app', () => {
  let app: string;

  before(async () => {
    assert.ok(existsSync(`${root}dist/index.js`), 'run `npm run build` first');
    app = await mkdtemp(join(tmpdir(), 'calls-elements-app-'));
    const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', app], { cwd: root });
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module' }),
    );
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${stdout.trim()}`], {
      cwd: app,
      env: { ...process.env, npm_config_loglevel: 'error' },
    });
  });

  after(async () => {
    if (app) await rm(app, { recursive: true, force: true });
  });

  it('brings no server-only packages', async () => {
    const lock = JSON.parse(await readFile(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    const installed = Object.keys(lock.packages).map((path) => path.replace(/^.*node_modules\//, ''));
    assert.deepEqual(
      installed.filter((name) => serverOnly.includes(name)),
      [],
    );
    assert.ok(installed.includes('lit') && installed.includes('partytracks'));
  });

  it('works with require()', async () => {
    const { stdout } = await run(process.execPath, ['-e', "console.log(require('calls-elements').VERSION)"], {
      cwd: app,
    });
    const { version } = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as { version: string };
    assert.equal(stdout.trim(), version);
  });

  for (const resolution of ['bundler', 'node16'] as const) {
    it(`resolves its types under moduleResolution ${resolution}`, async () => {
      const file = join(app, `uses-${resolution}.mts`);
      await writeFile(
        file,
        [
          "import { CallsRoomElement, type CallsJoinedEvent } from 'calls-elements';",
          "import { Room } from 'calls-elements/core';",
          "import { createCallsHandler } from 'calls-elements/server';",
          "import type {} from 'calls-elements/elements/calls-tile';",
          'const room: CallsRoomElement = document.createElement("calls-room");',
          'room.addEventListener("calls-joined", (event: CallsJoinedEvent) => event.detail.room.toUpperCase());',
          'export { Room, createCallsHandler };',
        ].join('\n'),
      );
      const config = join(app, `tsconfig.${resolution}.json`);
      await writeFile(
        config,
        JSON.stringify({
          compilerOptions: {
            noEmit: true,
            strict: true,
            skipLibCheck: true,
            target: 'es2022',
            lib: ['es2022', 'dom'],
            types: [],
            module: resolution === 'node16' ? 'node16' : 'esnext',
            moduleResolution: resolution,
          },
          files: [file],
        }),
      );
      await run(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', config], {
        cwd: app,
      }).catch((error: { stdout?: string }) => {
        throw new Error(`tsc (${resolution}) failed:\n${error.stdout}`);
      });
    });
  }

  it('the CLI says how to get the local SFU when its peers are missing', async () => {
    const failed = await run(
      process.execPath,
      [join(app, 'node_modules/calls-elements/dist/bin.js'), 'dev'],
      {
        cwd: app,
      },
    ).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    assert.equal(failed?.code, 1);
    assert.match(failed?.stderr ?? '', /npx -p calls-elements -p werift -p ws calls-elements dev/);
  });
});
