// `npm run bench`: makes sure dist/ is fresh, runs every measurement one after another (they share
// two cores, so never in parallel), prints one table per measurement and writes bench/results.json.
// `npm run bench -- --only=bundle,presence` runs a subset (ids: bundle, join, capacity, leaks,
// presence, recovery, sfu-memory).
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { ensureFreshBuild } from './lib/fresh-build.js';
import { formatSection, ratio, type Section } from './lib/report.js';
import { measureBundleSize } from './measures/bundle-size.js';
import { measureCrowd } from './measures/crowd.js';
import { measureJoinCrowded } from './measures/join-crowded.js';
import { measureJoinLatency } from './measures/join-latency.js';
import { measureLeaks } from './measures/leaks.js';
import { measurePresence } from './measures/presence.js';
import { measureRecovery } from './measures/recovery.js';
import { measureSfuCapacity } from './measures/sfu-capacity.js';
import { measureSfuMemory } from './measures/sfu-memory.js';

const measurements: Record<string, () => Promise<Section>> = {
  bundle: measureBundleSize,
  join: measureJoinLatency,
  capacity: measureSfuCapacity,
  leaks: measureLeaks,
  presence: measurePresence,
  recovery: measureRecovery,
  'sfu-memory': measureSfuMemory,
  crowd: measureCrowd,
  'join-8': measureJoinCrowded,
};

const onlyArgument = process.argv.find((argument) => argument.startsWith('--only='));
const selected = onlyArgument ? onlyArgument.slice('--only='.length).split(',') : Object.keys(measurements);
const unknown = selected.filter((id) => !(id in measurements));
if (unknown.length > 0) {
  console.error(
    `Unknown measurement(s): ${unknown.join(', ')}. Known: ${Object.keys(measurements).join(', ')}`,
  );
  process.exit(2);
}

const started = performance.now();
const build = await ensureFreshBuild();
console.log(
  `calls-elements bench — ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(`build: ${build}`);

const sections: Section[] = [];
for (const id of selected) {
  process.stdout.write(`\n… ${id}`);
  const section = await measurements[id]!();
  sections.push(section);
  console.log(formatSection(section));
}

const totalSeconds = (performance.now() - started) / 1000;
console.log(`\nbench finished in ${totalSeconds.toFixed(0)} s; results in bench/results.json`);
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cores: cpus().length,
        model: cpus()[0]?.model,
        memoryBytes: totalmem(),
        node: process.version,
      },
      build,
      totalSeconds,
      sections: sections.map((section) => ({
        ...section,
        figures: section.figures.map((figure) => ({ ...figure, ratio: ratio(figure) })),
      })),
    },
    null,
    2,
  )}\n`,
);
process.exitCode = sections.some((section) => section.error) ? 1 : 0;
