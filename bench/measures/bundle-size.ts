// Bundle size: what a page or server ships for each public entry point. The script-tag bundle is
// measured as built (rollup + terser); each entry point is bundled from dist/ with esbuild,
// minified, its dependencies inlined — what a user's bundler would emit for `import … from
// 'calls-elements/…'`. Baselines are bundled the same way from tiny entries in bundle-entries/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Figure, Section } from '../lib/report.js';
import { runSection } from '../lib/section.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entries = fileURLToPath(new URL('./bundle-entries/', import.meta.url));

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

function sizesOf(code: Uint8Array): Sizes {
  return {
    raw: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

async function bundled(entry: string, platform: 'browser' | 'node'): Promise<Sizes> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    // What a production build of an app replaces.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return sizesOf(result.outputFiles[0]!.contents);
}

interface Comparison {
  metric: string;
  project: () => Promise<Sizes>;
  baseline: () => Promise<Sizes>;
  baselineName: string;
}

const comparisons: Comparison[] = [
  {
    metric: 'script-tag bundle dist/calls-elements.min.js',
    project: async () => sizesOf(readFileSync(`${root}dist/calls-elements.min.js`)),
    baseline: () => bundled(`${entries}lit-and-partytracks.ts`, 'browser'),
    baselineName: 'lit + partytracks/client + rxjs',
  },
  {
    metric: "'calls-elements' (elements, bundled)",
    project: () => bundled(`${root}dist/index.js`, 'browser'),
    baseline: () => bundled(`${entries}lit-and-partytracks.ts`, 'browser'),
    baselineName: 'lit + partytracks/client + rxjs',
  },
  {
    metric: "'calls-elements/core'",
    project: () => bundled(`${root}dist/core/index.js`, 'browser'),
    baseline: () => bundled(`${entries}partytracks-client.ts`, 'browser'),
    baselineName: 'partytracks/client + rxjs',
  },
  {
    metric: "'calls-elements/server'",
    project: () => bundled(`${root}dist/server/index.js`, 'browser'),
    baseline: () => bundled(`${entries}partytracks-server.ts`, 'browser'),
    baselineName: 'partytracks/server (its Calls proxy)',
  },
  {
    metric: "'calls-elements/server/node'",
    project: () => bundled(`${root}dist/server/adapters/node.js`, 'node'),
    baseline: () => bundled(`${entries}ws-server.ts`, 'node'),
    baselineName: 'ws WebSocketServer alone',
  },
  {
    metric: "'calls-elements/sfu'",
    project: () => bundled(`${root}dist/sfu/index.js`, 'node'),
    baseline: () => bundled(`${entries}werift.ts`, 'node'),
    baselineName: 'werift RTCPeerConnection alone',
  },
];

const bareLit = () => bundled(`${entries}lit.ts`, 'browser');

export function measureBundleSize(): Promise<Section> {
  return runSection(
    {
      id: 'bundle',
      title: 'Bundle size (minified; gzip -9 and brotli -11 via node:zlib)',
      projectLabel: 'calls-elements',
      baselineLabel: 'baseline',
      figures: [],
      notes: [],
    },
    async (section) => {
      const details: Record<string, unknown> = {};
      const failures: string[] = [];
      const push = (metric: string, project: Sizes | null, baseline: Sizes | null, note?: string) => {
        for (const [kind, unit] of [
          ['gzip', 'kB'],
          ['brotli', 'kB'],
          ['raw', 'kB'],
        ] as const) {
          const figure: Figure = {
            metric: `${metric} — ${kind}`,
            unit,
            project: project && project[kind] / 1000,
            baseline: baseline && baseline[kind] / 1000,
          };
          if (note && kind === 'gzip') figure.note = note;
          section.figures.push(figure);
        }
      };
      for (const comparison of comparisons) {
        const [project, baseline] = await Promise.allSettled([comparison.project(), comparison.baseline()]);
        const projectSizes = project.status === 'fulfilled' ? project.value : null;
        const baselineSizes = baseline.status === 'fulfilled' ? baseline.value : null;
        const problems = [project, baseline]
          .filter((result) => result.status === 'rejected')
          .map((result) => String((result as PromiseRejectedResult).reason?.message ?? '').split('\n')[0]);
        if (problems.length) failures.push(`${comparison.metric}: ${problems.join('; ')}`);
        push(comparison.metric, projectSizes, baselineSizes, `baseline: ${comparison.baselineName}`);
        details[comparison.metric] = {
          project: projectSizes,
          baseline: baselineSizes,
          baselineName: comparison.baselineName,
        };
      }
      const lit = await bareLit();
      section.figures.push({
        metric: 'lit alone — gzip (reference)',
        unit: 'kB',
        project: null,
        baseline: lit.gzip / 1000,
      });
      details.lit = lit;
      section.details = details;
      for (const failure of failures) section.notes.push(`not measured — ${failure}`);
      section.notes.push(
        "Node entries ('server/node', 'sfu') are bundled for Node (node: built-ins stay imports, npm packages inlined); 'server' for the browser platform, as a Workers bundle would be; browser entries with NODE_ENV=production.",
      );
    },
  );
}
