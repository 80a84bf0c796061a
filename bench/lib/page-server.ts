// Serves the bench pages to Chromium from loopback: each bench/pages/<name>.ts bundled on first
// request with esbuild (partytracks, rxjs and all, as a user's bundler would), an HTML shell per
// page, and the project's script-tag bundle from dist/.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pagesDir = fileURLToPath(new URL('../pages/', import.meta.url));
const distBundle = fileURLToPath(new URL('../../dist/calls-elements.min.js', import.meta.url));

/** Bundles one page script for the browser (ESM, or an IIFE for init scripts). */
export async function bundlePage(name: string, format: 'esm' | 'iife' = 'esm'): Promise<string> {
  const result = await build({
    entryPoints: [`${pagesDir}${name}.ts`],
    bundle: true,
    write: false,
    format,
    platform: 'browser',
    target: 'es2022',
    // partytracks' tiny-invariant reads process.env.NODE_ENV the way bundlers replace it.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface PageServer {
  /** e.g. http://127.0.0.1:1234/join-baseline.html */
  pageUrl(name: string, options?: { withBundle?: boolean }): string;
  stop(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const scripts = new Map<string, Promise<string>>();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://pages.invalid');
    try {
      const html = /^\/([a-z0-9-]+)\.html$/.exec(url.pathname);
      if (html) {
        const bundle = url.searchParams.has('bundle')
          ? '<script type="module" src="/dist/calls-elements.min.js"></script>'
          : '';
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(
          `<!doctype html><html><head><meta charset="utf-8"><title>${html[1]}</title>${bundle}</head><body><script type="module" src="/${html[1]}.js"></script></body></html>`,
        );
        return;
      }
      const script = /^\/([a-z0-9-]+)\.js$/.exec(url.pathname);
      if (script) {
        const name = script[1]!;
        if (!scripts.has(name)) scripts.set(name, bundlePage(name));
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end(await scripts.get(name));
        return;
      }
      if (url.pathname === '/dist/calls-elements.min.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end(await readFile(distBundle));
        return;
      }
      response.writeHead(404).end();
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: (name, options = {}) =>
      `http://127.0.0.1:${port}/${name}.html${options.withBundle ? '?bundle' : ''}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
