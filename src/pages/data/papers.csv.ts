import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import Papa from 'papaparse';
import { withBase } from '../../lib/site/format.ts';

/** Columns of `/data/papers.csv`, in order. */
const COLUMNS = ['id', 'slug', 'url', 'title', 'title_source', 'topics', 'sources', 'truncated', 'abstract'] as const;

/**
 * `/data/papers.csv`: every paper, sorted by id like papers.json; RFC 4180 via papaparse (CRLF,
 * quotes doubled). Lists are joined with "; "; sources as `file:line`; url absolute.
 */
export const GET: APIRoute = async ({ site }) => {
  const papers = (await getCollection('papers')).map((e) => e.data).sort((a, b) => (a.id < b.id ? -1 : 1));
  const data = papers.map((p) => [
    p.id,
    p.slug,
    new URL(withBase(import.meta.env.BASE_URL, `papers/${p.slug}/`), site).href,
    p.title,
    p.titleSource,
    p.topics.join('; '),
    p.sources.map((s) => `${s.file}:${s.line}`).join('; '),
    String(p.truncated),
    p.abstract,
  ]);
  return new Response(Papa.unparse({ fields: [...COLUMNS], data }, { newline: '\r\n' }), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
