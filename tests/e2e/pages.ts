import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPapers } from './helpers.ts';

/** A page the site-wide gates visit, with why it is in the list. */
export interface GatePage {
  name: string;
  path: string;
  /** Search query to type on a search page, so results are on screen when checked. */
  query?: string;
}

const DIST = 'dist';
/** Top-level folders of dist/ that hold assets or data, not pages. */
const NOT_PAGES = new Set(['_astro', 'pagefind', 'data']);

/** First sub-folder (by name) of a dist/ folder that has an index.html, as a URL path. */
function firstChildPage(dir: string): string | undefined {
  const child = readdirSync(join(DIST, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(DIST, dir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort()[0];
  return child === undefined ? undefined : `/${dir}/${child}/`;
}

/**
 * One page of every page type in dist/, found by walking it, so page types added later (map,
 * collections, lists, stats …) are covered without editing this list: for each top-level folder,
 * its index page and its first child page; plus a paper with math, a paper with a derived title,
 * search with results, and the 404 page.
 */
export function gatePages(): GatePage[] {
  const pages: GatePage[] = [{ name: 'home', path: '/' }];
  const dirs = readdirSync(DIST, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !NOT_PAGES.has(e.name))
    .map((e) => e.name)
    .sort();
  for (const dir of dirs) {
    if (existsSync(join(DIST, dir, 'index.html'))) pages.push({ name: dir, path: `/${dir}/` });
    const child = firstChildPage(dir);
    if (child) pages.push({ name: `${dir} item`, path: child });
  }
  const papers = builtPapers();
  const derived = papers.find((p) => p.titleSource === 'derived');
  if (derived) pages.push({ name: 'paper with derived title', path: derived.url });
  // Rendered math (KaTeX) when the site renders it; else the first abstract with TeX delimiters.
  const withMath =
    papers.find((p) => existsSync(join(DIST, p.url, 'index.html')) && readFileSync(join(DIST, p.url, 'index.html'), 'utf8').includes('class="katex')) ??
    papers.find((p) => /\$[^$]+\$/.test(p.abstract));
  if (withMath) pages.push({ name: 'paper with math', path: withMath.url });
  const search = pages.find((p) => p.path === '/search/');
  if (search) pages.push({ name: 'search with results', path: '/search/', query: 'reinforcement learning' });
  pages.push({ name: '404', path: '/no-such-page/' });
  return pages;
}
