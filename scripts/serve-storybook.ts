// `npm run storybook:static`: serves the static Storybook build (storybook-static/) on the same
// origin as a live backend at /calls (local SFU and backend kit), which is where the built stories
// connect. Stops on Ctrl-C.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '../src/dev/dev-server.js';

const site = fileURLToPath(new URL('../storybook-static', import.meta.url));
if (!existsSync(`${site}/index.html`)) {
  console.error('No storybook-static/ yet: run `npm run build-storybook` first.');
  process.exit(1);
}
const dev = await startDevServer({ port: Number(process.env.PORT ?? 6006), site });
console.log(`Storybook (static build) at ${dev.url}/ with a live backend at ${dev.endpoint} (${dev.media})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void dev.stop().then(() => process.exit(0)));
}
