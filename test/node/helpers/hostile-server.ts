// The server under attack, in a process of its own so the suites can tell it is still alive and
// read its memory: `calls-elements dev` as startDevServer builds it, on a free loopback port. It
// prints one JSON line with its addresses (and the SFU's per-run secret, which only the test may
// use to read the SFU's own state), then serves until SIGTERM.
import { startDevServer } from '../../../src/dev/dev-server.js';

const dev = await startDevServer({ port: 0, logLevel: 'silent' });
const sfu = dev.sfu;
if (!sfu) throw new Error('the hostile server runs the local SFU');
process.stdout.write(
  `${JSON.stringify({
    url: dev.url,
    endpoint: dev.endpoint,
    sfu: {
      url: sfu.url,
      port: sfu.port,
      apiBaseUrl: sfu.apiBaseUrl,
      appId: sfu.appId,
      appSecret: sfu.appSecret,
    },
  })}\n`,
);
process.once('SIGTERM', () => {
  void dev.stop().then(() => process.exit(0));
});
