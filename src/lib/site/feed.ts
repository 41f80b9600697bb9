/**
 * Items of the RSS feeds (site-wide and per topic), shaped for `@astrojs/rss`.
 */
import { withBase } from './format.ts';

/** A paper as feeds need it: the catalog's plain-text title and listing excerpt. */
export interface FeedPaper {
  slug: string;
  /** Title as plain text (`Paper.titleText`: LaTeX macros and math resolved, `E$^{2}$GAN` → E2GAN). */
  titleText: string;
  /** Listing excerpt of the abstract, plain text (`Paper.excerpt`, ~220 characters). */
  excerpt: string;
  topics: string[];
}

/**
 * Feed items: title, link (below the base, made absolute by `@astrojs/rss` with `site`), the
 * listing excerpt as description (plain text; the library escapes it; the full abstract is on the
 * page), topic names as categories. Text comes precomputed from the catalog, so a paper in several
 * feeds is not re-rendered for each.
 */
export function feedItems(papers: readonly FeedPaper[], base: string, topicNames: Map<string, string>) {
  return papers.map((p) => ({
    title: p.titleText,
    link: withBase(base, `papers/${p.slug}/`),
    description: p.excerpt,
    categories: p.topics.map((t) => topicNames.get(t) ?? t),
  }));
}
