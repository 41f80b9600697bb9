/**
 * Search facets and ranking: the Pagefind filter names and values every paper's search record
 * declares (search-record.ts), and
 * the ranking weights the search UI and the relevance tests share. Pure; no DOM, no Astro.
 */
import { paperLinks } from '../render/links.ts';
import type { FacetParam } from './search-url.ts';

/** Pagefind filter names (`data-pagefind-filter`), shown capitalised as facet headings. */
export const FILTER = {
  topic: 'topic',
  collection: 'collection',
  code: 'code',
  title: 'title',
} as const;

/** The single value of the `code` filter: set on papers whose abstract links to code. */
export const CODE_VALUE = 'Links to code';

/** Values of the `title` filter: where the paper's title came from. */
export const TITLE_VALUE = { seed: 'Given in the source', derived: 'Derived from the abstract' } as const;

/**
 * Whether a text (an abstract, or a link's URL) links to code: some link that the shared link
 * finder `paperLinks` (src/lib/render/links.ts) classes as `code` (GitHub, GitLab, Hugging Face, …).
 * A bare "GitHub" mention does not count.
 * @param text - plain text, e.g. an abstract.
 */
export function hasCodeLink(text: string): boolean {
  return paperLinks(text).some((link) => link.kind === 'code');
}

/**
 * The collection names of a paper, as shown in the collection facet: the readers' names of its
 * collections (from `seeds/collections.yaml`, or derived), in the paper's order.
 * @param collectionSlugs - the paper's collection slugs (`paper.collections`).
 * @param names - collection slug → name.
 * @returns names; a slug with no known name is returned as is.
 */
export function paperCollections(collectionSlugs: readonly string[], names: ReadonlyMap<string, string>): string[] {
  return [...new Set(collectionSlugs.map((slug) => names.get(slug) ?? slug))];
}

/**
 * Pagefind ranking options (https://pagefind.app/docs/ranking/: termSimilarity, pageLength,
 * termSaturation, termFrequency, metaWeights), passed to Pagefind by the search UI and by the
 * relevance tests, so tuning happens here once. Currently none: with the title heading weighted 5×
 * (`TITLE_WEIGHT` in search-record.ts), Pagefind's defaults put every expected paper
 * of tests/e2e/search-relevance.spec.ts at rank 1 or 2; a tried override (pageLength 0.4,
 * termSaturation 1.2, metaWeights title 5) changed no rank, so it was not kept.
 */
export const RANKING: Readonly<Record<string, number | Record<string, number>>> = {};

/**
 * URL slug of a facet value: lower-case letters and digits joined by hyphens.
 * @param value - a filter value, e.g. `001_3f9ad7b7bb7c19aa`.
 */
export function facetSlug(value: string): string {
  return value.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * The facets of the /search/ page as URL parameters (see search-url.ts): topics by their taxonomy
 * slug, collections by {@link facetSlug} of their name, `code=yes`, `title=derived|seed`.
 * @param topics - the taxonomy's topics (slug and display name).
 * @param collections - collection names, as produced by {@link paperCollections}.
 */
export function searchFacetParams(topics: readonly { slug: string; name: string }[], collections: readonly string[]): FacetParam[] {
  return [
    { param: 'topic', filter: FILTER.topic, values: Object.fromEntries(topics.map((t) => [t.slug, t.name])) },
    { param: 'collection', filter: FILTER.collection, values: Object.fromEntries(collections.map((c) => [facetSlug(c), c])) },
    { param: 'code', filter: FILTER.code, values: { yes: CODE_VALUE } },
    { param: 'title', filter: FILTER.title, values: { derived: TITLE_VALUE.derived, seed: TITLE_VALUE.seed } },
  ];
}
