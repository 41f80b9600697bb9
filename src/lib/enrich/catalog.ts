/**
 * The catalog: every paper of a seeds directory, enriched, plus the ingest report.
 * This is the single entry point the site (content loader, endpoints) and the CLI scripts use.
 */
import { join } from 'node:path';
import { ingestDirectory, type IngestWarning, type SeedFormat, type SourceRef } from '../ingest/index.ts';
import { mergeRecords, paperId } from './merge.ts';
import { slugify, uniqueSlugs } from './slug.ts';
import { deriveTitle } from './title.ts';
import { plainText } from '../render/rich-text.ts';
import { excerpt } from '../site/format.ts';
import { loadTaxonomy, TopicMatcher, type TopicDefinition } from './topics.ts';
import { terms } from './nlp.ts';
import { Bm25SpaceBuilder, contentStems, nearestNeighbours, StemDisplayForms } from './related.ts';
import { KeyphraseIndex } from './keyphrases.ts';
import { layoutMap, MAP_NEIGHBOURS, type MapPoint } from './map.ts';
import { buildCollections, loadCollectionsConfig, type Collection } from './collections.ts';
import { checkOverrides, loadOverrides, mergeTopics, type OverrideLink } from './overrides.ts';

export { OverrideError } from './overrides.ts';

/** One paper of the reading list. */
export interface Paper {
  /** Stable id: 12 hex digits of the SHA-256 of the normalised abstract. */
  id: string;
  /** Unique URL slug derived from the title. */
  slug: string;
  title: string;
  /** The title as plain text (LaTeX macros and math read as text: `E$^{2}$GAN` → "E2GAN"), for sorting, `<title>` and feeds. */
  titleText: string;
  /** The first ~220 characters of the abstract as plain text, cut at a word, for listings and feeds (`EXCERPT_LENGTH` in src/lib/site/format.ts). */
  excerpt: string;
  /**
   * `seed` when a human gave the title — a seed file or a maintainer override
   * (`seeds/overrides.yaml`) — and `derived` when it was derived from the abstract.
   */
  titleSource: 'seed' | 'derived';
  abstract: string;
  /** Topic slugs, best match first; never empty. */
  topics: string[];
  /** Every record this paper was merged from, in file then line order. */
  sources: SourceRef[];
  /** True when every source's abstract stops mid-sentence. */
  truncated: boolean;
  /** The paper's canonical page (e.g. its arXiv abstract page), from a maintainer override. */
  url?: string;
  /** Extra links from a maintainer override. */
  links?: OverrideLink[];
  /** A maintainer's note (plain text), from an override. */
  note?: string;
  /** 3–6 keyphrases (tf-idf n-grams), best first. */
  keyphrases: string[];
  /** The most similar papers, best first, each with the words that drive the similarity. */
  related: RelatedPaper[];
  /** Slugs of the collections (seed files) the paper appears in. */
  collections: string[];
  /** Position on the topic map, both coordinates in [0, 1]. */
  map: MapPoint;
}

/** A related paper: its id and 2–3 shared words ("why"). */
export interface RelatedPaper {
  id: string;
  why: string[];
}

/** Per-source ingest figures. */
export interface SourceReport {
  file: string;
  format: SeedFormat;
  label?: string;
  lines: number;
  records: number;
  /** Papers first seen in this source (file-name then line order): `records - duplicates`. */
  papers: number;
  /** Records of this source whose abstract an earlier record (this file or an earlier one) already gave. */
  duplicates: number;
  /** Of this source's {@link SourceReport.papers}, how many have a title derived from the abstract. */
  derivedTitles: number;
  /** Records of this source whose abstract looks cut off mid-sentence. */
  truncated: number;
  paperLines: number;
  boilerplateLines: number;
  blankLines: number;
  warnings: IngestWarning[];
}

/** The ingest report (`/data/report.json`). */
export interface IngestReport {
  papers: number;
  records: number;
  duplicatesMerged: number;
  derivedTitles: number;
  /** Papers whose abstract looks cut off mid-sentence in every source. */
  truncated: number;
  /** Papers changed by `seeds/overrides.yaml`. */
  overridden: number;
  sources: SourceReport[];
  /** Files that could not be read as text, each with a message naming it. */
  skipped: { file: string; message: string }[];
}

