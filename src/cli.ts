#!/usr/bin/env node
/**
 * `calls-elements <command>`:
 *   dev   the local SFU, the backend kit at /calls and the demo page, in one process
 *   sfu   the local Calls-compatible SFU alone
 */
import { parseArgs } from 'node:util';
import { startDevServer } from './dev/dev-server.js';
import { startSfu } from './sfu/index.js';

const USAGE = `Usage: calls-elements <command> [options]

Commands:
  dev     Run a demo room: local SFU + backend at /calls + demo page at /
            --port <n>          HTTP port (default 8787, or $PORT)
            --host <address>    address to serve (default 127.0.0.1)
            With CALLS_APP_ID and CALLS_APP_SECRET set, media goes through Cloudflare.
  sfu     Run the local Cloudflare Calls-compatible SFU
            --port <n>          HTTP port (default 8788, or $PORT)
            --host <address>    address to serve (default 127.0.0.1)
            --app-id <id>       app id (default $CALLS_APP_ID or "local-app")
            --app-secret <s>    app secret (default $CALLS_APP_SECRET or "local-secret")
            --verbose           log SDP bodies
            --quiet             log nothing
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
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const logLevel = values.quiet ? 'silent' : values.verbose ? 'verbose' : 'info';
  if (command === 'dev') {
    const appId = process.env.CALLS_APP_ID;
    const appSecret = process.env.CALLS_APP_SECRET;
    const dev = await startDevServer({
      port: parsePort(values.port ?? process.env.PORT ?? '8787'),
      host: values.host,
      cloudflare: appId && appSecret ? { appId, appSecret } : undefined,
      logLevel,
    });
    console.log(`calls-elements dev: open ${dev.url}/ in two tabs (media: ${dev.media})`);
    stopOnSignal(() => dev.stop());
    return;
  }
  if (command !== 'sfu') throw new UsageError(`Unknown command "${command}"`);
  const port = parsePort(values.port ?? process.env.PORT ?? '8788');
  const sfu = await startSfu({
    port,
    host: values.host,
    appId: values['app-id'] ?? process.env.CALLS_APP_ID,
    appSecret: values['app-secret'] ?? process.env.CALLS_APP_SECRET,
    logLevel,
  });
  console.log(`Local Calls SFU listening on ${sfu.url}`);
  console.log(`  API base: ${sfu.apiBaseUrl}/apps/${sfu.appId}   (Authorization: Bearer <app secret>)`);
  stopOnSignal(() => sfu.stop());
}

class UsageError extends Error {}

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
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
