/**
 * `node scripts/synthetic-seeds.ts <outDir> [n=10000] [seed=42]`: write a seeds directory of `n`
 * synthetic papers (bench/generate.ts, the benchmark's generator: Hugging Face listing format,
 * 1,000 per file) plus a copy of seeds/topics.yaml, for building the site at scale:
 * `LECTERN_SEEDS=<outDir> npx astro build`. Not committed.
 */
import { generatePapers, writeSeeds } from '../bench/generate.ts';

const [outDir, nArg = '10000', seedArg = '42'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node scripts/synthetic-seeds.ts <outDir> [n] [seed]');
  process.exit(2);
}
const papers = generatePapers(Number(nArg), Number(seedArg));
writeSeeds(papers, outDir);
console.log(`${papers.length} synthetic papers written to ${outDir}`);