/** A topic with the papers it holds. */
export interface Topic extends TopicDefinition {
  count: number;
  /** Topics that most often share papers with this one, with the number of shared papers. */
  related: { slug: string; count: number }[];
}

/** Related topics shown per topic. */
export const RELATED_TOPICS = 5;
/** Related papers per paper. */
export const RELATED_PAPERS = 5;

/** Everything the site is built from. */
export interface Catalog {
  papers: Paper[];
  topics: Topic[];
  collections: Collection[];
  report: IngestReport;
}

/** Options of {@link buildCatalog}. */
export interface CatalogOptions {
  /** Directory holding the `*.txt` seed files and `topics.yaml`. */
  seedsDir: string;
  /** Path of the taxonomy; default `<seedsDir>/topics.yaml`. */
  taxonomyPath?: string;
  /** Path of the collection names; default `<seedsDir>/collections.yaml` (optional file). */
  collectionsPath?: string;
  /**
   * When true, any warning or skipped file throws. Default: `LECTERN_STRICT=1` in the environment.
   * Invalid overrides throw in either mode: they are the maintainer's own input.
   */
  strict?: boolean;
}

/** Thrown in strict mode when ingest produced warnings; the message lists them as `file:line`. */
export class StrictModeError extends Error {
  constructor(messages: string[]) {
    super(`LECTERN_STRICT=1 and ingest reported ${messages.length} warning(s):\n${messages.map((m) => `  ${m}`).join('\n')}`);
    this.name = 'StrictModeError';
  }
}

/**
 * Every warning of a report as one line of text each: `file:line: message`, or the skip message.
 */
export function warningLines(report: IngestReport): string[] {
  return [
    ...report.skipped.map((s) => s.message),
    ...report.sources.flatMap((s) => s.warnings.map((w) => `${s.file}:${w.line}: ${w.message}`)),
  ];
}

/**
 * Build the catalog from a seeds directory: ingest, merge duplicates, apply maintainer overrides,
 * title, slug, assign topics, keyphrases, related papers (BM25 neighbours), map positions (UMAP)
 * and collections. Papers are sorted by id, so output is independent of file order.
 * @throws Error when the taxonomy or `seeds/collections.yaml` is invalid; OverrideError naming the
 *   key when `seeds/overrides.yaml` is invalid; {@link StrictModeError} in strict mode when ingest
 *   warned.
 */
