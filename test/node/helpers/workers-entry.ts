// The Worker the server suites run in workerd: the public Workers adapter, configured from a JSON
// binding the test harness writes, with the suites' authorize hooks bundled in by name.
import type { RoomObjectNamespace, RoomObjectState } from '../../../src/server/adapters/workers.js';
import { defineCallsWorker } from '../../../src/server/adapters/workers.js';
import type { CallsHandlerOptions } from '../../../src/server/index.js';
import type { AuthorizeHookName } from './authorize-hooks.js';
import { authorizeHooks } from './authorize-hooks.js';

interface TestEnv {
  ROOMS: RoomObjectNamespace;
  /** JSON: handler options without functions, plus the name of an authorize hook. */
  TEST_OPTIONS: string;
  /** When set, requests outside the endpoint get this text (the `fallback` option). */
  FALLBACK_TEXT?: string;
}

type SerialisedOptions = Omit<CallsHandlerOptions, 'authorize' | 'rooms' | 'onError' | 'now'> & {
  authorize?: AuthorizeHookName;
};

const calls = defineCallsWorker((env: TestEnv) => {
  const { authorize, ...options } = JSON.parse(env.TEST_OPTIONS) as SerialisedOptions;
  return {
    ...options,
    authorize: authorize ? authorizeHooks[authorize] : undefined,
    roomObjects: env.ROOMS,
    fallback: env.FALLBACK_TEXT === undefined ? undefined : () => new Response(env.FALLBACK_TEXT),
    // The suites provoke failures on purpose; the Node backend is just as quiet.
    onError: () => {},
  };
});

export default calls.worker;

/**
 * The room class with two test-only routes, reachable only through the namespace (never from the
 * Worker's URL): which in-memory instance answered — a different answer after a quiet spell proves
 * the runtime evicted the object and the room was rebuilt — and which storage keys the room holds.
 */
export class TestRoom extends calls.RoomObject {
  readonly #instance = crypto.randomUUID();
  readonly #storage: RoomObjectState['storage'];

  constructor(state: RoomObjectState, env: TestEnv) {
    super(state, env);
    this.#storage = state.storage;
  }

  override async fetch(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === '/test/instance') return Response.json({ instance: this.#instance });
    if (path === '/test/storage') {
      const keys = [...(await this.#storage.list({ prefix: '' })).keys()];
      return Response.json({ keys, alarm: await this.#storage.getAlarm() });
    }
    return super.fetch(request);
  }
}
