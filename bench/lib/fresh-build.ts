// The bundle-size figures and the widget pages use dist/, so dist/ must match src/: rebuild when
// any source file is newer than the script-tag bundle (or it is missing).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'dist/calls-elements.min.js');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** Returns a one-line description of what was done. */
export async function ensureFreshBuild(): Promise<string> {
  const inputs = ['src', 'package.json', 'rollup.config.js', 'tsconfig.build.json'].map((path) =>
    join(root, path),
  );
  const newestInput = Math.max(...inputs.filter(existsSync).map(newestMtime));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestInput) return 'dist/ is up to date with src/';
  const started = performance.now();
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  } catch (error) {
    // Someone's half-finished change in src/ must not cost the whole run; say loudly what was used.
    if (!existsSync(bundle)) throw error;
    return 'npm run build FAILED — sizes and widget figures below are of the previous, stale dist/';
  }
  return `rebuilt dist/ (npm run build, ${((performance.now() - started) / 1000).toFixed(1)} s)`;
}
