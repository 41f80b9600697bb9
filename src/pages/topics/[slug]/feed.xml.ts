import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type TopicData } from '../../../site.ts';
import { feedItems } from '../../../lib/site/feed.ts';
import { withBase } from '../../../lib/site/format.ts';

export const getStaticPaths = (async () => {
  const { topics } = await loadSite();
  return topics.filter((t) => t.count > 0).map((topic) => ({ params: { slug: topic.slug }, props: { topic } }));
}) satisfies GetStaticPaths;

/** `/topics/<slug>/feed.xml`: RSS 2.0 feed of one topic's papers. */
export const GET: APIRoute = async (context) => {
  const topic = context.props.topic as TopicData;
  const { papers, topicNames } = await loadSite();
  return rss({
    title: `Lectern: ${topic.name}`,
    description: topic.description,
    // the channel link is the topic page; item links are root-relative, resolved on its origin
    site: new URL(withBase(import.meta.env.BASE_URL, `topics/${topic.slug}/`), context.site).href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // atom:link rel=self and language, as the W3C feed validator recommends.
    customData: `<language>en</language><atom:link href="${new URL(withBase(import.meta.env.BASE_URL, `topics/${topic.slug}/feed.xml`), context.site).href}" rel="self" type="application/rss+xml"/>`,
    items: feedItems(papers.filter((p) => p.topics.includes(topic.slug)), import.meta.env.BASE_URL, topicNames),
  });
};
