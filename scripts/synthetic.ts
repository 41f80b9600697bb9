/**
 * Synthetic papers for benchmarks: realistic vocabulary and topic structure, any number, seeded.
 * Each synthetic paper starts from a real seed paper (its title words and half its sentences) and
 * mixes in sentences of other random papers, plus a made-up method name so every abstract differs.
 * Nothing generated is committed; see scripts/synthetic-seeds.ts and scripts/bench-discovery.ts.
 */
import { ingestDirectory } from '../src/lib/ingest/index.ts';
import { mulberry32 } from '../src/lib/enrich/map.ts';

/** A generated paper. */
export interface SyntheticPaper {
  title: string;
  abstract: string;
}

const SYLLABLES = ['ka', 'ro', 'mi', 'zen', 'tu', 'vex', 'lo', 'pra', 'di', 'qua', 'sel', 'mo', 'ny', 'tor', 'gle'];

/**
 * Generate `n` synthetic papers from the real seeds in `seedsDir`.
 * @param n - number of papers.
 * @param seed - PRNG seed (same seed, same papers).
 */
export function syntheticPapers(n: number, seed = 42, seedsDir = 'seeds'): SyntheticPaper[] {
  const records = ingestDirectory(seedsDir).sources.flatMap((s) => s.records);
  const real = records.map((r) => ({
    title: r.title ?? r.abstract.split(/(?<=\.)\s/)[0]!.slice(0, 80),
    sentences: r.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.length > 20),
  }));
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: SyntheticPaper[] = [];
  for (let i = 0; i < n; i++) {
    const base = pick(real);
    const name = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
    const method = `${name[0]!.toUpperCase()}${name.slice(1)}${i}`;
    const words = base.title.split(/\s+/);
    const title = `${method}: ${words.slice(0, Math.max(3, Math.floor(words.length * (0.5 + random() / 2)))).join(' ')}`;
    const own = base.sentences.filter(() => random() < 0.6);
    const others = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(pick(real).sentences) ?? '');
    const abstract = [`We introduce ${method}.`, ...own, ...others].filter(Boolean).join(' ');
    out.push({ title, abstract });
  }
  return out;
}
