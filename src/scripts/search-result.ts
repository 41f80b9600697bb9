/**
 * How one Pagefind result is shown in Lectern's search UIs (modal and /search/): title (marked when
 * derived), highlighted excerpt, topics and collection. Used as the `resultTemplate` of every
 * `<pagefind-results>` (Pagefind Component UI calls it with the result's loaded data).
 */
import { FILTER } from '../lib/site/search-facets.ts';

/** The fields of a loaded Pagefind result this renderer reads (https://pagefind.app/docs/api/). */
export interface ResultData {
  url: string;
  /** Pagefind's excerpt: the page text, HTML-escaped by Pagefind, with `<mark>` around matches. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Build the result card. Text from the index goes in as text; only Pagefind's own excerpt markup
 * (escaped page text plus `<mark>`, the same string Pagefind's default template inserts raw) is
 * parsed as HTML.
 * @returns an `<li>` for Pagefind's results list.
 */
export function renderResult(result: ResultData): HTMLLIElement {
  const li = el('li', 'lectern-result');
  const heading = el('p', 'lectern-result-title');
  const link = el('a', 'lectern-result-link', result.meta.title ?? result.url);
  link.href = result.meta.url ?? result.url;
  heading.append(link);
  if (result.meta.derived) {
    const badge = el('span', 'lectern-result-badge', 'title derived');
    badge.title = 'No seed file gave this paper a title; Lectern derived it from the abstract.';
    heading.append(badge);
  }
  li.append(heading);
  if (result.excerpt) {
    const excerpt = el('p', 'lectern-result-excerpt');
    excerpt.innerHTML = result.excerpt;
    li.append(excerpt);
  }
  const topics = result.filters?.[FILTER.topic] ?? [];
  const collections = result.filters?.[FILTER.collection] ?? [];
  if (topics.length + collections.length > 0) {
    const facets = el('p', 'lectern-result-facets');
    for (const t of topics) facets.append(el('span', 'lectern-result-topic', t));
    if (collections.length > 0) facets.append(el('span', 'lectern-result-collection', `Collection: ${collections.join(', ')}`));
    li.append(facets);
  }
  return li;
}
