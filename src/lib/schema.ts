/**
 * Zod schemas of the data the site is built from; the content collections validate against them
 * and the tests check `dist/data/*.json` with them.
 */
import { z } from 'zod';

/** Provenance of a record: seed file name and 1-based line. */
export const sourceRefSchema = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
});

/** A paper entry of the `papers` collection. */
export const paperSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  title: z.string().min(1),
  /** The title as plain text (math and LaTeX macros read as text). */
  titleText: z.string().min(1),
  /** Listing excerpt of the abstract, plain text. */
  excerpt: z.string(),
  /** `seed`: a human gave the title (a seed file or `seeds/overrides.yaml`); `derived`: derived from the abstract. */
  titleSource: z.enum(['seed', 'derived']),
  abstract: z.string().min(1),
  topics: z.array(z.string()).min(1),
  sources: z.array(sourceRefSchema).min(1),
  truncated: z.boolean(),
  keyphrases: z.array(z.string().min(1)),
  /** Most similar papers, best first, with the words that drive the similarity. */
  related: z.array(z.object({ id: z.string().regex(/^[0-9a-f]{12}$/), why: z.array(z.string()) })),
  /** Collection slugs. */
  collections: z.array(z.string()).min(1),
  /** Topic-map position, both coordinates in [0, 1]. */
  map: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }),
  /** The paper's own page (e.g. its arXiv abstract page), from `seeds/overrides.yaml`. */
  url: z.url().optional(),
  /** Extra links from `seeds/overrides.yaml`. */
  links: z.array(z.object({ label: z.string().min(1), url: z.url() })).optional(),
  /** A maintainer's note (plain text) from `seeds/overrides.yaml`. */
  note: z.string().min(1).optional(),
});

/** A topic entry of the `topics` collection. */
export const topicSchema = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  phrases: z.array(z.string()),
  minScore: z.number().optional(),
  fallback: z.boolean().optional(),
  count: z.number().int().nonnegative(),
  /** Co-occurring topics with the number of shared papers, most first. */
  related: z.array(z.object({ slug: z.string(), count: z.number().int().positive() })),
});

/** A collection (one seed file) entry of the `collections` collection. */
export const collectionSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  file: z.string(),
  name: z.string().min(1),
  description: z.string().min(1),
  format: z.enum(['huggingface', 'arxiv', 'bare']),
  count: z.number().int().nonnegative(),
  topics: z.array(z.object({ slug: z.string(), count: z.number().int().positive() })),
});

const warningSchema = z.object({ line: z.number().int().positive(), message: z.string() });

/** A source (seed file) entry of the `sources` collection: its ingest report. */
export const sourceReportSchema = z.object({
  file: z.string(),
  format: z.enum(['huggingface', 'arxiv', 'bare']),
  label: z.string().optional(),
  lines: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  papers: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  derivedTitles: z.number().int().nonnegative(),
  truncated: z.number().int().nonnegative(),
  paperLines: z.number().int().nonnegative(),
  boilerplateLines: z.number().int().nonnegative(),
  blankLines: z.number().int().nonnegative(),
  warnings: z.array(warningSchema),
});

/**
 * One entry of `/data/papers.json`. `url` is the paper's page on this site; the override URL of the
 * paper's own page, when a maintainer gave one, is `paperUrl`. `related` holds paper ids only, and
 * the map position is left out.
 */
export const paperOutputSchema = paperSchema
  .omit({ url: true, map: true })
  .extend({ url: z.string(), paperUrl: z.url().optional(), related: z.array(z.string().regex(/^[0-9a-f]{12}$/)) });

/** `/data/report.json`. */
export const reportOutputSchema = z.object({
  papers: z.number().int(),
  records: z.number().int(),
  duplicatesMerged: z.number().int(),
  derivedTitles: z.number().int(),
  truncated: z.number().int(),
  overridden: z.number().int(),
  sources: z.array(sourceReportSchema),
  skipped: z.array(z.object({ file: z.string(), message: z.string() })),
});
