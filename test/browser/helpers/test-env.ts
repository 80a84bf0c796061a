// Browser side of the test environment: what the @web/test-runner plugin in
// ./calls-test-env-plugin.ts started for this run, read from the module it serves.
// This file runs in the browser and must stay free of Node imports.

/** The local SFU the test run talks to (a real `startSfu()` from src/sfu). */
export interface TestSfu {
  /** Origin of the SFU's HTTP API, e.g. `http://127.0.0.1:43117`. Cross-origin to the test page; CORS is on. */
  readonly url: string;
  /** Base of the Calls API: `${url}/v1`; append `/apps/${appId}/sessions/new`. */
  readonly apiBaseUrl: string;
  readonly appId: string;
  /** Bearer secret for the Calls API. Test code only; a real page never sees it. */
  readonly appSecret: string;
}

/** The backend kit (src/server) serving the SFU to browsers: anonymous rooms, any origin. */
export interface TestBackend {
  /** Origin of the backend, e.g. `http://127.0.0.1:43118`. */
  readonly url: string;
  /** What a `<calls-room endpoint>` takes: `${url}/calls`. */
  readonly endpoint: string;
}

/** Everything the browser tests may need from the Node side, as served at {@link TEST_ENV_MODULE}. */
export interface CallsTestEnv {
  readonly sfu: TestSfu;
  readonly backend: TestBackend;
}

/** Rooms whose name starts with this admit only a widget that sends {@link TEST_ROOM_TOKEN}. */
export const TOKEN_ROOM_PREFIX = 'token-';
/** The credential the test backend wants for `token-…` rooms (a test value, not a secret). */
export const TEST_ROOM_TOKEN = 'wtr-room-token';

/** URL path of the virtual module the plugin serves; its default export is a {@link CallsTestEnv}. */
export const TEST_ENV_MODULE = '/__calls-test-env.js';

let cached: Promise<CallsTestEnv> | undefined;

/**
 * Returns the test environment, starting the local SFU and the backend on first use in the run
 * (the Node-side plugin starts them when this module is first requested, and stops them when the
 * run ends).
 */
export function callsTestEnv(): Promise<CallsTestEnv> {
  cached ??= import(/* @vite-ignore */ TEST_ENV_MODULE).then((mod: { default: CallsTestEnv }) => mod.default);
  return cached;
}
