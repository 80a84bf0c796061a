/**
 * Serves the demo page and the script-tag bundle for `calls-elements dev`: a small, read-only
 * static file handler confined to its roots (no directory listing, no path escapes).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticMount {
  /** URL path prefix, e.g. `/` or `/dist/`. */
  prefix: string;
  /** Directory on disk served under the prefix. */
  root: string;
  /** When set, only these files (paths relative to `root`) are served; anything else is 404. */
  only?: readonly string[];
}

/** Returns a fetch-style handler serving `mounts` (the longest matching prefix wins). */
export function serveStaticFiles(mounts: StaticMount[]): (request: Request) => Promise<Response> {
  const ordered = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return Response.json(
        { errorCode: 'method_not_allowed', errorDescription: 'Use GET or HEAD for files.' },
        { status: 405, headers: { allow: 'GET, HEAD' } },
      );
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      // `%E0%A4%A` and friends: no file has a name that is not text.
      return notFound();
    }
    const mount = ordered.find(({ prefix }) => pathname.startsWith(prefix));
    if (!mount) return notFound();
    if (mount.only && !mount.only.includes(pathname.slice(mount.prefix.length))) return notFound();
    const root = resolve(mount.root);
    let file = normalize(join(root, pathname.slice(mount.prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        headers: {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return notFound();
    }
  };
}

function notFound(): Response {
  return Response.json({ errorCode: 'not_found', errorDescription: 'No such file.' }, { status: 404 });
}
