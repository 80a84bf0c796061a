/** `calls-elements dev`: the backend kit at /calls on the local SFU, static files confined to their roots. */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startDevServer } from '../../src/dev/dev-server.js';
import { serveStaticFiles } from '../../src/dev/static-files.js';

describe('dev server', () => {
  it('serves the backend at /calls on the local SFU and answers unknown pages with 404', async () => {
    const dev = await startDevServer({ port: 0, logLevel: 'silent' });
    try {
      assert.match(dev.media, /^local SFU at http:\/\/127\.0\.0\.1:\d+$/);
      const ice = await fetch(`${dev.url}/calls/partytracks/generate-ice-servers`);
      assert.equal(ice.status, 200);
      assert.deepEqual(await ice.json(), { iceServers: [] });
      assert.equal((await fetch(`${dev.url}/no-such-page.html`)).status, 404);
    } finally {
      await dev.stop();
    }
  });

  it('serves files under their mount and never outside it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'calls-static-'));
    await writeFile(join(root, 'index.html'), '<h1>demo</h1>');
    const serve = serveStaticFiles([{ prefix: '/', root }]);
    const index = await serve(new Request('http://local.test/'));
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(await index.text(), '<h1>demo</h1>');
    for (const outside of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd']) {
      assert.equal((await serve(new Request(`http://local.test${outside}`))).status, 404, outside);
    }
    assert.equal((await serve(new Request('http://local.test/', { method: 'POST' }))).status, 405);
  });
});
