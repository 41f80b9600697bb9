/**
 * Static server for the browser tests and the benchmark: serves a built site the way a static host
 * with Netlify / Cloudflare Pages `_headers` support does.
 *
 * - `dist/` (or `--root <dir>`) at `/`, with the headers of `<root>/_headers` applied;
 * - optionally `dist-sub/` (or `--sub <dir>`) mounted at `/lectern/` (or `--prefix <path>`), to test
 *   a sub-path build the way GitHub Pages serves a project site;
 * - the site's `404.html` with status 404 for anything that is not a file.
 *
 * Files are served by `sirv` (https://github.com/lukeed/sirv); this module only routes and adds headers.
 *
 * Usage: `node scripts/serve.ts [--port 4321] [--host 127.0.0.1] [--root dist] [--sub dist-sub] [--prefix /lectern/]`
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { headersFor, parseHeadersFile, type HeaderRule } from '../src/lib/site/headers.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

interface Mount {
  /** URL prefix, with leading and trailing slash. */
  prefix: string;
  dir: string;
  files: Handler;
  rules: HeaderRule[];
  notFound: Buffer | undefined;
}

function mount(prefix: string, dir: string): Mount {
  const headersPath = join(dir, '_headers');
  const notFoundPath = join(dir, '404.html');
  return {
    prefix,
    dir,
    // dev: false caches the file list at start; etag for conditional requests like a real host.
    files: sirv(dir, { dev: false, etag: true, dotfiles: false }) as Handler,
    rules: existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [],
    notFound: existsSync(notFoundPath) ? readFileSync(notFoundPath) : undefined,
  };
}

/**
 * Start the server.
 * @returns a promise of the listening server.
 */
export function serve(options: { port: number; host: string; root: string; sub?: string; prefix: string }) {
  const mounts: Mount[] = [];
  if (options.sub && existsSync(options.sub)) mounts.push(mount(options.prefix, resolve(options.sub)));
  mounts.push(mount('/', resolve(options.root)));

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = mounts.find((x) => url.pathname.startsWith(x.prefix) || `${url.pathname}/` === x.prefix)!;
    if (`${url.pathname}/` === m.prefix) {
      res.writeHead(301, { location: m.prefix }).end();
      return;
    }
    const inner = `/${url.pathname.slice(m.prefix.length)}`;
    for (const [name, value] of headersFor(m.rules, inner)) res.setHeader(name, value);
    req.url = `${inner}${url.search}`;
    m.files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(m.notFound ?? 'Not found');
    });
  });
  return new Promise<typeof server>((ok) => server.listen(options.port, options.host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4321' },
      host: { type: 'string', default: '127.0.0.1' },
      root: { type: 'string', default: 'dist' },
      sub: { type: 'string', default: 'dist-sub' },
      prefix: { type: 'string', default: '/lectern/' },
    },
  });
  const port = Number(values.port);
  await serve({ port, host: values.host!, root: values.root!, sub: values.sub, prefix: values.prefix! });
  console.log(`serving ${values.root} at http://${values.host}:${port}/` + (values.sub && existsSync(values.sub) ? ` and ${values.sub} at ${values.prefix}` : ''));
}
