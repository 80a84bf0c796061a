/** What the host app's `authorize` hook answers for one join attempt. */
export type AuthorizeResult = AuthorizeAllow | AuthorizeDeny;

export interface AuthorizeAllow {
  allow: true;
  /** The host app's own id for this person; a resume must present the same one. */
  userId?: string;
  /** Display name shown to everyone. When absent, the client's sanitised `name` is used. */
  name?: string;
  /** May mute and remove others in this room. */
  moderator?: boolean;
}

export interface AuthorizeDeny {
  allow: false;
  /** 401: who you are is unknown or invalid. 403: known, but not allowed in this room. Default 401. */
  status?: 401 | 403;
  /** Shown to the person; keep it free of secrets. */
  reason: string;
}

/**
 * The host app's gatekeeper. `request` is the WebSocket upgrade request; the widget's token is in its
 * `Authorization: Bearer …` header regardless of how the browser carried it.
 */
export type AuthorizeHook = (request: Request, room: string) => AuthorizeResult | Promise<AuthorizeResult>;

/** Who is joining, as the room sees it once the hook said yes. */
export interface Identity {
  userId: string | null;
  /** From the hook; `null` means "use the client's sanitised name". */
  name: string | null;
  moderator: boolean;
}

export type AuthorizeOutcome =
  | { ok: true; identity: Identity }
  | { ok: false; status: 401 | 403; code: 'unauthorized' | 'forbidden'; reason: string };

const MAX_USER_ID_LENGTH = 256;

/**
 * Runs the hook and checks its answer, so a hook that throws or returns nonsense refuses the join
 * (fail closed) instead of letting someone in or crashing the connection.
 */
export async function runAuthorize(
  hook: AuthorizeHook | undefined,
  anonymous: boolean,
  request: Request,
  room: string,
  onError: (error: unknown, context: string) => void,
): Promise<AuthorizeOutcome> {
  if (!hook) {
    if (anonymous) return { ok: true, identity: { userId: null, name: null, moderator: false } };
    return { ok: false, status: 401, code: 'unauthorized', reason: 'This backend accepts no one.' };
  }
  let result: unknown;
  try {
    result = await hook(request, room);
  } catch (error) {
    onError(error, 'authorize hook threw');
    return { ok: false, status: 401, code: 'unauthorized', reason: 'Authorization failed.' };
  }
  if (!isRecord(result) || typeof result.allow !== 'boolean') {
    onError(new TypeError('authorize must return {allow: true, …} or {allow: false, reason}'), 'authorize');
    return { ok: false, status: 401, code: 'unauthorized', reason: 'Authorization failed.' };
  }
  if (!result.allow) {
    const status = result.status === 403 ? 403 : 401;
    const reason = typeof result.reason === 'string' && result.reason !== '' ? result.reason : 'Not allowed.';
    return {
      ok: false,
      status,
      code: status === 403 ? 'forbidden' : 'unauthorized',
      reason: reason.slice(0, 200),
    };
  }
  const userId = typeof result.userId === 'string' && result.userId !== '' ? result.userId : null;
  if (userId !== null && userId.length > MAX_USER_ID_LENGTH) {
    onError(new TypeError(`authorize returned a userId over ${MAX_USER_ID_LENGTH} characters`), 'authorize');
    return { ok: false, status: 401, code: 'unauthorized', reason: 'Authorization failed.' };
  }
  const name = typeof result.name === 'string' ? result.name : null;
  return { ok: true, identity: { userId, name, moderator: result.moderator === true } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
