// examples/cloudflare as deployed: wrangler accepts its configuration, and the same bundle runs in
// workerd against the local SFU with secrets bound the way `wrangler secret put` would bind them.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Log, LogLevel, Miniflare } from 'miniflare';
import type { RunningSfu } from '../../src/sfu/index.js';
import { startSfu } from '../../src/sfu/index.js';
import { PresenceClient } from './helpers/server-harness.js';
import type { ExampleConfig } from './helpers/workers-example.js';
import { buildExample, readExampleConfig } from './helpers/workers-example.js';

const WRANGLER = fileURLToPath(new URL('../../node_modules/.bin/wrangler', import.meta.url));
const JOIN_TOKEN = 'invitation-7f3a';

/** `wrangler deploy --dry-run` offline: no account, no metrics, config and logs in a temp dir. */
function wranglerDryRun(cwd: string): Promise<{ code: number | null; output: string }> {
  const home = mkdtempSync(join(tmpdir(), 'calls-elements-wrangler-'));
  return new Promise((resolve) => {
    const child = spawn(WRANGLER, ['deploy', '--dry-run', '--outdir', join(home, 'out')], {
      cwd,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: home,
        WRANGLER_LOG_PATH: join(home, 'logs'),
        WRANGLER_SEND_METRICS: 'false',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        NO_COLOR: '1',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => {
      rmSync(home, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

describe('examples/cloudflare', { timeout: 60000 }, () => {
  let config: ExampleConfig;
  let built: Awaited<ReturnType<typeof buildExample>>;
  let sfu: RunningSfu;
  let miniflare: Miniflare;
  let url: string;

  before(async () => {
    config = readExampleConfig();
    built = await buildExample();
    sfu = await startSfu({
      port: 0,
      host: '127.0.0.1',
      appId: 'example-app',
      appSecret: 'example-secret',
      logLevel: 'silent',
    });
    const sqlite = new Set(config.migrations.flatMap((migration) => migration.new_sqlite_classes ?? []));
    miniflare = new Miniflare({
      modules: true,
      scriptPath: built.scriptPath,
      modulesRoot: built.dir,
      compatibilityDate: config.compatibility_date,
      durableObjects: Object.fromEntries(
        config.durable_objects.bindings.map(({ name, class_name }) => [
          name,
          { className: class_name, useSQLite: sqlite.has(class_name) },
        ]),
      ),
      bindings: {
        ...config.vars,
        ALLOWED_ORIGINS: 'https://app.example',
        // What `wrangler secret put` would set, pointed at the local SFU.
        CALLS_APP_ID: sfu.appId,
        CALLS_APP_SECRET: sfu.appSecret,
        JOIN_TOKEN,
        REALTIME_API_BASE_URL: sfu.apiBaseUrl,
      },
      cf: false,
      host: '127.0.0.1',
      port: 0,
      log: new Log(LogLevel.WARN),
    });
    url = (await miniflare.ready).origin;
  });
  after(async () => {
    await miniflare?.dispose();
    await sfu?.stop();
    built?.remove();
  });

  test('wrangler accepts the configuration and sees the room Durable Object binding', async () => {
    const { code, output } = await wranglerDryRun(built.dir);
    assert.equal(code, 0, output);
    assert.match(output, /env\.CALLS_ROOMS \(CallsRoom\)\s+Durable Object/);
  });

  test('the deployed Worker: invitation-only joins, a session through the proxy on the SFU, CORS by var', async () => {
    const room = `${url.replace(/^http/, 'ws')}/calls/rooms/launch`;
    const stranger = PresenceClient.open(room);
    assert.equal((await stranger.closed).code, 4401);
    assert.equal(
      stranger.messages.find((m) => m.type === 'error')?.message,
      'This room needs an invitation token.',
    );

    const guest = await PresenceClient.join(room, { token: JOIN_TOKEN, name: 'Guest of honour' });
    const created = await fetch(`${url}/calls/partytracks/sessions/new`, {
      method: 'POST',
      headers: { 'X-Calls-Participant': guest.credential, Origin: 'https://app.example' },
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('access-control-allow-origin'), 'https://app.example');
    const { sessionId } = (await created.json()) as { sessionId: string };
    const onSfu = await fetch(`${sfu.apiBaseUrl}/apps/${sfu.appId}/sessions/${sessionId}`, {
      headers: { Authorization: `Bearer ${sfu.appSecret}` },
    });
    assert.equal(onSfu.status, 200, 'the session exists on the SFU itself');

    const elsewhere = await fetch(`${url}/calls/partytracks/sessions/new`, {
      method: 'POST',
      headers: { 'X-Calls-Participant': guest.credential, Origin: 'https://elsewhere.example' },
    });
    assert.equal(elsewhere.status, 403);
    guest.close();
    await guest.closed;
  });
});
