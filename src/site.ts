/**
 * Site-side access to the content collections, shaped for pages. The only module pages use to
 * read data, so the pages stay small.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byTitle } from './lib/site/format.ts';

export type PaperData = CollectionEntry<'papers'>['data'];
export type TopicData = CollectionEntry<'topics'>['data'];

/** All papers sorted by title, all topics in taxonomy order, and a slug → name map. */
export async function loadSite(): Promise<{ papers: PaperData[]; topics: TopicData[]; topicNames: Map<string, string> }> {
  const papers = byTitle((await getCollection('papers')).map((e) => e.data));
  const topics = (await getCollection('topics')).map((e) => e.data);
  return { papers, topics, topicNames: new Map(topics.map((t) => [t.slug, t.name])) };
}

/** Papers per page on paginated listings. */
export const PAGE_SIZE = 50;
