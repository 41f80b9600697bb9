import type { APIRoute } from 'astro';
import { loadSite } from '../../site.ts';

/** `/data/collections.json`: every collection (one per seed file) with its name, file and paper count. */
export const GET: APIRoute = async () => {
  const { collections } = await loadSite();
  const out = collections.map(({ slug, file, name, description, format, count }) => ({ slug, file, name, description, format, count }));
  return new Response(JSON.stringify(out, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
