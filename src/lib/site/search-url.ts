/**
 * The search page's shareable state in its URL: `/search/?q=world+models&topic=robotics` holds the
 * query and the selected facet values. Pure functions (no DOM), so the rules are unit-tested; the
 * browser glue (src/scripts/search.ts) only reads `location` and calls `history`.
 */

/** One facet as it appears in the URL: a query parameter mapped onto a Pagefind filter. */
export interface FacetParam {
  /** URL query parameter, e.g. `topic`. */
  param: string;
  /** Pagefind filter name, e.g. `topic`. */
  filter: string;
  /** URL value (a slug) → Pagefind filter value (the label readers see), e.g. `robotics` → `Robotics and manipulation`. */
  values: Record<string, string>;
}

/** What the search page shows: a query (possibly empty) and the selected values per filter. */
export interface SearchState {
  query: string;
  /** Pagefind filter name → selected filter values (labels); filters with no value are absent. */
  filters: Record<string, string[]>;
}

/** The query parameter holding the search text. */
export const QUERY_PARAM = 'q';

/**
 * Read the state from a URL query string.
 * Facet values are looked up by slug; a value that is not a known slug is kept as given when it is
 * itself a filter label (hand-written URLs), otherwise dropped. Duplicates are removed; the query
 * is trimmed and its inner whitespace collapsed.
 * @param search - `location.search` (with or without `?`) or a URLSearchParams.
 * @param facets - the facets the page offers.
 */
export function parseSearchParams(search: string | URLSearchParams, facets: readonly FacetParam[]): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const query = (params.get(QUERY_PARAM) ?? '').replace(/\s+/g, ' ').trim();
  const filters: Record<string, string[]> = {};
  for (const facet of facets) {
    const labels = new Set(Object.values(facet.values));
    const chosen: string[] = [];
    for (const raw of params.getAll(facet.param)) {
      const value = Object.hasOwn(facet.values, raw) ? facet.values[raw]! : labels.has(raw) ? raw : undefined;
      if (value !== undefined && !chosen.includes(value)) chosen.push(value);
    }
    if (chosen.length > 0) filters[facet.filter] = [...(filters[facet.filter] ?? []), ...chosen];
  }
  return { query, filters };
}

/**
 * Write the state as a query string, canonically: `q` first, then facets in the given order,
 * values as slugs in slug order, so equal states give equal URLs. Values without a slug are
 * written as their label; filters not in `facets` are left out.
 * @returns `?q=…&topic=…`, or `''` for the empty state.
 */
export function toSearchParams(state: SearchState, facets: readonly FacetParam[]): string {
  const params = new URLSearchParams();
  const query = state.query.replace(/\s+/g, ' ').trim();
  if (query) params.set(QUERY_PARAM, query);
  for (const facet of facets) {
    const slugOf = new Map(Object.entries(facet.values).map(([slug, label]) => [label, slug]));
    const slugs = (state.filters[facet.filter] ?? []).map((v) => slugOf.get(v) ?? v);
    for (const slug of [...new Set(slugs)].sort()) params.append(facet.param, slug);
  }
  const out = params.toString();
  return out ? `?${out}` : '';
}

/** Whether two states show the same results (same query, same set of values per filter). */
export function sameState(a: SearchState, b: SearchState): boolean {
  if (a.query.trim() !== b.query.trim()) return false;
  return sameFilters(a.filters, b.filters);
}

function sameFilters(a: Record<string, string[]>, b: Record<string, string[]>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = [...new Set(a[k] ?? [])].sort();
    const y = [...new Set(b[k] ?? [])].sort();
    if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
  }
  return true;
}

/** Milliseconds within which successive query edits share one history entry. */
export const COALESCE_MS = 2000;

/**
 * How a state change enters the browser history, so the back button walks meaningful steps:
 * facet changes and a new query each get an entry (`push`); keystrokes refining the query within
 * {@link COALESCE_MS} of the previous query edit replace it (`replace`), so typing "world models"
 * is one step, not twelve; no change → `none`.
 * @param prev - the state the current history entry shows.
 * @param next - the new state.
 * @param msSincePrevQueryEdit - time since the current entry was last written by a query-only edit
 *   (`Infinity` when it was written by anything else: page load, a facet change, back/forward).
 */
export function historyAction(prev: SearchState, next: SearchState, msSincePrevQueryEdit: number): 'push' | 'replace' | 'none' {
  if (sameState(prev, next)) return 'none';
  if (!sameFilters(prev.filters, next.filters)) return 'push';
  return msSincePrevQueryEdit < COALESCE_MS ? 'replace' : 'push';
}

/**
 * Pagefind's filter object for a state: only filters with values, as plain arrays — the shape
 * Pagefind's Component UI filter pane uses (a page must carry every selected value).
 */
export function pagefindFilters(state: SearchState): Record<string, string[]> {
  return Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v.length > 0));
}
