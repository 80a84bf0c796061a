// The scaffolding the local-SFU suites share (raw Calls clients, partytracks on its own): the test
// SFU, and what a test opens — clients, captures, subscriptions — undone after it, newest first.
// Call it inside `describe`.
import { RawCallsClient } from './raw-calls-client.js';
import { callsTestEnv, type TestSfu } from './test-env.js';

export interface SfuSuite {
  readonly sfu: TestSfu;
  /** Runs `cleanup` after the current test. */
  onCleanup(cleanup: () => void): void;
  /** A raw Calls client with a session of its own, hung up after the test. */
  client(): Promise<RawCallsClient>;
  /** The fake camera and microphone as asked for, their tracks stopped after the test. */
  userMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
}

export function useSfuSuite(): SfuSuite {
  let sfu: TestSfu | undefined;
  const cleanups: (() => void)[] = [];

  before(async () => {
    ({ sfu } = await callsTestEnv());
  });

  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    for (const media of document.querySelectorAll('video, audio')) media.remove();
  });

  const suite: SfuSuite = {
    get sfu() {
      if (!sfu) throw new Error('the test SFU is not up (useSfuSuite() outside describe?)');
      return sfu;
    },
    onCleanup(cleanup) {
      cleanups.push(cleanup);
    },
    async client() {
      const created = await RawCallsClient.create(suite.sfu);
      cleanups.push(() => created.hangUp());
      return created;
    },
    async userMedia(constraints) {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      cleanups.push(() => {
        for (const track of stream.getTracks()) track.stop();
      });
      return stream;
    },
  };
  return suite;
}
