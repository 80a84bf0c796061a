// Builds examples/cloudflare as it would be deployed, but against this checkout's source: the
// example imports `calls-elements/server/workers`, which here resolves to src/ instead of a
// published package.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const EXAMPLE_DIR = fileURLToPath(new URL('../../../examples/cloudflare/', import.meta.url));
const ADAPTER = fileURLToPath(new URL('../../../src/server/adapters/workers.ts', import.meta.url));

export interface ExampleConfig {
  name: string;
  main: string;
  compatibility_date: string;
  durable_objects: { bindings: Array<{ name: string; class_name: string }> };
  migrations: Array<{ tag: string; new_sqlite_classes?: string[] }>;
  vars?: Record<string, string>;
}

/** wrangler.jsonc without its comments (they are whole lines there, never inside strings). */
export function readExampleConfig(): ExampleConfig {
  const text = readFileSync(join(EXAMPLE_DIR, 'wrangler.jsonc'), 'utf8');
  const json = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return JSON.parse(json) as ExampleConfig;
}

/**
 * The example's Worker bundled into a fresh directory, with a wrangler.json that points at it, so
 * wrangler can check the deployable configuration without bundling from a published package.
 */
export async function buildExample(): Promise<{ dir: string; scriptPath: string; remove(): void }> {
  const config = readExampleConfig();
  const dir = mkdtempSync(join(tmpdir(), 'calls-elements-example-'));
  const scriptPath = join(dir, 'worker.js');
  await build({
    entryPoints: [join(EXAMPLE_DIR, config.main)],
    outfile: scriptPath,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'error',
    plugins: [
      {
        name: 'calls-elements-from-source',
        setup(builder) {
          builder.onResolve({ filter: /^calls-elements\/server\/workers$/ }, () => ({ path: ADAPTER }));
        },
      },
    ],
  });
  const { $schema: _schema, ...deployable } = config as ExampleConfig & { $schema?: string };
  writeFileSync(
    join(dir, 'wrangler.json'),
    JSON.stringify({ ...deployable, main: 'worker.js', no_bundle: true }, null, 2),
  );
  return { dir, scriptPath, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
