/**
 * `node scripts/synthetic-seeds.ts <outDir> [n=10000] [seed=42]`: write a seeds directory of `n`
 * synthetic papers (Hugging Face listing format, 5,000 per file) plus a copy of seeds/topics.yaml,
 * for building the site at scale: `LECTERN_SEEDS=<outDir> npx astro build`. Not committed.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticPapers } from './synthetic.ts';

const [outDir, nArg = '10000', seedArg = '42'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node scripts/synthetic-seeds.ts <outDir> [n] [seed]');
  process.exit(2);
}
const papers = syntheticPapers(Number(nArg), Number(seedArg));
mkdirSync(outDir, { recursive: true });
const PER_FILE = 5000;
for (let f = 0; f * PER_FILE < papers.length; f++) {
  const chunk = papers.slice(f * PER_FILE, (f + 1) * PER_FILE);
  const text = ['Get trending papers in your email inbox!', '', ...chunk.flatMap((p) => [p.title, p.abstract, ''])].join('\n');
  writeFileSync(join(outDir, `synthetic_${String(f).padStart(3, '0')}.txt`), text);
}
copyFileSync('seeds/topics.yaml', join(outDir, 'topics.yaml'));
console.log(`${papers.length} synthetic papers written to ${outDir}`);
