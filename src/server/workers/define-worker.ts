import type { CallsHandler } from '../handler.js';
import { createCallsHandler } from '../handler.js';
import { callsErrorResponse } from '../http/errors.js';
import type { CallsHandlerOptions } from '../options.js';
import { DurableObjectRoomDirectory } from './durable-object-directory.js';
import type { CallsRoomObjectClass } from './room-object.js';
import { createRoomObjectClass } from './room-object.js';
import type { RoomObjectNamespace, WorkerExecutionContext } from './runtime-types.js';
import { workerRuntimeContext } from './worker-runtime-context.js';

export interface CallsWorkerOptions extends Omit<CallsHandlerOptions, 'rooms'> {
  /** The Durable Object namespace bound to the room class, e.g. `env.CALLS_ROOMS`. */
  roomObjects: RoomObjectNamespace;
  /**
   * Answers requests outside `endpoint` (your app, static assets via `env.ASSETS.fetch`). Default:
   * the handler's 404.
   */
  fallback?: (request: Request) => Response | Promise<Response>;
}

export interface CallsWorker<Env> {
  /** The Worker's default export: `export default calls.worker`. */
  worker: {
    fetch(request: Request, env: Env, ctx: WorkerExecutionContext): Promise<Response>;
  };
  /**
   * The Durable Object class for rooms. Export it under the `class_name` your wrangler.jsonc binds:
   * `export class CallsRoom extends calls.RoomObject {}`.
   */
  RoomObject: CallsRoomObjectClass<Env>;
}

/**
 * A Calls backend for Cloudflare Workers: the same handler as on Node, with rooms in Durable Objects.
 * `configure` turns the Worker's `env` (secrets, bindings) into handler options; both the Worker and
 * every room object call it, so they agree on limits, timeouts and keys.
 */
export function defineCallsWorker<Env>(configure: (env: Env) => CallsWorkerOptions): CallsWorker<Env> {
  // One handler per `env` object: the runtime reuses it across requests, and building a handler
  // imports a key, which is worth doing once.
  const handlers = new WeakMap<object, { handler: CallsHandler; options: CallsWorkerOptions }>();

  function handlerFor(env: Env) {
    let entry = handlers.get(env as object);
    if (!entry) {
      const options = configure(env);
      const { roomObjects, fallback: _fallback, ...handlerOptions } = options;
      const handler = createCallsHandler({
        ...handlerOptions,
        rooms: new DurableObjectRoomDirectory(roomObjects),
      });
      entry = { handler, options };
      handlers.set(env as object, entry);
    }
    return entry;
  }

  return {
    worker: {
      async fetch(request, env) {
        let entry: ReturnType<typeof handlerFor>;
        try {
          entry = handlerFor(env);
        } catch (error) {
          // A missing secret or a bad limit: say so in the logs, not to the caller.
          console.error('[calls-elements/server/workers] configuration failed:', error);
          return callsErrorResponse(500, 'internal_error', 'The Calls backend is not configured.');
        }
        const { handler, options } = entry;
        const path = new URL(request.url).pathname;
        const ours = path === handler.endpoint || path.startsWith(`${handler.endpoint}/`);
        if (!ours && options.fallback) return options.fallback(request);
        return handler(request, workerRuntimeContext);
      },
    },
    RoomObject: createRoomObjectClass(configure),
  };
}
