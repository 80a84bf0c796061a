// Runs a bench/children/*.ts script in its own Node process, so its CPU and memory can be read
// apart from the harness's, and talks to it over IPC: one "ready" message with what it serves,
// then request/reply pairs. Stopping kills the process if it does not exit by itself.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildHandle<Ready> {
  readonly pid: number;
  readonly ready: Ready;
  request<T = unknown>(type: string, body?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function startChild<Ready>(
  script: string,
  options: Record<string, unknown> = {},
  { startTimeoutMs = 30_000 } = {},
): Promise<ChildHandle<Ready>> {
  const child: ChildProcess = fork(
    fileURLToPath(new URL(`../children/${script}`, import.meta.url)),
    [JSON.stringify(options)],
    {
      cwd: projectRoot,
      // --expose-gc so memory can be read after a full collection, not at a random GC phase.
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      for (const { reject } of pending.values()) reject(new Error(`${script} exited`));
      pending.clear();
      resolve();
    }),
  );

  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start within ${startTimeoutMs} ms`)),
      startTimeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready`));
    });
    child.on('message', (message: any) => {
      if (message?.ready !== undefined) {
        clearTimeout(timer);
        resolve(message.ready as Ready);
        return;
      }
      const waiter = pending.get(message?.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${script}: ${message.error}`));
      else waiter.resolve(message.result);
    });
  }).catch(async (error) => {
    child.kill('SIGKILL');
    await exit;
    throw error;
  });

  return {
    pid: child.pid!,
    ready,
    request(type, body = {}, timeoutMs = 120_000) {
      if (exited) return Promise.reject(new Error(`${script} has exited`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${script}: ${type} took over ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.send({ id, type, ...body });
      });
    },
    async stop() {
      if (exited) return;
      child.send({ id: 0, type: 'stop' });
      // A child that hangs in its own shutdown must not hang the bench.
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(killer);
    },
  };
}
