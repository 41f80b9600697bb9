/**
 * Astro integration for Pagefind (https://pagefind.app/docs/node-api/):
 * - `astro build`: at `astro:build:start` (after content sync) it hands Pagefind one search record
 *   per paper of the catalog (src/lib/site/search-record.ts) and asks for the index files without
 *   waiting; Pagefind's binary builds the index on another core while Astro renders the pages.
 *   `astro:build:done` waits for the files and writes `dist/pagefind/`;
 * - `astro dev`: serves the last build's index at `<base>pagefind/` (the dev server has no built
 *   pages to index), plus `<base>pagefind/lectern-dev-status.json` saying whether that index is
 *   missing or older than the seeds, which the search UI shows as a note.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { getCatalog, releaseCatalog } from '../loaders/catalog.ts';
import { searchRecord } from '../lib/site/search-record.ts';

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

/** Records handed to Pagefind per batch of concurrent `addHTMLFile` messages. */
const BATCH = 500;

/**
 * Hand Pagefind the search record of every paper of the catalog, then release the catalog (the
 * content store has its own copy; at 50k papers the catalog is several hundred MB that would
 * otherwise stay alive through the rendering).
 * @returns the number of records added.
 * @throws Error with Pagefind's messages when a record is refused.
 */
async function addRecords(index: pagefind.PagefindIndex): Promise<number> {
  const { papers, topics, collections } = getCatalog();
  releaseCatalog();
  const topicNames = new Map(topics.map((t) => [t.slug, t.name]));
  const collectionNames = new Map(collections.map((c) => [c.slug, c.name]));
  for (let i = 0; i < papers.length; i += BATCH) {
    const added = await Promise.all(papers.slice(i, i + BATCH).map((p) => index.addHTMLFile(searchRecord(p, topicNames, collectionNames))));
    for (const a of added) if (a.errors.length > 0) throw new Error(`Pagefind indexing failed: ${a.errors.join('; ')}`);
  }
  return papers.length;
}

/**
 * Index every paper of the catalog and return Pagefind's files (paths relative to `pagefind/`).
 * @throws Error with Pagefind's messages when indexing fails.
 */
async function indexCatalog(): Promise<{ files: { path: string; content: Uint8Array }[]; pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  const pages = await addRecords(index);
  // getFiles, not index.writeFiles: pagefind 1.5.2's writeFiles cuts files at 128 KiB
  // (pagefind-component-ui.js, 175 KB, came out truncated and the search UI threw a SyntaxError);
  // getFiles returns every file whole.
  const got = await index.getFiles();
  if (got.errors.length > 0) throw new Error(`Pagefind could not produce its files: ${got.errors.join('; ')}`);
  return { files: got.files, pages };
}

/**
 * @returns the integration. Indexing errors fail the build with Pagefind's messages.
 */
export default function pagefindIntegration(): AstroIntegration {
  let pending: Promise<Awaited<ReturnType<typeof indexCatalog>>> | undefined;
  let started = 0;
  const start = () => {
    started = performance.now();
    pending = indexCatalog();
    pending.catch(() => {});
    return pending;
  };
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
      'astro:build:start': () => {
        // Content sync has run, so the catalog is built; start indexing and let it run alongside
        // the rendering. A failure is kept and thrown at astro:build:done.
        start();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const waited = performance.now();
        const { files, pages } = await (pending ?? start());
        const out = join(site, 'pagefind');
        for (const file of files) {
          const target = join(out, file.path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.content);
        }
        await pagefind.close();
        logger.info(`Pagefind indexed ${pages} papers in ${Math.round(performance.now() - started)} ms, alongside the rendering (waited ${Math.round(performance.now() - waited)} ms after it)`);
      },
    },
  };
}
