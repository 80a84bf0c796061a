// @web/test-runner for the browser tests (test/browser/**/*.test.ts) on Debian's Chromium with a fake
// camera and microphone. Run through `npm run test:browser`, which starts Node with tsx so this
// config can load the TypeScript plugin that starts the local SFU.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { callsTestEnvPlugin } from './test/browser/helpers/calls-test-env-plugin.ts';
import { cameraClipPath } from './test/browser/helpers/camera-clip.ts';
import { ALL_SIMULCAST_LAYERS_FLAG } from './test/browser/helpers/crowd-chromium.ts';
import { workersBackendPlugin } from './test/browser/helpers/workers-backend-plugin.ts';
import { chromiumArgs, chromiumPath } from './test/chromium.ts';

if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium not found at ${chromiumPath}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) ` +
      'or set CHROMIUM_PATH to a Chromium/Chrome executable. `npm test` installs it when run as root.',
  );
}

const quietLogs = [
  // Lit's one-line notice that it runs its development build (the one tests want).
  /Lit is in dev mode/,
];

/**
 * Debian's Chromium with the shared flags (test/chromium.ts), plus `extraArgs` for one group of tests. `permissions`
 * are the ones granted; without `camera` (and without the fake permission UI) a request for the
 * camera is denied, as when a person clicks "Block".
 */
function chromium(extraArgs = [], permissions = ['camera', 'microphone']) {
  const grantsAll = permissions.includes('camera') && permissions.includes('microphone');
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      headless: true,
      args: [
        ...chromiumArgs.filter((arg) => grantsAll || arg !== '--use-fake-ui-for-media-stream'),
        ...extraArgs,
      ],
    },
    createBrowserContext: ({ browser }) => browser.newContext({ permissions }),
  });
}

/** Tests whose fake camera plays a camera-like clip instead of Chromium's flat test pattern. */
const cameraClipTests = 'test/browser/sfu-bitrate.test.ts';
/** Tests of a person refusing the camera. */
const cameraDeniedTests = 'test/browser/room-camera-denied.test.ts';
/** The 25-person room: its cheap 320×180 publishers still send three simulcast layers. */
const crowdTests = 'test/browser/grid-crowd.test.ts';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['test/browser/**/*.test.ts', `!${cameraClipTests}`, `!${cameraDeniedTests}`, `!${crowdTests}`],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // Two cores and real media in every test: one page at a time.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 15 * 60_000,
  testFramework: {
    config: { ui: 'bdd', timeout: 60_000 },
  },
  browsers: [chromium()],
  groups: [
    {
      name: 'camera-clip',
      files: cameraClipTests,
      browsers: [chromium([`--use-file-for-fake-video-capture=${cameraClipPath()}`])],
    },
    {
      name: 'camera-denied',
      files: cameraDeniedTests,
      browsers: [chromium([], ['microphone'])],
    },
    {
      name: 'crowd',
      files: crowdTests,
      browsers: [chromium([ALL_SIMULCAST_LAYERS_FLAG])],
    },
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // Lit decorators need experimentalDecorators / useDefineForClassFields: false from here.
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    callsTestEnvPlugin(),
    workersBackendPlugin(),
  ],
  // partytracks ships tiny-invariant, which reads process.env.NODE_ENV the way bundlers replace it;
  // the dev server serves modules unbundled, so give the page that one value.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <body>
        <script>globalThis.process = { env: { NODE_ENV: 'development' } };</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  filterBrowserLogs: ({ args }) =>
    !args.some((arg) => typeof arg === 'string' && quietLogs.some((re) => re.test(arg))),
};
