/**
 * Paper pages opened from a search result (`?pagefind-highlight=term&…`, added by Pagefind when
 * `highlight-param` is configured): mark the matched terms with Pagefind's highlight script
 * (mark.js inside `[data-pagefind-body]`) and scroll the first one into view. Loads nothing when
 * the parameter is absent.
 */
import { withBase } from '../lib/site/format.ts';

/** The query parameter Pagefind appends to result URLs (set on every `<pagefind-config>`). */
export const HIGHLIGHT_PARAM = 'pagefind-highlight';

async function highlight(): Promise<void> {
  if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
  const mod = (await import(/* @vite-ignore */ withBase(import.meta.env.BASE_URL, 'pagefind/pagefind-highlight.js'))) as {
    default: new (options: Record<string, unknown>) => unknown;
  };
  // addStyles: false — the script would inject a <style> element; search.css styles the marks.
  new mod.default({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
  const first = document.querySelector('[data-pagefind-body] mark.pagefind-highlight');
  if (first) {
    first.scrollIntoView({ block: 'center' });
    document.documentElement.dataset.highlighted = String(document.querySelectorAll('mark.pagefind-highlight').length);
  }
}

highlight().catch((e: unknown) => console.warn('[lectern] could not highlight search terms:', e));
