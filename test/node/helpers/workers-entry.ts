// The Worker the server suites run in workerd: the public Workers adapter, configured from a JSON
// binding the test harness writes, with the suites' authorize hooks bundled in by name.
import type { RoomObjectNamespace } from '../../../src/server/adapters/workers.js';
import { defineCallsWorker } from '../../../src/server/adapters/workers.js';
import type { CallsHandlerOptions } from '../../../src/server/index.js';
import type { AuthorizeHookName } from './authorize-hooks.js';
import { authorizeHooks } from './authorize-hooks.js';

interface TestEnv {
  ROOMS: RoomObjectNamespace;
  /** JSON: handler options without functions, plus the name of an authorize hook. */
  TEST_OPTIONS: string;
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
    // The suites provoke failures on purpose; the Node backend is just as quiet.
    onError: () => {},
  };
});

export default calls.worker;

/**
 * The room class with one test-only route: which in-memory instance answered. A different answer
 * after a quiet spell proves the runtime evicted the object and the room was rebuilt from storage.
 */
export class TestRoom extends calls.RoomObject {
  readonly #instance = crypto.randomUUID();

  override async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === '/test/instance')
      return Response.json({ instance: this.#instance });
    return super.fetch(request);
  }
}
