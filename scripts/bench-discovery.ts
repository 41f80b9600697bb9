/**
 * `npm run bench:discovery [n…]`: time the discovery enrich steps (tokenising, topics, BM25
 * vectors, related-paper search, keyphrases, UMAP map) on the real seeds and on synthetic corpora
 * of the given sizes (default 10000). Prints a Markdown table of CPU time per step (user + system,
 * `process.cpuUsage`, single-threaded code, so close to wall time on an idle machine and far more
 * stable than wall time on a shared one). A benchmark, not a test.
 */
import { join } from 'node:path';
import { ingestDirectory } from '../src/lib/ingest/index.ts';
import { terms } from '../src/lib/enrich/nlp.ts';
import { loadTaxonomy, TopicMatcher } from '../src/lib/enrich/topics.ts';
import { Bm25SpaceBuilder, contentStems, nearestNeighbours } from '../src/lib/enrich/related.ts';
import { KeyphraseIndex } from '../src/lib/enrich/keyphrases.ts';
import { layoutMap, MAP_NEIGHBOURS } from '../src/lib/enrich/map.ts';
import { generatePapers } from '../bench/generate.ts';

const sizes = process.argv.slice(2).map(Number).filter((n: number) => n > 0);
const matcher = new TopicMatcher(loadTaxonomy(join('seeds', 'topics.yaml')));

function time<T>(f: () => T): [T, number] {
  const t = process.cpuUsage();
  const r = f();
  const d = process.cpuUsage(t);
  return [r, (d.user + d.system) / 1000];
}

function bench(label: string, papers: { title: string; abstract: string }[]): string {
  // Streams like the catalog: tokens of one paper at a time, compact results kept.
  const builder = new Bm25SpaceBuilder();
  const index = new KeyphraseIndex();
  let tTok = 0;
  let tTopics = 0;
  let tVec = 0;
  let tKp = 0;
  for (const p of papers) {
    const [tokens, a] = time(() => ({ title: terms(p.title), abstract: terms(p.abstract) }));
    const [, b] = time(() => matcher.assignStems(tokens.title.map((x) => x.stem), tokens.abstract.map((x) => x.stem)));
    const [, c] = time(() => builder.add(contentStems(tokens.title, tokens.abstract)));
    const [, d] = time(() => index.add(tokens.title, tokens.abstract));
    tTok += a; tTopics += b; tVec += c; tKp += d;
  }
  const [space, tBuild] = time(() => builder.build());
  tVec += tBuild;
  const [nn, tNN] = time(() => nearestNeighbours(space, { k: MAP_NEIGHBOURS, whyFor: 5 }));
  const [, tSelect] = time(() => index.select());
  tKp += tSelect;
  const [, tMap] = time(() => layoutMap(nn, space));
  const fewest = Math.min(...nn.map((x) => Math.min(x.length, 5)));
  const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
  const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  return `| ${label} | ${papers.length.toLocaleString('en')} | ${ms(tTok)} | ${ms(tTopics)} | ${ms(tVec)} | ${ms(tNN)} | ${ms(tKp)} | ${ms(tMap)} | ${fewest} | ${heap} MB |`;
}

const real = ingestDirectory('seeds').sources.flatMap((s) => s.records).map((r) => ({ title: r.title ?? '', abstract: r.abstract }));
console.log('CPU time per step (ms):\n');
console.log('| corpus | papers | tokenise | topics | BM25 vectors | related (k=15) | keyphrases | UMAP map | fewest related | heap after |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
console.log(bench('real seeds (records, before merging)', real));
for (const n of sizes.length > 0 ? sizes : [10000]) console.log(bench(`synthetic (seed 42)`, generatePapers(n)));
