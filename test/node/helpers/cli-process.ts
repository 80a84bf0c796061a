// The `calls-elements` command as a child process: what it prints, and when it is done.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * Resolves with the first match of `pattern` in stdout. Keeps reading afterwards: closing the pipe
 * early would make the child's next write fail with EPIPE and kill it mid-test.
 */
export function lineMatching(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
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

/** Everything the command writes to stderr, as it arrives. */
export function stderrOf(child: ChildProcess): { readonly text: string } {
  const collected = { text: '' };
  child.stderr?.on('data', (chunk: Buffer) => {
    collected.text += chunk.toString();
  });
  return collected;
}

/** Waits for the command to exit; its exit code and everything it printed. */
export async function finished(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // 'close', not 'exit': by then everything the command printed has been read.
  const [code] = await once(child, 'close');
  return { code, stdout, stderr };
}
