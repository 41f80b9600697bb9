/**
 * Site-side access to the content collections, shaped for pages. The only module pages use to
 * read data, so the pages stay small.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byTitle } from './lib/site/format.ts';

export type PaperData = CollectionEntry<'papers'>['data'];
export type TopicData = CollectionEntry<'topics'>['data'];
export type CollectionData = CollectionEntry<'collections'>['data'];

/** What pages read: papers sorted by title, topics in taxonomy order, collections in file order, lookups. */
export interface Site {
  papers: PaperData[];
  topics: TopicData[];
  topicNames: Map<string, string>;
  collections: CollectionData[];
  /** Paper id → paper. */
  papersById: Map<string, PaperData>;
}

let site: Promise<Site> | undefined;

/** The site's data, read from the content collections once per build (every call in dev). */
export function loadSite(): Promise<Site> {
  if (import.meta.env.DEV) site = undefined;
  site ??= (async () => {
    const papers = byTitle((await getCollection('papers')).map((e) => e.data));
    const topics = (await getCollection('topics')).map((e) => e.data);
    const collections = (await getCollection('collections')).map((e) => e.data).sort((a, b) => (a.file < b.file ? -1 : 1));
    return {
      papers,
      topics,
      topicNames: new Map(topics.map((t) => [t.slug, t.name])),
      collections,
      papersById: new Map(papers.map((p) => [p.id, p])),
    };
  })();
  return site;
}

/** Papers per page on paginated listings. */
export const PAGE_SIZE = 50;
