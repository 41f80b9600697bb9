import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { expect, test } from 'vitest';
import { pageUrlPath } from '../../src/lib/quality/links.ts';
import { DIST, htmlPages } from './helpers.ts';

/**
 * Budgets, in bytes after gzip (level 6, what static hosts serve at the least; brotli is smaller).
 *
 * PAPER_PAGE: the 20 kB for a paper page's HTML plus every stylesheet it links — the bytes
 * a reader downloads before the abstract renders on a cold cache (web fonts excluded: they swap).
 *
 * JS_BEFORE_SEARCH: JavaScript a page runs before the reader opens search — inline scripts plus
 * external scripts and their static imports; dynamic `import()` is lazy and not counted. 12 kB
 * leaves room for small progressive enhancements (theme switch, reading-list state, a search
 * launcher that imports Pagefind on open) while keeping Pagefind's UI (≈ 40 kB gzip) and any
 * framework runtime out of first load. The search page itself is exempt: search is open there.
 */
const PAPER_PAGE = 20 * 1024;
const JS_BEFORE_SEARCH = 12 * 1024;
/** Pages whose purpose is search: they load Pagefind on arrival. */
const SEARCH_PAGES = new Set(['search/index.html']);

const gz = (buf: Buffer | string) => gzipSync(buf).length;
const sizes = new Map<string, number>();
function fileGzip(file: string): number {
  if (!sizes.has(file)) sizes.set(file, existsSync(join(DIST, file)) ? gz(readFileSync(join(DIST, file))) : 0);
  return sizes.get(file)!;
}
/** Site-relative file of a root-relative URL in dist/ (base `/`). */
const toFile = (url: string, pagePath: string) => decodeURIComponent(new URL(url, `http://x${pagePath}`).pathname).replace(/^\//, '');

/** The module and its static imports, transitively (files relative to dist/). */
function moduleGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(join(DIST, entry))) return seen;
  seen.add(entry);
  const [imports] = parse(readFileSync(join(DIST, entry), 'utf8'));
  for (const imp of imports) {
    // d === -1: static import; -2: import.meta; ≥ 0: dynamic import() (lazy, not counted).
    if (imp.d !== -1 || !imp.n) continue;
    const target = imp.n.startsWith('/') ? imp.n.slice(1) : posix.join(posix.dirname(entry), imp.n);
    moduleGraph(target, seen);
  }
  return seen;
}

test(`every paper page's HTML + CSS is at most ${PAPER_PAGE / 1024} kB gzip`, () => {
  const papers = htmlPages(DIST).filter((p) => /^papers\/[^/]+\/index\.html$/.test(p.file));
  expect(papers.length).toBeGreaterThan(0);
  const weights = papers.map(({ file, facts }) => {
    const css = [...new Set(facts.stylesheets.map((h) => toFile(h, pageUrlPath(file, '/'))))];
    return { file, bytes: fileGzip(file) + css.reduce((s, f) => s + fileGzip(f), 0) };
  });
  const over = weights.filter((w) => w.bytes > PAPER_PAGE).sort((a, b) => b.bytes - a.bytes);
  expect(over.slice(0, 5).map((w) => `${w.file}: ${w.bytes} B`), `${over.length} paper pages over budget`).toEqual([]);
});

test(`no page runs more than ${JS_BEFORE_SEARCH / 1024} kB gzip of JavaScript before search is opened`, async () => {
  await init;
  const over: string[] = [];
  for (const { file, facts } of htmlPages(DIST)) {
    if (SEARCH_PAGES.has(file)) continue;
    const modules = new Set<string>();
    for (const s of facts.externalScripts) for (const m of moduleGraph(toFile(s.src, pageUrlPath(file, '/')))) modules.add(m);
    const bytes = facts.inlineScripts.reduce((s, t) => s + gz(t), 0) + [...modules].reduce((s, m) => s + fileGzip(m), 0);
    if (bytes > JS_BEFORE_SEARCH) over.push(`${file}: ${bytes} B (${[...modules].join(', ') || 'inline'})`);
  }
  expect(over.slice(0, 5), `${over.length} pages over the JS budget`).toEqual([]);
});
