/**
 * Browser glue for search (bundled by Astro; no inline script). Loads Pagefind's Component UI from
 * the index folder, configures ranking and the result card, and adds what the Component UI does
 * not do itself:
 * - `/` opens the header modal (Ctrl/⌘+K is the trigger's own shortcut); on /search/ it focuses the box;
 * - /search/: query and facets live in the URL (src/lib/site/search-url.ts) — restored on load and
 *   on back/forward, written on every change;
 * - empty results → suggestions; index failing to load → a clear message;
 * - dev server: a note when the served index is missing or stale (src/integrations/pagefind.ts).
 */
import { withBase } from '../lib/site/format.ts';
import { RANKING } from '../lib/site/search-facets.ts';
import {
  historyAction,
  pagefindFilters,
  parseSearchParams,
  toSearchParams,
  type FacetParam,
  type SearchState,
} from '../lib/site/search-url.ts';
import { renderResult, type ResultData } from './search-result.ts';

/** The parts of a Component UI instance used here (pagefind-component-ui.js, Pagefind 1.5). */
interface Instance {
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  on(event: 'search', cb: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: 'results', cb: (r: { results: unknown[] }) => void): void;
  on(event: 'error', cb: (e: unknown) => void): void;
  triggerLoad(): Promise<void>;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
}
interface Components {
  getInstanceManager(): { getInstance(name: string): Instance };
  configureInstance(name: string, options: Record<string, unknown>): Instance;
}
declare global {
  interface Window {
    PagefindComponents?: Components;
  }
}

const base = import.meta.env.BASE_URL;
const bundle = withBase(base, 'pagefind/');

