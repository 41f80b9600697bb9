import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite } from '../site.ts';
import { feedItems } from '../lib/site/feed.ts';

/** `/feed.xml`: RSS 2.0 feed of every paper, sorted by title. */
export const GET: APIRoute = async (context) => {
  const { papers, topicNames } = await loadSite();
  return rss({
    title: 'Lectern: all papers',
    description: 'Every paper of the Lectern reading list.',
    site: new URL(import.meta.env.BASE_URL, context.site).href,
    items: feedItems(papers, import.meta.env.BASE_URL, topicNames),
  });
};
