/**
 * Collections: each seed file is a collection of papers. `seeds/collections.yaml` (optional,
 * maintainer-editable) names and describes them; a file it does not mention gets a name derived from
 * its format and number or label.
 */
import { existsSync } from 'node:fs';
import { loadYamlFile } from './config-file.ts';
import { z } from 'zod';
import type { SeedFormat } from '../ingest/index.ts';
import { slugify } from './slug.ts';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Schema of one entry of `collections.yaml`, keyed by seed file name. */
export const collectionConfigEntrySchema = z.strictObject({
  name: z.string().trim().min(1),
  description: z.string().trim().min(1).optional(),
  slug: z.string().regex(slugPattern, 'slug must be lower-case words joined by hyphens').optional(),
});

/** Schema of `collections.yaml`: `collections: { <seed file name>: { name, description?, slug? } }`. */
export const collectionsConfigSchema = z.strictObject({
  collections: z.record(z.string().regex(/\.txt$/, 'keys must be seed file names ending in .txt'), collectionConfigEntrySchema),
});

export type CollectionsConfig = z.infer<typeof collectionsConfigSchema>;

/**
 * Read and validate a collections file. A missing file is not an error (defaults apply).
 * @returns the configuration, or `undefined` when `path` does not exist.
 * @throws Error naming the file and the offending key when the YAML or a field is invalid.
 */
export function loadCollectionsConfig(path: string): CollectionsConfig | undefined {
  if (!existsSync(path)) return undefined;
  return loadYamlFile(path, collectionsConfigSchema);
}

/** What a collection is built from: a seed file's ingest facts. */
export interface CollectionSource {
  file: string;
  format: SeedFormat;
  label?: string;
}

/** Human names of the seed formats, as used in default collection names. */
export const FORMAT_NAMES: Record<SeedFormat, string> = {
  huggingface: 'Hugging Face Papers listing',
  arxiv: 'arXiv listing',
  bare: 'Abstracts',
};

/**
 * The default name of a collection without configuration: "<label> (<format>)" when the file has a
 * header label (e.g. "UC Berkeley (arXiv listing)"), else "<format> <number>" where the number is
 * the file name's leading digits, or the file name without extension
 * (e.g. "Hugging Face Papers listing 001").
 */
export function defaultCollectionName(source: CollectionSource): string {
  const format = FORMAT_NAMES[source.format];
  if (source.label) return `${source.label} (${format})`;
  const number = /^(\d+)/.exec(source.file)?.[1] ?? source.file.replace(/\.txt$/, '');
  return `${format} ${number}`;
}

/** A collection as the site shows it. */
export interface Collection {
  slug: string;
  /** Seed file name. */
  file: string;
  name: string;
  description: string;
  format: SeedFormat;
  /** Papers with a record from this file. */
  count: number;
  /** Topics of its papers with their counts, largest first (ties by slug). */
  topics: { slug: string; count: number }[];
}

/**
 * Build the collections of a catalog.
 * @param sources - ingested seed files, in file order.
 * @param papers - papers with the files they came from and their topics.
 * @param config - parsed `collections.yaml`, if any; `configPath` names it in errors.
 * @returns one collection per source, in file order, with unique slugs.
 * @throws Error when the configuration names a file that is not a seed file, or two collections
 *   would share a slug.
 */
export function buildCollections(
  sources: readonly CollectionSource[],
  papers: readonly { sources: { file: string }[]; topics: string[] }[],
  config?: CollectionsConfig,
  configPath = 'collections.yaml',
): Collection[] {
  const files = new Set(sources.map((s) => s.file));
  for (const file of Object.keys(config?.collections ?? {})) {
    if (!files.has(file)) {
      throw new Error(`${configPath}: collections.${file}: no seed file named "${file}" (seed files: ${[...files].join(', ') || 'none'})`);
    }
  }
  const seen = new Map<string, string>();
  return sources.map((source) => {
    const entry = config?.collections[source.file];
    const name = entry?.name ?? defaultCollectionName(source);
    const slug = entry?.slug ?? (slugify(name) || slugify(source.file));
    if (seen.has(slug)) {
      throw new Error(`${configPath}: collections "${seen.get(slug)}" and "${source.file}" share the slug "${slug}"; set a distinct "slug"`);
    }
    seen.set(slug, source.file);
    const members = papers.filter((p) => p.sources.some((s) => s.file === source.file));
    const topicCounts = new Map<string, number>();
    for (const p of members) for (const t of p.topics) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
    return {
      slug,
      file: source.file,
      name,
      description: entry?.description ?? `Papers from the seed file ${source.file} (${FORMAT_NAMES[source.format]}).`,
      format: source.format,
      count: members.length,
      topics: [...topicCounts].map(([s, c]) => ({ slug: s, count: c })).sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1)),
    };
  });
}