/** The states block (SearchStates.astro) of an instance. */
function states(instance: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-search-states="${instance}"]`);
}

function show(instance: string, which: 'empty' | 'error' | null, term = ''): void {
  const root = states(instance);
  if (!root) return;
  root.querySelector<HTMLElement>('[data-search-empty]')!.hidden = which !== 'empty';
  root.querySelector<HTMLElement>('[data-search-error]')!.hidden = which !== 'error';
  const termEl = root.querySelector('[data-search-empty-term]');
  if (termEl) termEl.textContent = term;
}

/** Mark the UI as failed: message shown, the Component UI's own (blank or raw) output hidden. */
function fail(instance: string, error?: unknown): void {
  if (error) console.warn('[lectern] search unavailable:', error);
  show(instance, 'error');
  const scope = instance === 'modal' ? document.querySelector('pagefind-modal') : document.getElementById('search-page');
  scope?.querySelectorAll<HTMLElement>('pagefind-results, pagefind-summary, pagefind-filter-pane').forEach((e) => (e.hidden = true));
  scope?.querySelectorAll<HTMLInputElement>('pagefind-input input').forEach((input) => (input.disabled = true));
}

/** Load the index once per instance; false (and the error message) when it cannot load. */
const loads = new Map<string, Promise<boolean>>();
function ensureLoaded(name: string, instance: Instance): Promise<boolean> {
  let p = loads.get(name);
  if (!p) {
    p = instance
      .triggerLoad()
      .then(() => {
        // A failed import of pagefind.js is reported through the `error` event, not thrown.
        if (!(instance as unknown as { __pagefind__: unknown }).__pagefind__) throw new Error('pagefind.js did not load');
        return true;
      })
      .catch((e: unknown) => {
        fail(name, e);
        return false;
      });
    loads.set(name, p);
  }
  return p;
}

/** Results → empty state with suggestions when a search (or facet browse) finds nothing. */
function watchResults(name: string, instance: Instance): void {
  instance.on('results', (r) => {
    const active = instance.searchTerm.trim() !== '' || Object.values(instance.searchFilters ?? {}).some((v) => v?.length);
    show(name, active && r.results.length === 0 ? 'empty' : null, instance.searchTerm.trim());
    const facetHint = states(name)?.querySelector<HTMLElement>('[data-search-empty-facets]');
    if (facetHint) facetHint.hidden = !Object.values(instance.searchFilters ?? {}).some((v) => v?.length);
  });
  instance.on('error', (e) => fail(name, e));
}

function setResultTemplates(): void {
  document.querySelectorAll('pagefind-results').forEach((el) => {
    (el as unknown as { resultTemplate: (r: ResultData) => HTMLElement }).resultTemplate = renderResult;
  });
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** Settles once the Component UI has loaded (its elements work) or failed (null). */
let uiLoaded: (c: Components | null) => void = () => {};
const ui = new Promise<Components | null>((resolve) => (uiLoaded = resolve));

/**
 * `/`: focus the /search/ page's box, or open the header modal elsewhere. Ctrl/⌘+K is the modal
 * trigger's own shortcut once the UI has loaded; a press before that is queued here. If the UI
 * cannot load, both go to the /search/ page (which explains why).
 */
function shortcuts(): void {
  let ready = false;
  void ui.then(() => (ready = true));
  document.addEventListener('keydown', (e) => {
    const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey;
    const modK = e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
    if (!(slash || (modK && !ready)) || e.defaultPrevented || isEditable(e.target)) return;
    if (document.querySelector('dialog[open]')) return;
    e.preventDefault();
    const pageInput = document.querySelector<HTMLInputElement>('#search-page pagefind-input input');
    if (pageInput) return pageInput.focus();
    void ui.then((components) => {
      const modal = document.querySelector('pagefind-modal') as unknown as { open?: () => void } | null;
      if (components && modal?.open) modal.open();
      else location.assign(document.querySelector<HTMLElement>('[data-search-page]')?.dataset.searchPage ?? withBase(base, 'search/'));
    });
  });
}

/** The modal: load its index on first use; keep its "full search" link carrying the query. */
function wireModal(components: Components): void {
  const modal = document.querySelector('pagefind-modal');
  if (!modal) return;
  const instance = components.getInstanceManager().getInstance('modal');
  watchResults('modal', instance);
  modal.addEventListener('focusin', () => void ensureLoaded('modal', instance));
  const full = modal.querySelector<HTMLAnchorElement>('[data-search-full]');
  const searchPage = full?.getAttribute('href') ?? withBase(base, 'search/');
  instance.on('search', (term) => {
    if (full) full.href = `${searchPage}${toSearchParams({ query: term, filters: {} }, [])}`;
  });
}

/**
 * Browse by facets without fetching the whole index. In `faceted` mode Pagefind's Component UI
 * (1.5) runs an empty, unfiltered search as soon as it loads — a search for every page, which
 * fetches every index chunk (all 14 at 536 papers, 6.8 MB at 10,000). So the search page's
 * `<pagefind-config>` is not `faceted`; instead the instance is made faceted just for searches
 * that have a facet chosen, so an empty query with facets still browses the list (filter-only
 * search) and an empty query without facets shows nothing, as on any search page.
 * Relies on the instance's `faceted` flag and `__search__(term, filters)` method, which every
 * trigger of pagefind-component-ui.js 1.5 goes through (Pagefind is pinned in package.json).
 */
function facetOnlyWhenFiltered(instance: Instance): void {
  const inner = instance as unknown as {
    faceted: boolean;
    __search__: (term: string, filters: Record<string, string[]>) => Promise<void>;
  };
  if (typeof inner.__search__ !== 'function') return;
  const search = inner.__search__.bind(instance);
  inner.__search__ = (term, filters) => {
    inner.faceted = Object.values(filters ?? {}).some((values) => values.length > 0);
    return search(term, filters);
  };
}

/** The /search/ page: restore state from the URL, then keep the URL in step. */
async function wireSearchPage(components: Components): Promise<void> {
  const page = document.getElementById('search-page');
  if (!page) return;
  const facets = JSON.parse(page.dataset.facets ?? '[]') as FacetParam[];
  const instance = components.getInstanceManager().getInstance('default');
  facetOnlyWhenFiltered(instance);
  watchResults('default', instance);

  const input = () => page.querySelector<HTMLInputElement>('pagefind-input input');
  const apply = (state: SearchState) => {
    const box = input();
    if (box) box.value = state.query;
    instance.triggerSearchWithFilters(state.query, pagefindFilters(state));
  };

  let shown = parseSearchParams(location.search, facets);
  if (!(await ensureLoaded('default', instance))) return;

  let restoring = false;
  let lastQueryEdit = -Infinity;
  instance.on('search', (term, filters) => {
    if (restoring) return;
    const next: SearchState = { query: term ?? '', filters: structuredClone(pagefindFilters({ query: '', filters: filters ?? {} })) };
    const action = historyAction(shown, next, performance.now() - lastQueryEdit);
    if (action === 'none') return;
    const queryOnly = JSON.stringify(pagefindFilters(shown)) === JSON.stringify(next.filters);
    const url = `${location.pathname}${toSearchParams(next, facets)}${location.hash}`;
    if (action === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    lastQueryEdit = queryOnly ? performance.now() : -Infinity;
    shown = next;
  });
  window.addEventListener('popstate', () => {
    shown = parseSearchParams(location.search, facets);
    lastQueryEdit = -Infinity;
    restoring = true;
    try {
      apply(shown);
    } finally {
      restoring = false;
    }
  });
  // Restore the URL's state — unless the reader already typed while the index was loading
  // (the Component UI's own first faceted search would otherwise have replaced their query).
  const typed = (input()?.value ?? '').replace(/\s+/g, ' ').trim();
  if (typed && typed !== shown.query) instance.triggerSearchWithFilters(typed, pagefindFilters(shown));
  else if (shown.query || Object.keys(shown.filters).length) apply(shown);
  page.dataset.searchReady = 'true';

  page.querySelector('[data-search-clear-facets]')?.addEventListener('click', () => {
    instance.triggerSearchWithFilters(instance.searchTerm, {});
  });
}

/** Dev server only: say when the served index is missing or older than the seeds. */
async function devNote(): Promise<void> {
  try {
    const res = await fetch(`${bundle}lectern-dev-status.json`, { cache: 'no-store' });
    const status = (await res.json()) as { state: 'fresh' | 'stale' | 'missing'; message: string };
    if (status.state === 'fresh') return;
    document.querySelectorAll<HTMLElement>('[data-search-dev-note]').forEach((note) => {
      note.querySelector('[data-search-dev-message]')!.textContent = status.message;
      note.hidden = false;
    });
  } catch {
    // Not the Lectern dev server: nothing to say.
  }
}

/** Add the Component UI stylesheet (from the index folder, so it matches the bundle's version). */
function stylesheet(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`could not load ${href}`));
    // Before the site's own CSS, so search.css's --pf-* values win.
    document.head.prepend(link);
  });
}

/**
 * Resolve when the browser is idle (at most `ms` later), or at once when the reader shows intent:
 * a shortcut, or pointer/focus on the header search. The Component UI (≈45 KiB gzipped) is not
 * needed to paint a page, so ordinary pages load it after their own work.
 */
function idleOrIntent(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const go = () => resolve();
    if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: ms });
    else setTimeout(go, 1);
    const trigger = document.querySelector('.lectern-search-trigger');
    for (const type of ['pointerover', 'focusin', 'touchstart'] as const) trigger?.addEventListener(type, go, { once: true, passive: true });
    document.addEventListener('keydown', go, { once: true });
  });
}

async function main(): Promise<void> {
  shortcuts();
  if (import.meta.env.DEV) void devNote();
  // The search page needs the UI at once; other pages when idle or when the reader reaches for it.
  if (!document.getElementById('search-page')) await idleOrIntent(1500);
  let components: Components;
  try {
    await Promise.all([stylesheet(`${bundle}pagefind-component-ui.css`), import(/* @vite-ignore */ `${bundle}pagefind-component-ui.js`)]);
    if (!window.PagefindComponents) throw new Error('Pagefind Component UI did not register');
    components = window.PagefindComponents;
  } catch (e) {
    // Header trigger stays a link to /search/; the search page says why it cannot search.
    fail('default', e);
    fail('modal');
    uiLoaded(null);
    return;
  }
  // Before any index load: every instance on the page ranks the same way as the relevance tests.
  components.configureInstance('modal', { ranking: RANKING });
  if (document.getElementById('search-page')) components.configureInstance('default', { ranking: RANKING });
  setResultTemplates();
  wireModal(components);
  uiLoaded(components);
  await wireSearchPage(components);
}

void main();
