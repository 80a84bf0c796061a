// Debian's Chromium as every browser run of the project launches it: the browser tests
// (web-test-runner.config.js), the multi-page journeys (test/e2e) and the benchmarks (bench/).

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  // Media: a fake camera and microphone that need no permission prompt, and sound without a click.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  // Without it Chromium gathers no ICE candidates on loopback, and the local SFU lives there.
  '--allow-loopback-in-peer-connection',
  // Containers and CI: no sandbox, no GPU, small /dev/shm.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // The machines have no internet; stop Chromium from trying in the background.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
