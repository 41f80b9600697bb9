import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { withBase } from '../../lib/site/format.ts';

/** `/data/papers.json`: every paper, sorted by id, with its site URL, any maintainer override fields, and `related` as paper ids. */
export const GET: APIRoute = async () => {
  const papers = (await getCollection('papers'))
    .map((e) => e.data)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(({ id, slug, title, titleSource, abstract, topics, sources, truncated, keyphrases, related, collections, url, links, note }) => ({
      id, slug, url: withBase(import.meta.env.BASE_URL, `papers/${slug}/`), title, titleSource, abstract, topics, sources, truncated,
      keyphrases, related: related.map((r) => r.id), collections,
      // Maintainer overrides (seeds/overrides.yaml); `url` above is this site's page, so the paper's own page is `paperUrl`.
      ...(url !== undefined ? { paperUrl: url } : {}),
      ...(links !== undefined ? { links } : {}),
      ...(note !== undefined ? { note } : {}),
    }));
  return new Response(JSON.stringify(papers, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
