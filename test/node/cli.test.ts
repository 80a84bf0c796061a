/** The `calls-elements` command, run as a real child process. */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { finished, lineMatching } from './helpers/cli-process.js';

function runCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('calls-elements CLI', () => {
  it('runs the SFU with the app id and secret from the environment and stops on SIGTERM', async () => {
    const child = runCli(['sfu', '--port', '0', '--quiet'], {
      CALLS_APP_ID: 'cli-app',
      CALLS_APP_SECRET: 'cli-secret',
    });
    try {
      const [, url] = await lineMatching(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const created = await fetch(`${url}/v1/apps/cli-app/sessions/new`, {
        method: 'POST',
        headers: { authorization: 'Bearer cli-secret' },
      });
      assert.equal(created.status, 201);
      const refused = await fetch(`${url}/v1/apps/cli-app/sessions/new`, {
        method: 'POST',
        headers: { authorization: 'Bearer local-secret' },
      });
      assert.equal(refused.status, 401);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });

  it('makes up an unguessable app secret when none is given, and prints it', async () => {
    const child = runCli(['sfu', '--port', '0'], { CALLS_APP_SECRET: '' });
    try {
      const listening = lineMatching(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const printed = lineMatching(child, /app secret: (\S+)/);
      const [[, url], [, secret]] = await Promise.all([listening, printed]);
      assert.ok(secret && secret.length >= 20 && secret !== 'local-secret', secret);
      const call = (bearer: string) =>
        fetch(`${url}/v1/apps/local-app/sessions/new`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}` },
        });
      assert.equal((await call('local-secret')).status, 401);
      assert.equal((await call(secret!)).status, 201);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('takes --app-id and --app-secret over the environment', async () => {
    const child = runCli(
      ['sfu', '--port', '0', '--quiet', '--app-id', 'flag-app', '--app-secret', 'flag-secret'],
      {
        CALLS_APP_ID: 'env-app',
      },
    );
    try {
      const [, url] = await lineMatching(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const created = await fetch(`${url}/apps/flag-app/sessions/new`, {
        method: 'POST',
        headers: { authorization: 'Bearer flag-secret' },
      });
      assert.equal(created.status, 201);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('prints usage for --help, -h and no command, and the version for --version, exiting 0', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    for (const args of [['--help'], ['-h'], [], ['dev', '--help'], ['sfu', '-h']]) {
      const { code, stdout, stderr } = await finished(runCli(args));
      assert.equal(code, 0, args.join(' '));
      assert.match(stdout, /Usage: calls-elements/);
      assert.match(stdout, /--allow-origin/);
      assert.equal(stderr, '');
    }
    const printed = await finished(runCli(['--version']));
    assert.equal(printed.code, 0);
    assert.equal(printed.stdout.trim(), version);
  });

  it('says the port is taken, without a stack trace, and exits 1', async () => {
    const taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    try {
      for (const command of ['sfu', 'dev']) {
        const { code, stderr } = await finished(runCli([command, '--port', String(port), '--quiet']));
        assert.equal(code, 1, command);
        assert.match(stderr, new RegExp(`127\\.0\\.0\\.1:${port} is already in use.*--port`));
        assert.doesNotMatch(stderr, /EADDRINUSE|\n\s+at /);
      }
    } finally {
      taken.close();
    }
  });

  it('dev --allow-origin lets that origin (and its host name) use the backend, and no other', async () => {
    const child = runCli([
      'dev',
      '--port',
      '0',
      '--allow-origin',
      'http://app.test:5173',
      '--allow-origin',
      'http://other.test',
    ]);
    try {
      const [, url] = await lineMatching(child, /open (http:\/\/127\.0\.0\.1:\d+)\//);
      const ice = (origin: string) =>
        fetch(`${url}/calls/partytracks/generate-ice-servers`, { headers: { origin } });
      const allowed = await ice('http://app.test:5173');
      assert.equal(allowed.status, 200);
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://app.test:5173');
      assert.equal((await ice('http://other.test')).status, 200);
      const refused = await ice('http://evil.test');
      assert.equal(refused.status, 403);
      assert.equal(((await refused.json()) as { errorCode: string }).errorCode, 'origin_not_allowed');
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('refuses an --allow-origin that is not an origin', async () => {
    const { code, stderr } = await finished(
      runCli(['dev', '--port', '0', '--allow-origin', 'app.test/path']),
    );
    assert.equal(code, 2);
    assert.match(stderr, /Invalid origin "app\.test\/path"/);
  });

  it('refuses an unknown command or a bad port with usage and exit code 2', async () => {
    for (const args of [['explode'], ['sfu', '--port', 'eighty'], ['sfu', '--no-such-flag']]) {
      const child = runCli(args);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const [code] = await once(child, 'exit');
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /Usage: calls-elements/);
    }
  });
});
