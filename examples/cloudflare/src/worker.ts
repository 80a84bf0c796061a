// The whole backend: the calls-elements Workers adapter, configured from secrets and vars.
import type { AuthorizeHook, RoomObjectNamespace } from 'calls-elements/server/workers';
import { defineCallsWorker } from 'calls-elements/server/workers';

interface Env {
  /** Secrets: your Calls (Realtime SFU) app, from the Cloudflare dashboard. */
  CALLS_APP_ID: string;
  CALLS_APP_SECRET: string;
  /** Optional secrets: a TURN key, so participants behind strict firewalls can still connect. */
  TURN_KEY_ID?: string;
  TURN_KEY_API_TOKEN?: string;
  /** Optional secret: when set, only clients presenting this token (the widget's `token`) may join. */
  JOIN_TOKEN?: string;
  /** Var: comma-separated origins allowed to embed the widget. */
  ALLOWED_ORIGINS?: string;
  /** Var for local development only: e.g. the local SFU's `http://127.0.0.1:8788/v1`. */
  REALTIME_API_BASE_URL?: string;
  CALLS_ROOMS: RoomObjectNamespace;
}

const calls = defineCallsWorker((env: Env) => ({
  appId: env.CALLS_APP_ID,
  appSecret: env.CALLS_APP_SECRET,
  roomObjects: env.CALLS_ROOMS,
  realtimeApiBaseUrl: env.REALTIME_API_BASE_URL || undefined,
  cors: { allowedOrigins: listOf(env.ALLOWED_ORIGINS) },
  turn:
    env.TURN_KEY_ID && env.TURN_KEY_API_TOKEN
      ? { keyId: env.TURN_KEY_ID, apiToken: env.TURN_KEY_API_TOKEN }
      : undefined,
  // Replace this with your own check (verify your app's session JWT, look up the user, …) and
  // return the user's id and display name: the server, not the browser, decides who someone is.
  ...(env.JOIN_TOKEN ? { authorize: sharedToken(env.JOIN_TOKEN) } : { anonymous: true }),
}));

export default calls.worker;

/** The room Durable Object; its name must match `class_name` in wrangler.jsonc. */
export class CallsRoom extends calls.RoomObject {}

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Lets in whoever presents the shared token, under the name they chose. */
function sharedToken(expected: string): AuthorizeHook {
  const expectedBytes = new TextEncoder().encode(expected);
  return async (request) => {
    const presented = new TextEncoder().encode(
      request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '',
    );
    // Comparing digests, not the tokens, keeps response timing from revealing the token.
    const [a, b] = await Promise.all([
      crypto.subtle.digest('SHA-256', presented),
      crypto.subtle.digest('SHA-256', expectedBytes),
    ]);
    const same = new Uint8Array(a).every((byte, i) => byte === new Uint8Array(b)[i]);
    return same ? { allow: true } : { allow: false, reason: 'This room needs an invitation token.' };
  };
}
