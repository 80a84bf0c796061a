// `npx calls-elements dev` for a newcomer: the packed package installed without its optional peers
// (werift, ws), as npx installs it. The command fetches them once with npm into its cache, serves
// the demo page and the backend, and its SFU (running on the fetched werift) connects a real WebRTC
// peer; a second start takes them from the cache without running npm; with npm failing or missing
// it says what to run instead. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MediaStreamTrack } from 'werift';
import { finished, lineMatching, stderrOf } from './helpers/cli-process.js';
import { connected, loopbackPeer, proxyCall, roomUrl } from './helpers/live-call.js';
import { installPackedApp } from './helpers/packed-app.js';
import { PresenceClient } from './helpers/server-harness.js';

const fetchingLine =
  /^calls-elements: fetching werift@0\.24\.4 and ws@\^8\.\d+\.\d+ for the local SFU into (\S+) \(once\)$/m;

describe('calls-elements dev from an install without werift and ws', () => {
  let app: string;
  let scratch: string;
  /**
   * npms that fail, leaving a mark (proof of whether the command ran npm): on PATH, and as the
   * `npm_execpath` npx hands its commands (the npm running them).
   */
  let failingNpmPath: string;
  let failingNpmCli: string;
  let npmMark: string;

  before(async () => {
    app = await installPackedApp('calls-elements-npx-');
    for (const peer of ['werift', 'ws'])
      assert.equal(existsSync(join(app, 'node_modules', peer)), false, peer);
    scratch = await mkdtemp(join(tmpdir(), 'calls-elements-npx-scratch-'));
    const bin = join(scratch, 'failing-npm');
    npmMark = join(scratch, 'npm-ran');
    await mkdir(bin);
    await writeFile(
      join(bin, 'npm'),
      `#!/bin/sh\ntouch '${npmMark}'\necho 'npm ERR! network: registry unreachable' >&2\nexit 1\n`,
    );
    await chmod(join(bin, 'npm'), 0o755);
    failingNpmPath = `${bin}${delimiter}${process.env.PATH ?? ''}`;
    failingNpmCli = join(bin, 'npm-cli.js');
    await writeFile(
      failingNpmCli,
      `require('node:fs').writeFileSync(${JSON.stringify(npmMark)}, '');\n` +
        "console.error('npm ERR! network: registry unreachable');\nprocess.exit(1);\n",
    );
  });

  after(async () => {
    for (const dir of [app, scratch]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Runs the installed command; npm from PATH unless `env` names an `npm_execpath`, as npx does. */
  function runInstalled(args: string[], env: Record<string, string>): ChildProcess {
    return spawn(process.execPath, [join(app, 'node_modules/calls-elements/dist/cli.js'), ...args], {
      cwd: app,
      env: { ...process.env, npm_execpath: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** Starts `dev`, waits for its address, and hands it over; stops it (exit 0 on SIGTERM) after. */
  async function withDev(
    env: Record<string, string>,
    use: (url: string, stderr: { readonly text: string }) => Promise<void>,
  ): Promise<void> {
    const child = runInstalled(['dev', '--port', '0'], env);
    const stderr = stderrOf(child);
    try {
      const [, url] = await lineMatching(child, /open (http:\/\/127\.0\.0\.1:\d+)\//).catch((error) => {
        throw new Error(`${(error as Error).message}\n${stderr.text}`);
      });
      await use(url as string, stderr);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  }

  it('fetches them once into its cache, runs a working SFU, and reuses the cache without npm', {
    timeout: 300_000,
  }, async () => {
    const cache = join(scratch, 'cache');
    await withDev({ CALLS_ELEMENTS_CACHE_DIR: cache }, async (url, stderr) => {
      const [, directory] = fetchingLine.exec(stderr.text) ?? [];
      assert.ok(directory?.startsWith(join(cache, 'server-peers-')), stderr.text);
      assert.ok(existsSync(join(directory as string, 'node_modules', 'werift', 'package.json')));

      const page = await fetch(`${url}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<calls-meeting|<calls-room/);
      assert.equal((await fetch(`${url}/dist/calls-elements.min.js`)).status, 200);

      // A Calls API call through the backend, answered by the SFU on the fetched werift: a real
      // peer's offer gets an answer, and ICE and DTLS complete with it.
      const dev = { endpoint: `${url}/calls` };
      const ada = await PresenceClient.join(roomUrl(dev, 'npx', 'Ada'));
      const publisher = loopbackPeer();
      try {
        const created = await proxyCall(dev, ada.credential, 'POST', '/sessions/new');
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const transceiver = publisher.addTransceiver(new MediaStreamTrack({ kind: 'audio' }), {
          direction: 'sendonly',
        });
        await publisher.setLocalDescription(await publisher.createOffer());
        const pushed = await proxyCall(
          dev,
          ada.credential,
          'POST',
          `/sessions/${created.body.sessionId}/tracks/new`,
          {
            sessionDescription: { type: 'offer', sdp: publisher.localDescription?.sdp },
            tracks: [{ location: 'local', mid: transceiver.mid, trackName: 'mic' }],
          },
        );
        assert.equal(pushed.status, 200, JSON.stringify(pushed.body));
        assert.equal(pushed.body.sessionDescription?.type, 'answer');
        await publisher.setRemoteDescription(
          pushed.body.sessionDescription as { type: 'answer'; sdp: string },
        );
        await connected(publisher);
      } finally {
        ada.close();
        await publisher.close();
      }
    });

    // Again, with an npm that would fail: the cache is enough, and npm is not run at all.
    const failingNpms = { PATH: failingNpmPath, npm_execpath: failingNpmCli };
    await withDev({ CALLS_ELEMENTS_CACHE_DIR: cache, ...failingNpms }, async (url, stderr) => {
      assert.doesNotMatch(stderr.text, /fetching/);
      assert.equal(existsSync(npmMark), false, 'the second start ran npm');
      assert.equal((await fetch(`${url}/calls/partytracks/generate-ice-servers`)).status, 200);
    });
    // Only the finished install is left: no half-done staging directory.
    assert.deepEqual(
      (await readdir(cache)).filter((name) => !name.startsWith('server-peers-')),
      [],
    );
  });

  it('needs no peers for --help, --version or bad arguments', async () => {
    const cache = join(scratch, 'untouched-cache');
    for (const [args, wanted] of [
      [['--help'], 0],
      [['--version'], 0],
      [['dev', '--port', 'eighty'], 2],
    ] as const) {
      const { code, stderr } = await finished(runInstalled([...args], { CALLS_ELEMENTS_CACHE_DIR: cache }));
      assert.equal(code, wanted, `${args.join(' ')}: ${stderr}`);
      assert.doesNotMatch(stderr, /fetching|werift/);
    }
    assert.equal(existsSync(cache), false);
  });

  it('says what to run instead, and exits 1, when the cache cannot be made', async () => {
    const file = join(scratch, 'a-file');
    await writeFile(file, '');
    const { code, stderr } = await finished(
      runInstalled(['dev', '--port', '0'], { CALLS_ELEMENTS_CACHE_DIR: join(file, 'cache') }),
    );
    assert.equal(code, 1, stderr);
    assert.match(
      stderr,
      /could not fetch werift@0\.24\.4 and ws@\^8[\d.]*, which the local SFU needs: ENOTDIR/,
    );
    assert.match(stderr, /npx -p calls-elements -p werift@0\.24\.4 -p "ws@\^8[\d.]*" calls-elements dev/);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  it('says what to run instead, and exits 1, when npm fails or is missing', { timeout: 60_000 }, async () => {
    const failed = /npm install exited with code 1\.\nnpm ERR! network: registry unreachable/;
    const cases: Array<{ name: string; env: Record<string, string>; why: RegExp }> = [
      { name: 'npm on PATH fails', env: { PATH: failingNpmPath }, why: failed },
      // The real npm is on PATH: only the one npx names may run.
      { name: 'the npm running npx fails', env: { npm_execpath: failingNpmCli }, why: failed },
      // No directory on PATH at all: npm cannot be found (the test starts node by its full path).
      { name: 'no npm', env: { PATH: join(scratch, 'empty') }, why: /npm was not found on PATH\./ },
    ];
    for (const { name, env, why } of cases) {
      const cache = await mkdtemp(join(scratch, 'cache-'));
      await rm(npmMark, { force: true });
      const { code, stderr } = await finished(
        runInstalled(['dev', '--port', '0'], { CALLS_ELEMENTS_CACHE_DIR: cache, ...env }),
      );
      assert.equal(code, 1, `${name}: ${stderr}`);
      assert.match(stderr, /could not fetch werift@0\.24\.4 and ws@\^8[\d.]*, which the local SFU needs: /);
      assert.match(stderr, why, name);
      assert.match(stderr, /npx -p calls-elements -p werift@0\.24\.4 -p "ws@\^8[\d.]*" calls-elements dev/);
      assert.match(stderr, /npm install --save-dev werift@0\.24\.4 "ws@\^8[\d.]*"/);
      assert.doesNotMatch(stderr, /\n\s+at /);
      assert.equal(existsSync(npmMark), why === failed, `${name}: the failing npm ran`);
      assert.deepEqual(await readdir(cache), [], 'a failed fetch leaves nothing in the cache');
    }
  });
});
