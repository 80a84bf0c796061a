// A `calls-elements dev` backend the test can kill and start again on the same port, as an
// operator's restart does: every room, participant and Calls session it held is gone.
import { type ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./dev-server-process.ts', import.meta.url));

export class RestartableBackend {
  readonly port: number;
  #child: ChildProcess | undefined;

  private constructor(port: number) {
    this.port = port;
  }

  static async start(): Promise<RestartableBackend> {
    const backend = new RestartableBackend(await freePort());
    await backend.start();
    return backend;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.#child !== undefined;
  }

  async start(): Promise<void> {
    const child = fork(entry, [String(this.port)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#child = child;
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`dev server exited (${code}) before it was ready`));
      child.once('exit', onExit);
      child.on('message', (message: { type: string }) => {
        if (message.type !== 'ready') return;
        child.off('exit', onExit);
        resolve();
      });
    });
  }

  /** SIGKILL: no goodbye to anyone, as a crash or an OOM kill. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    this.#child = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Closes a Calls session inside the SFU without telling its client. */
  async closeSession(sessionId: string): Promise<boolean> {
    const child = this.#child;
    if (!child) throw new Error('the backend is not running');
    const answer = new Promise<boolean>((resolve) => {
      const onMessage = (message: { type: string; closed?: boolean }) => {
        if (message.type !== 'closed-session') return;
        child.off('message', onMessage);
        resolve(message.closed === true);
      };
      child.on('message', onMessage);
    });
    child.send({ type: 'close-session', sessionId });
    return answer;
  }

  /** Lets the process stop cleanly (it stops by itself when the IPC channel closes). */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    this.#child = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect();
    await exited;
  }
}

/** A port nothing listens on right now (the kernel picks it; it stays ours across restarts). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
