import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { withBase } from '../../lib/site/format.ts';

/**
 * `/data/papers-index.json`: the light paper index /list/ loads (no abstracts, ~1/8 the size of
 * papers.json): `{ id, url, title, titleText, topics, files }[]`, `files` being the seed files (collections),
 * `titleText` the title as plain text (for display and sorting).
 * Exports fetch papers.json for the abstracts only when needed.
 */
export const GET: APIRoute = async () => {
  const papers = (await getCollection('papers'))
    .map((e) => e.data)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(({ id, slug, title, titleText, topics, sources }) => ({
      id,
      url: withBase(import.meta.env.BASE_URL, `papers/${slug}/`),
      title,
      titleText,
      topics,
      files: [...new Set(sources.map((s) => s.file))],
    }));
  return new Response(JSON.stringify(papers), { headers: { 'Content-Type': 'application/json' } });
};
