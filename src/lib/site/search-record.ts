/**
 * The search index's view of a paper: one small HTML document per paper, built from the catalog and
 * given to Pagefind (`index.addHTMLFile`, https://pagefind.app/docs/node-api/#indexaddhtmlfile)
 * instead of letting Pagefind parse the built pages. The index then no longer waits for the pages:
 * the integration hands the records over when the build starts and Pagefind's binary indexes them
 * on another core while Astro renders (src/integrations/pagefind.ts).
 *
 * What is searchable is decided here, once: the title (weighted 5×), the keyphrases and the
 * abstract, as plain text (LaTeX macros and math read as text, the same text the page shows).
 * Filters and metadata use the names the /search/ facets show (search-facets.ts). Seed text is
 * escaped with escape-html; Pagefind reads it back as text.
 */
import escapeHtml from 'escape-html';
import type { Paper } from '../enrich/catalog.ts';
import { plainText } from '../render/rich-text.ts';
import { CODE_VALUE, FILTER, TITLE_VALUE, hasCodeLink, paperCollections } from './search-facets.ts';

/** One paper for Pagefind's `addHTMLFile`: the result URL and the document to index. */
export interface SearchRecord {
  /** Result URL below the site's base, e.g. `/papers/masked-trajectory-models/` (Pagefind's UI prefixes `base-url`). */
  url: string;
  /** A complete HTML document in Pagefind's markup (`data-pagefind-body`, `-filter`, `-meta`, `-weight`). */
  content: string;
}

/** Weight of the title against body text (Pagefind `data-pagefind-weight`, default 1; https://pagefind.app/docs/weighting/). */
export const TITLE_WEIGHT = 5;

/** The parts of a paper a search record reads. */
export type SearchRecordPaper = Pick<Paper, 'slug' | 'titleText' | 'titleSource' | 'abstract' | 'keyphrases' | 'topics' | 'collections' | 'links'>;

/**
 * The search record of a paper.
 * @param paper - a catalog paper.
 * @param topicNames - topic slug → name (the `topic` filter's values).
 * @param collectionNames - collection slug → name (the `collection` filter's values).
 * @returns URL and HTML document; filters: topic (1–4), collection (1+), code (when the abstract or
 *   an override link points to a code host), title (seed or derived); metadata: `title`, and
 *   `derived` for derived titles.
 */
export function searchRecord(paper: SearchRecordPaper, topicNames: ReadonlyMap<string, string>, collectionNames: ReadonlyMap<string, string>): SearchRecord {
  const derived = paper.titleSource === 'derived';
  const hasCode = hasCodeLink(paper.abstract) || (paper.links ?? []).some((l) => hasCodeLink(l.url));
  const filter = (name: string, value: string) => `<span data-pagefind-filter="${name}">${escapeHtml(value)}</span>`;
  const hidden = [
    ...paper.topics.map((slug) => filter(FILTER.topic, topicNames.get(slug) ?? slug)),
    ...paperCollections(paper.collections, collectionNames).map((c) => filter(FILTER.collection, c)),
    ...(hasCode ? [filter(FILTER.code, CODE_VALUE)] : []),
    filter(FILTER.title, derived ? TITLE_VALUE.derived : TITLE_VALUE.seed),
    ...(derived ? ['<span data-pagefind-meta="derived">true</span>'] : []),
  ];
  const title = escapeHtml(paper.titleText);
  const content = [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body>`,
    // Keyphrases last: Pagefind's result excerpts are windows of this text, and keyphrases between
    // title and abstract made every excerpt open with a run of fragments ("policy-guided
    // diffusion. offline world. …"); after the abstract, ties for the densest window go to the
    // title and the abstract's opening, which read as prose.
    `<h1 data-pagefind-meta="title" data-pagefind-weight="${TITLE_WEIGHT}">${title}</h1>`,
    `<p>${escapeHtml(plainText(paper.abstract))}</p>`,
    paper.keyphrases.length > 0 ? `<ul>${paper.keyphrases.map((k) => `<li>${escapeHtml(k)}</li>`).join('')}</ul>` : '',
    `<div data-pagefind-ignore>${hidden.join('')}</div>`,
    '</main></body></html>',
  ].join('');
  return { url: `/papers/${paper.slug}/`, content };
}
