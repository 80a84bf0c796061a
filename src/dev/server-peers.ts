/**
 * werift and ws for the `calls-elements` command. The local SFU and the Node backend need them, but
 * they are optional peer dependencies (a browser app that installs calls-elements should not
 * download a WebRTC stack it never runs), so `npx calls-elements dev` starts without them. Then the
 * command fetches the versions its package.json pins, once, with npm, into a per-user cache, and
 * registers resolve hooks (`peer-resolve-hooks.ts`) so the SFU's plain `import 'werift'` finds
 * them there. An app that installs werift and ws itself never gets here.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { register } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PeerResolveData } from './peer-resolve-hooks.js';

const SERVER_PEERS = ['werift', 'ws'] as const;

/** Longest wait for npm; a stalled registry must end in a message, not a hung command. */
const NPM_TIMEOUT_MS = 5 * 60_000;

/** Could not provide the peers: the message says why and what to run instead. */
export class ServerPeersUnavailableError extends Error {}

export interface ProvideServerPeersOptions {
  /** The command being run (`dev`, `sfu`), for the one to run instead when npm fails. */
  command: string;
  /** Where to say, in one line, that the peers are being fetched. */
  log: (line: string) => void;
}

/**
 * Makes `werift` and `ws` importable: as they are when the app has them, else from the cache
 * (fetched first if the cache lacks them). Call it before importing the SFU or the Node adapter.
 */
export async function provideServerPeers({ command, log }: ProvideServerPeersOptions): Promise<void> {
  if (SERVER_PEERS.every(resolvable)) return;
  const specs = pinnedSpecs();
  const directory = join(cacheRoot(process.env), `server-peers-${digest(specs)}`);
  if (!SERVER_PEERS.every((name) => existsSync(join(directory, 'node_modules', name, 'package.json')))) {
    log(
      `calls-elements: fetching ${packageSpecs(specs).join(' and ')} for the local SFU into ${directory} (once)`,
    );
    await install(specs, directory, command).catch((error: NodeJS.ErrnoException) => {
      if (error instanceof ServerPeersUnavailableError) throw error;
      // The cache directory could not be made or written (permissions, a full disk, …).
      throw new ServerPeersUnavailableError(
        unavailable(`${error.code ?? 'error'} on ${directory}: ${error.message}`, '', specs, command),
      );
    });
  }
  const data: PeerResolveData = {
    parentURL: pathToFileURL(join(directory, 'package.json')).href,
    names: SERVER_PEERS,
  };
  register('./peer-resolve-hooks.js', import.meta.url, { data });
}

function resolvable(name: string): boolean {
  try {
    import.meta.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** `{ werift: '0.24.4', ws: '^8.18.3' }`, from this package's own peerDependencies. */
function pinnedSpecs(): Record<string, string> {
  // src/dev and dist/dev both sit two levels below package.json.
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    peerDependencies: Record<string, string>;
  };
  return Object.fromEntries(SERVER_PEERS.map((name) => [name, manifest.peerDependencies[name] ?? 'latest']));
}

/** `$CALLS_ELEMENTS_CACHE_DIR`, else `$XDG_CACHE_HOME/calls-elements`, else `~/.cache/calls-elements`. */
function cacheRoot(env: NodeJS.ProcessEnv): string {
  if (env.CALLS_ELEMENTS_CACHE_DIR) return env.CALLS_ELEMENTS_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'calls-elements');
}

/** Names the directory after the versions, so a calls-elements that pins others gets its own. */
function digest(specs: Record<string, string>): string {
  return createHash('sha256').update(JSON.stringify(specs)).digest('hex').slice(0, 12);
}

/** `['werift@0.24.4', 'ws@^8.18.3']` */
function packageSpecs(specs: Record<string, string>): string[] {
  return Object.entries(specs).map(([name, spec]) => `${name}@${spec}`);
}

/**
 * Installs into a fresh sibling directory and renames it into place only once npm succeeded, so a
 * half-finished install (npm killed, no network) is never mistaken for the cache, and two commands
 * started at once both end up with a complete one.
 */
async function install(specs: Record<string, string>, directory: string, command: string): Promise<void> {
  const root = join(directory, '..');
  await mkdir(root, { recursive: true });
  const staging = await mkdtemp(join(root, '.installing-'));
  try {
    await writeFile(
      join(staging, 'package.json'),
      `${JSON.stringify({ name: 'calls-elements-server-peers', private: true, dependencies: specs }, null, 2)}\n`,
    );
    await runNpm(
      ['install', '--prefix', staging, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'],
      specs,
      command,
    );
    await rename(staging, directory).catch((error: NodeJS.ErrnoException) => {
      // Another command finished first: its copy is as good as ours.
      if (!existsSync(directory)) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function runNpm(args: string[], specs: Record<string, string>, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const { file, prefix, shell } = npmCommand();
    const words = [...prefix, ...args, '--loglevel=error'];
    // Through a shell (cmd.exe), a word with spaces (a cache under C:\Users\Jo Doe) needs quotes.
    const npm = spawn(file, shell ? words.map((word) => (/\s/.test(word) ? `"${word}"` : word)) : words, {
      stdio: ['ignore', 'ignore', 'pipe'],
      shell,
    });
    let output = '';
    npm.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      npm.kill();
    }, NPM_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new ServerPeersUnavailableError(unavailable(why, output, specs, command)));
    };
    npm.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? 'npm was not found on PATH' : `npm could not start: ${error.message}`),
    );
    npm.once('close', (code, signal) => {
      if (code === 0) {
        clearTimeout(timer);
        resolve();
      } else if (timedOut) fail(`npm install took longer than ${NPM_TIMEOUT_MS / 60_000} minutes`);
      else fail(signal ? `npm install was stopped by ${signal}` : `npm install exited with code ${code}`);
    });
  });
}

/**
 * Under npx (npm exec), the npm that is running us: started by node itself, so no shell is involved
 * (on Windows a shell would split a cache path with spaces). Otherwise the npm on PATH.
 */
function npmCommand(): { file: string; prefix: string[]; shell: boolean } {
  const running = process.env.npm_execpath;
  if (running && /[\\/]npm-cli\.c?js$/.test(running)) {
    return { file: process.execPath, prefix: [running], shell: false };
  }
  if (process.platform === 'win32') return { file: 'npm.cmd', prefix: [], shell: true };
  return { file: 'npm', prefix: [], shell: false };
}

function unavailable(why: string, npmOutput: string, specs: Record<string, string>, command: string): string {
  const packages = packageSpecs(specs);
  const tail = npmOutput.trim().split('\n').slice(-10).join('\n');
  return [
    `calls-elements: could not fetch ${packages.join(' and ')}, which the local SFU needs: ${why}.`,
    ...(tail ? [tail] : []),
    'Run it with them instead:',
    `  npx ${['calls-elements', ...packages].map((name) => `-p ${shellWord(name)}`).join(' ')} calls-elements ${command}`,
    'or add them to your project:',
    `  npm install --save-dev ${packages.map(shellWord).join(' ')}`,
  ].join('\n');
}

/** `"ws@^8.18.3"` quoted: `^` is an escape character in cmd.exe and a glob in some shells. */
function shellWord(word: string): string {
  return /^[\w.@/-]+$/.test(word) ? word : `"${word}"`;
}
