/**
 * Custom content loaders (https://docs.astro.build/en/reference/content-loader-reference/) that feed
 * the `papers`, `topics`, `collections` and `report` collections from one catalog build of `seeds/`.
 */
import type { Loader } from 'astro/loaders';
import { resolve } from 'node:path';
import { buildCatalog, warningLines, type Catalog } from '../lib/enrich/catalog.ts';

/**
 * Where the catalog is cached: a global symbol, because this module is loaded twice in one build —
 * by the content layer (through Vite) and by the Pagefind integration (through the config) — and
 * both must see the one catalog built per process.
 */
const CACHE = Symbol.for('lectern.catalog');
const holder = globalThis as { [CACHE]?: { dir: string; catalog: Catalog } };

/**
 * The catalog of a seeds directory, built once per process.
 * @param dir - seeds directory; default `LECTERN_SEEDS` or `./seeds`.
 */
export function getCatalog(dir = process.env.LECTERN_SEEDS || 'seeds'): Catalog {
  const abs = resolve(dir);
  const cached = holder[CACHE];
  if (cached && cached.dir === abs) return cached.catalog;
  const catalog = buildCatalog({ seedsDir: abs });
  holder[CACHE] = { dir: abs, catalog };
  return catalog;
}

/**
 * Forget the cached catalog so its memory can be reclaimed. The build calls this once the content
 * store and the search index have everything they need from it (at 50k papers the catalog is
 * several hundred MB that would otherwise stay alive through the rendering); a later
 * {@link getCatalog} builds it again.
 */
export function releaseCatalog(): void {
  delete holder[CACHE];
}

type Kind = 'papers' | 'topics' | 'collections' | 'report';

/**
 * A loader for one of the catalog's collections.
 * @param kind - which collection: papers (id = paper id), topics (id = topic slug), collections
 *   (id = collection slug) or report (one entry, id `ingest`: the whole ingest report).
 */
export function catalogLoader(kind: Kind): Loader {
  return {
    name: `lectern-${kind}`,
    load: async ({ store, logger, parseData, generateDigest, watcher }) => {
      const catalog = getCatalog();
      if (kind === 'papers') {
        for (const line of warningLines(catalog.report)) logger.warn(line);
        logger.info(`${catalog.report.records} records → ${catalog.papers.length} papers (${catalog.report.duplicatesMerged} duplicates merged)`);
      }
      const entries: { id: string; data: Record<string, unknown> }[] =
        kind === 'papers'
          ? catalog.papers.map((p) => ({ id: p.id, data: { ...p } }))
          : kind === 'topics'
            ? catalog.topics.map((t) => ({ id: t.slug, data: { ...t } }))
            : kind === 'collections'
              ? catalog.collections.map((c) => ({ id: c.slug, data: { ...c } }))
              : [{ id: 'ingest', data: { ...catalog.report } }];
      store.clear();
      for (const { id, data } of entries) {
        const parsed = await parseData({ id, data });
        store.set({ id, data: parsed, digest: generateDigest(parsed) });
      }
      watcher?.add(resolve('seeds'));
    },
  };
}
