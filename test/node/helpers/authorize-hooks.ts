// The authorize hooks the server suites use, by name, so a suite can ask either adapter for one:
// the Node backend looks the hook up here, and the Workers test entry bundles this same module.
import type { AuthorizeHook } from '../../../src/server/index.js';

/** Tokens of the form `user:<id>:<name>[:mod]`; `banned` is a 403; anything else is refused. */
const tokens: AuthorizeHook = (request) => {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
  if (token === 'banned') return { allow: false, status: 403, reason: 'You are banned from this room.' };
  const [kind, userId, name, flag] = token.split(':');
  if (kind !== 'user' || !userId || !name) return { allow: false, reason: 'Unknown token.' };
  return { allow: true, userId, name, moderator: flag === 'mod' };
};

/** `user-<x>` tokens are users named after the token; `explode` makes the hook throw. */
const userPrefixed: AuthorizeHook = (request) => {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  if (token === 'explode') throw new Error('the identity provider is down');
  if (!token?.startsWith('user-')) return { allow: false, reason: 'Sign in first.' };
  return { allow: true, userId: token, name: token };
};

/**
 * Anyone joins under the name they typed, like an anonymous room; the token `moderator` also grants
 * moderation (the browser tests' backend, where one participant moderates the others).
 */
const moderatorToken: AuthorizeHook = (request) => ({
  allow: true,
  moderator: request.headers.get('authorization') === 'Bearer moderator',
});

export const authorizeHooks = { tokens, userPrefixed, moderatorToken } satisfies Record<
  string,
  AuthorizeHook
>;
export type AuthorizeHookName = keyof typeof authorizeHooks;
