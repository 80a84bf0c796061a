/** The `calls-elements` command, run as a real child process. */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';

function runCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Resolves with the first match of `pattern` in stdout. Keeps reading afterwards: closing the pipe
 * early would make the child's next write fail with EPIPE and kill it mid-test.
 */
function lineMatching(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = pattern.exec(buffered);
      if (match) resolve(match);
    });
    child.once('exit', () => reject(new Error(`the command exited without printing ${pattern}`)));
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
