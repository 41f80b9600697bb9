import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';

/** `/data/report.json`: the ingest report (per-source line accounting and warnings). */
export const GET: APIRoute = async () => {
  const report = (await getEntry('report', 'ingest'))!.data;
  return new Response(JSON.stringify(report, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
