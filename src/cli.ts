#!/usr/bin/env node
/**
 * `calls-elements <command>`:
 *   dev   the local SFU, the backend kit at /calls and the demo page, in one process
 *   sfu   the local Calls-compatible SFU alone
 *
 * The SFU and the Node backend are imported only once the arguments are good and werift and ws are
 * importable (`provideServerPeers` fetches them into a cache when the install lacks them), so
 * `--help` and a bad flag never need them.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { provideServerPeers, ServerPeersUnavailableError } from './dev/server-peers.js';

const USAGE = `Usage: calls-elements <command> [options]

Commands:
  dev     Run a demo room: local SFU + backend at /calls + demo page at /
            --port <n>          HTTP port (default 8787, or $PORT)
            --host <address>    address to serve (default 127.0.0.1)
            --allow-origin <o>  let pages on origin <o> (e.g. http://localhost:5173) use the
                                backend; repeat for more. Default: the demo page's own origin only
            With CALLS_APP_ID and CALLS_APP_SECRET set, media goes through Cloudflare.
  sfu     Run the local Cloudflare Calls-compatible SFU
            --port <n>          HTTP port (default 8788, or $PORT)
            --host <address>    address to serve (default 127.0.0.1)
            --app-id <id>       app id (default $CALLS_APP_ID or "local-app")
            --app-secret <s>    app secret (default $CALLS_APP_SECRET, else a random one, printed)
            --verbose           log SDP bodies
            --quiet             log nothing

Options:
  -h, --help       show this help
  --version        print the version
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'app-id': { type: 'string' },
      'app-secret': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'allow-origin': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.version || command === '--version') {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  if (
    values.help ||
    command === undefined ||
    command === 'help' ||
    command === '--help' ||
    command === '-h'
  ) {
    process.stdout.write(USAGE);
    return;
  }
  if (command !== 'dev' && command !== 'sfu') throw new UsageError(`Unknown command "${command}"`);
  const port = parsePort(values.port ?? process.env.PORT ?? (command === 'dev' ? '8787' : '8788'));
  const allowOrigins = (values['allow-origin'] ?? []).map(parseOrigin);
  const logLevel = values.quiet ? 'silent' : values.verbose ? 'verbose' : 'info';
  await provideServerPeers({ command, log: (line) => process.stderr.write(`${line}\n`) });
  if (command === 'dev') {
    const { startDevServer } = await import('./dev/dev-server.js');
    const appId = process.env.CALLS_APP_ID;
    const appSecret = process.env.CALLS_APP_SECRET;
    const dev = await startDevServer({
      port,
      host: values.host,
      cloudflare: appId && appSecret ? { appId, appSecret } : undefined,
      allowOrigins,
      logLevel,
    });
    console.log(`calls-elements dev: open ${dev.url}/ in two tabs (media: ${dev.media})`);
    stopOnSignal(() => dev.stop());
    return;
  }
  const { startSfu } = await import('./sfu/index.js');
  const givenSecret = values['app-secret'] ?? (process.env.CALLS_APP_SECRET || undefined);
  // A well-known default would let any web page the developer opens use the SFU (its API answers
  // CORS for browser tests); an unguessable one, printed once, is as easy to paste into a backend.
  const appSecret = givenSecret ?? randomBytes(18).toString('base64url');
  const sfu = await startSfu({
    port,
    host: values.host,
    appId: values['app-id'] ?? process.env.CALLS_APP_ID,
    appSecret,
    logLevel,
  });
  console.log(`Local Calls SFU listening on ${sfu.url}`);
  console.log(`  API base: ${sfu.apiBaseUrl}/apps/${sfu.appId}   (Authorization: Bearer <app secret>)`);
  if (!givenSecret)
    console.log(`  app secret: ${appSecret}   (set CALLS_APP_SECRET or --app-secret to choose it)`);
  stopOnSignal(() => sfu.stop());
}

class UsageError extends Error {}

function packageVersion(): string {
  // src/cli.ts and dist/cli.js both sit one level below package.json.
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(manifest.version);
}

/** An origin is scheme://host[:port], exactly what a browser sends in `Origin`. */
function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`Invalid origin "${value}" (expected e.g. http://localhost:5173)`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.replace(/\/$/, '')) {
    throw new UsageError(
      `Invalid origin "${value}" (expected scheme://host[:port], e.g. http://localhost:5173)`,
    );
  }
  return url.origin;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Invalid port "${value}"`);
  return port;
}

function stopOnSignal(stop: () => Promise<void>): void {
  const shutdown = () => {
    void stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const failure = error as NodeJS.ErrnoException & { port?: number; address?: string };
  if (error instanceof ServerPeersUnavailableError) {
    process.stderr.write(`${failure.message}\n`);
    process.exit(1);
  }
  if (error instanceof UsageError || failure.code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${failure.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (failure.code === 'EADDRINUSE' || failure.code === 'EACCES' || failure.code === 'EADDRNOTAVAIL') {
    const where = `${failure.address ?? 'the address'}:${failure.port ?? '?'}`;
    const why =
      failure.code === 'EADDRINUSE'
        ? `${where} is already in use (is another calls-elements running?). Pick another with --port <n>.`
        : failure.code === 'EACCES'
          ? `No permission to listen on ${where}. Pick a port above 1023 with --port <n>.`
          : `${failure.address} is not an address of this machine. Pick another with --host <address>.`;
    process.stderr.write(`calls-elements: ${why}\n`);
    process.exit(1);
  }
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
