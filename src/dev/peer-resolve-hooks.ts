/**
 * Module resolve hooks (`module.register`) for the server peers fetched into the cache
 * (`server-peers.ts`): a bare `werift` or `ws` import that Node cannot resolve from where
 * calls-elements is installed is resolved from the cache directory instead. Everything else, and
 * those two wherever the app has them itself, resolves as usual.
 */
import type { InitializeHook, ResolveHook } from 'node:module';

export interface PeerResolveData {
  /** A file URL inside the cache directory (its package.json), the parent to resolve peers from. */
  readonly parentURL: string;
  /** The package names to redirect. */
  readonly names: readonly string[];
}

let data: PeerResolveData = { parentURL: '', names: [] };

export const initialize: InitializeHook<PeerResolveData> = (given) => {
  data = given;
};

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const notFound = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    if (!notFound || !data.names.includes(packageName(specifier))) throw error;
    return nextResolve(specifier, { ...context, parentURL: data.parentURL });
  }
};

/** `werift/nonstandard` → `werift`, `@scope/name/x` → `@scope/name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}
