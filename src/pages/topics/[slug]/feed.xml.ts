import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type TopicData } from '../../../site.ts';
import { feedItems } from '../../../lib/site/feed.ts';

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
    site: new URL(import.meta.env.BASE_URL, context.site).href,
    items: feedItems(papers.filter((p) => p.topics.includes(topic.slug)), import.meta.env.BASE_URL, topicNames),
  });
};
