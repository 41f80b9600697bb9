import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite } from '../site.ts';
import { feedItems } from '../lib/site/feed.ts';
import { withBase } from '../lib/site/format.ts';

/** `/feed.xml`: RSS 2.0 feed of every paper, sorted by title. */
export const GET: APIRoute = async (context) => {
  const { papers, topicNames } = await loadSite();
  return rss({
    title: 'Lectern: all papers',
    description: 'Every paper of the Lectern reading list.',
    site: new URL(import.meta.env.BASE_URL, context.site).href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // atom:link rel=self and language, as the W3C feed validator recommends.
    customData: `<language>en</language><atom:link href="${new URL(withBase(import.meta.env.BASE_URL, 'feed.xml'), context.site).href}" rel="self" type="application/rss+xml"/>`,
    items: feedItems(papers, import.meta.env.BASE_URL, topicNames),
  });
};
