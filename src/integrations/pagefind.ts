/**
 * Astro integration for Pagefind (https://pagefind.app/docs/node-api/):
 * - `astro build`: indexes the built site at `astro:build:done`, writing `dist/pagefind/`;
 * - `astro dev`: serves the last build's index at `<base>pagefind/` (the dev server has no built
 *   pages to index), plus `<base>pagefind/lectern-dev-status.json` saying whether that index is
 *   missing or older than the seeds, which the search UI shows as a note.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import * as pagefind from 'pagefind';

/** Content types for the files Pagefind writes; everything else is binary. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Freshness of a built index relative to its inputs. */
export interface IndexStatus {
  state: 'fresh' | 'stale' | 'missing';
  /** One sentence for readers of the dev site. */
  message: string;
}

/**
 * Whether the index in `indexDir` exists and is newer than every input file (seed `*.txt`,
 * `topics.yaml`). Compares modification times; a build after the last seed edit is fresh.
 * @param indexDir - e.g. `dist/pagefind`.
 * @param seedsDir - e.g. `seeds`.
 */
export function indexStatus(indexDir: string, seedsDir: string): IndexStatus {
  const entry = join(indexDir, 'pagefind-entry.json');
  if (!existsSync(entry)) return { state: 'missing', message: 'there is no search index yet, so search finds nothing.' };
  const built = statSync(entry).mtimeMs;
  const inputs = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => /\.(txt|ya?ml)$/i.test(f)) : [];
  const newer = inputs.filter((f) => statSync(join(seedsDir, f)).mtimeMs > built);
  if (newer.length > 0) {
    return { state: 'stale', message: `search uses the index of the last build, older than ${newer.join(', ')}; results may be out of date.` };
  }
  return { state: 'fresh', message: 'search uses the index of the last build.' };
}

/**
 * @returns the integration. Indexing errors fail the build with Pagefind's messages.
 */
export default function pagefindIntegration(): AstroIntegration {
  let outDir = 'dist';
  let base = '/';
  let root = '.';
  return {
    name: 'lectern:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const indexDir = join(outDir, 'pagefind');
        const seedsDir = join(root, 'seeds');
        const prefix = `${base}pagefind/`;
        const status = indexStatus(indexDir, seedsDir);
        if (status.state !== 'fresh') logger.warn(`Dev search: ${status.message} Run \`npm run build\` to refresh it.`);
        else logger.info(`Dev search serves the last build's index from ${indexDir}`);
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          if (!path.startsWith(prefix)) return next();
          const rest = path.slice(prefix.length);
          if (rest === 'lectern-dev-status.json') {
            res.setHeader('Content-Type', TYPES['.json']!);
            res.setHeader('Cache-Control', 'no-store');
            res.end(JSON.stringify(indexStatus(indexDir, seedsDir)));
            return;
          }
          const file = normalize(join(indexDir, rest));
          if (!file.startsWith(indexDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
            res.statusCode = 404;
            res.end('Not in the last build\'s search index');
            return;
          }
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(readFileSync(file));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
        // Only paper pages carry data-pagefind-body; the glob spares Pagefind reading the listings.
        const added = await index.addDirectory({ path: site, glob: 'papers/**/*.html' });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        // getFiles + our own write instead of index.writeFiles: pagefind 1.5.2's writeFiles cuts
        // files at 128 KiB (pagefind-component-ui.js, 175 KB, came out truncated and the search UI
        // threw a SyntaxError); getFiles returns every file whole.
        const got = await index.getFiles();
        if (got.errors.length > 0) throw new Error(`Pagefind could not produce its files: ${got.errors.join('; ')}`);
        const out = join(site, 'pagefind');
        for (const file of got.files) {
          const target = join(out, file.path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.content);
        }
        await pagefind.close();
        logger.info(`Pagefind indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
