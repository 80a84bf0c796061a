// Starts helpers/hostile-server.ts as a child process and reads where it listens.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  url: string;
  endpoint: string;
  sfu: { url: string; port: number; apiBaseUrl: string; appId: string; appSecret: string };
  child: ChildProcess;
  /** Resident memory of the server process, in bytes (from /proc). */
  rss(): number;
  /** True while the process has not exited. */
  alive(): boolean;
  stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./hostile-server.ts', import.meta.url));

export async function startServerProcess(): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const end = buffered.indexOf('\n');
      if (end >= 0) resolve(buffered.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened`)));
  });
  const address = JSON.parse(line) as Omit<ServerProcess, 'child' | 'rss' | 'alive' | 'stop'>;
  return {
    ...address,
    child,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    alive: () => !exited && child.exitCode === null,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
