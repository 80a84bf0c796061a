// calls-elements as an app installs it (helpers/packed-app.ts): a browser install brings no
// server-only packages, `require()` works, and the types resolve under moduleResolution bundler and
// node16. (The command in such an install, which fetches its own peers: npx-dev.test.ts.) Needs
// `npm run build` first.
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { installPackedApp, repositoryRoot as root, run } from './helpers/packed-app.js';

/** Packages only the SFU and the Node backend use; none may come with a browser install. */
const serverOnly = ['werift', 'ws', '@shinyoshiaki/ebml-builder', 'werift-rtp', 'werift-ice'];

describe('the packed package, installed into an app', () => {
  let app: string;

  before(async () => {
    app = await installPackedApp('calls-elements-app-');
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
});