export function buildCatalog(options: CatalogOptions): Catalog {
  const { sources, skipped } = ingestDirectory(options.seedsDir);
  const records = sources.flatMap((s) => s.records);
  const merged = mergeRecords(records).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taxonomy = loadTaxonomy(options.taxonomyPath ?? join(options.seedsDir, 'topics.yaml'));
  const matcher = new TopicMatcher(taxonomy);
  const fallbackSlug = taxonomy.topics.find((t) => t.fallback)?.slug;

  const overrides = loadOverrides(options.seedsDir);
  if (overrides) checkOverrides(overrides, new Set(merged.map((m) => m.id)), new Set(taxonomy.topics.map((t) => t.slug)));
  const overrideOf = (id: string) => overrides?.entries.get(id);

  const titled = merged.map((m) => {
    const humanTitle = overrideOf(m.id)?.title ?? m.title;
    return {
      ...m,
      title: humanTitle ?? deriveTitle(m.abstract),
      titleSource: (humanTitle !== undefined ? 'seed' : 'derived') as Paper['titleSource'],
    };
  });
  // Plain-text forms once per paper: listings, sorting and feeds read these instead of re-rendering.
  const titleTexts = titled.map((p) => plainText(p.title));
  const slugs = uniqueSlugs(titled.map((p, i) => ({ id: p.id, base: slugify(titleTexts[i]!) })));
  // Tokenise each paper once and keep only compact results (topics, term vectors, keyphrase
  // shortlists, display forms): the token objects of every paper would not fit in memory at 50k.
  const spaceBuilder = new Bm25SpaceBuilder();
  const display = new StemDisplayForms();
  const keyphraseIndex = new KeyphraseIndex();
  const topicsOf = titled.map((p) => {
    const title = terms(p.title);
    const abstract = terms(p.abstract);
    spaceBuilder.add(contentStems(title, abstract));
    display.add(abstract);
    keyphraseIndex.add(title, abstract);
    return mergeTopics(matcher.assignStems(title.map((x) => x.stem), abstract.map((x) => x.stem)), overrideOf(p.id)?.topics, fallbackSlug);
  });
  const space = spaceBuilder.build();
  // One neighbour search serves both: the first RELATED_PAPERS are shown, all feed the map.
  const neighbours = nearestNeighbours(space, { k: Math.max(RELATED_PAPERS, MAP_NEIGHBOURS), whyTerms: 3, whyFor: RELATED_PAPERS });
  const keyphrases = keyphraseIndex.select();
  const map = layoutMap(neighbours, space);

  const collectionsPath = options.collectionsPath ?? join(options.seedsDir, 'collections.yaml');
  const collections = buildCollections(
    sources,
    titled.map((p, i) => ({ sources: p.sources, topics: topicsOf[i]! })),
    loadCollectionsConfig(collectionsPath),
    collectionsPath,
  );
  const collectionOfFile = new Map(collections.map((c) => [c.file, c.slug]));

  const papers: Paper[] = titled.map((p, i) => {
    const o = overrideOf(p.id);
    return {
      id: p.id,
      slug: slugs.get(p.id)!,
      title: p.title,
      titleText: titleTexts[i]!,
      excerpt: excerpt(plainText(p.abstract)),
      titleSource: p.titleSource,
      abstract: p.abstract,
      topics: topicsOf[i]!,
      sources: p.sources,
      truncated: p.truncated,
      keyphrases: keyphrases[i]!,
      related: neighbours[i]!.slice(0, RELATED_PAPERS).map((nb) => ({
        id: titled[nb.index]!.id,
        why: nb.why.map((t) => display.get(space.vocab[t]!)),
      })),
      collections: [...new Set(p.sources.map((s) => collectionOfFile.get(s.file)!))],
      map: map[i]!,
      ...(o?.url !== undefined ? { url: o.url } : {}),
      ...(o?.links !== undefined && o.links.length > 0 ? { links: o.links } : {}),
      ...(o?.note !== undefined ? { note: o.note } : {}),
    };
  });

  const counts = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  for (const p of papers) {
    for (const t of p.topics) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const u of p.topics) {
        if (u === t) continue;
        let m = pairs.get(t);
        if (!m) pairs.set(t, (m = new Map()));
        m.set(u, (m.get(u) ?? 0) + 1);
      }
    }
  }
  const topics: Topic[] = taxonomy.topics.map((t) => ({
    ...t,
    count: counts.get(t.slug) ?? 0,
    related: [...(pairs.get(t.slug) ?? [])]
      .map(([slug, c]) => ({ slug, count: c }))
      .sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1))
      .slice(0, RELATED_TOPICS),
  }));

  // Attribute each paper to the source of its first record (file-name then line order).
  const derivedIds = new Set(papers.filter((p) => p.titleSource === 'derived').map((p) => p.id));
  const seen = new Set<string>();
  const sourceReports: SourceReport[] = sources.map((s) => {
    let duplicates = 0;
    let derivedTitles = 0;
    for (const r of s.records) {
      const id = paperId(r.abstract);
      if (seen.has(id)) duplicates++;
      else {
        seen.add(id);
        if (derivedIds.has(id)) derivedTitles++;
      }
    }
    return {
      file: s.file,
      format: s.format,
      ...(s.label !== undefined ? { label: s.label } : {}),
      lines: s.lines,
      records: s.records.length,
      papers: s.records.length - duplicates,
      duplicates,
      derivedTitles,
      truncated: s.records.filter((r) => r.truncated).length,
      paperLines: s.paperLines,
      boilerplateLines: s.boilerplateLines,
      blankLines: s.blankLines,
      warnings: s.warnings,
    };
  });

  const report: IngestReport = {
    papers: papers.length,
    records: records.length,
    duplicatesMerged: records.length - papers.length,
    derivedTitles: derivedIds.size,
    truncated: papers.filter((p) => p.truncated).length,
    overridden: overrides?.entries.size ?? 0,
    sources: sourceReports,
    skipped,
  };

  const strict = options.strict ?? process.env.LECTERN_STRICT === '1';
  if (strict) {
    const lines = warningLines(report);
    if (lines.length > 0) throw new StrictModeError(lines);
  }
  return { papers, topics, collections, report };
}
