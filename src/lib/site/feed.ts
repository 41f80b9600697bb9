/**
 * Items of the RSS feeds (site-wide and per topic), shaped for `@astrojs/rss`.
 */
import { excerpt, withBase } from './format.ts';
import { plainText } from '../render/rich-text.ts';

/** A paper as feeds need it. */
export interface FeedPaper {
  slug: string;
  title: string;
  abstract: string;
  topics: string[];
}

/** Longest description of a feed item, in characters (the full abstract is on the page). */
export const FEED_DESCRIPTION_LENGTH = 600;

/**
 * Feed items: title, link (below the base, made absolute by `@astrojs/rss` with `site`), excerpt of
 * the abstract as plain text (the library escapes it), topic names as categories. Title and
 * excerpt are read as text (`plainText`: LaTeX macros and math resolved, `E$^{2}$GAN` → E2GAN).
 */
export function feedItems(papers: readonly FeedPaper[], base: string, topicNames: Map<string, string>) {
  return papers.map((p) => ({
    title: plainText(p.title),
    link: withBase(base, `papers/${p.slug}/`),
    description: excerpt(plainText(p.abstract), FEED_DESCRIPTION_LENGTH),
    categories: p.topics.map((t) => topicNames.get(t) ?? t),
  }));
}
