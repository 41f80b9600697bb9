/**
 * Deterministic synthetic corpus for the scale benchmark: N papers whose titles and abstracts are
 * recombined from the real seeds' sentences and vocabulary, written as Hugging Face Papers-style
 * seed files (plus `topics.yaml`), and the same papers as Markdown files for the baseline site.
 *
 * Shape rules (from the real seeds): an abstract has as many sentences as a randomly chosen real
 * abstract, each sentence is a real sentence with ~60 % of its content words (≥ 4 letters, not
 * function words) swapped for vocabulary words of the same length class; a title is a real title
 * with ~70 % of its content words swapped. 12 % of abstracts get an inline TeX fragment, 10 % a
 * code URL. Same seed → same bytes.
 */
import { mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { buildCatalog } from '../src/lib/enrich/catalog.ts';
import { mulberry32 } from '../src/lib/enrich/map.ts';


/** Words kept as they are, so sentences keep their grammatical shape. */
const FUNCTION_WORDS = new Set(
  'that this these those with from into over under which while where when than then also such both each more most many much have been were their there they them only very well between across about after before through without within however thus hence show shows shown propose proposed present presents paper approach method methods results work using used based'.split(' '),
);

const TEX = ['$O(n \\log n)$', '$\\alpha$', '$\\mathcal{L}_{\\mathrm{KL}}$', '$10^{-3}$', '$\\epsilon$-greedy', '$k$-nearest', '$\\ell_2$', '$\\sqrt{d}$', '$p(x \\mid z)$', '$\\gamma = 0.99$'];

export interface SyntheticPaper {
  title: string;
  abstract: string;
}

/**
 * Generate N papers.
 * @param n - number of papers.
 * @param seed - PRNG seed.
 * @param seedsDir - the real seeds to learn shapes and vocabulary from.
 */
export function generatePapers(n: number, seed = 42, seedsDir = 'seeds'): SyntheticPaper[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const real = buildCatalog({ seedsDir, strict: false }).papers;
  const titles = real.filter((p) => p.titleSource === 'seed').map((p) => p.title);
  const sentencesOf = (a: string) => a.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.length > 20);
  const shapes = real.map((p) => sentencesOf(p.abstract).length).filter((k) => k > 1);
  const sentences = real.flatMap((p) => sentencesOf(p.abstract)).filter((s) => /[.!?]$/.test(s));
  // Vocabulary by length class (4–5, 6–7, 8–9, 10+ letters), lower-case, from titles and abstracts.
  const vocab: string[][] = [[], [], [], []];
  const seen = new Set<string>();
  const cls = (w: string) => (w.length < 6 ? 0 : w.length < 8 ? 1 : w.length < 10 ? 2 : 3);
  for (const p of real)
    for (const w of `${p.title} ${p.abstract}`.match(/\b[a-z]{4,}\b/g) ?? [])
      if (!seen.has(w) && !FUNCTION_WORDS.has(w)) (seen.add(w), vocab[cls(w)]!.push(w));
  vocab.forEach((v) => v.sort());

  const swap = (text: string, p: number) =>
    text.replace(/\b[A-Za-z][a-z]{3,}\b/g, (w) => {
      if (FUNCTION_WORDS.has(w.toLowerCase()) || rand() >= p) return w;
      const r = pick(vocab[cls(w)]!);
      return w[0] === w[0]!.toUpperCase() ? r[0]!.toUpperCase() + r.slice(1) : r;
    });

  const out: SyntheticPaper[] = [];
  for (let i = 0; i < n; i++) {
    let title = swap(pick(titles), 0.7);
    if (title.length >= 150) title = title.slice(0, 140).replace(/\s+\S*$/, '');
    const k = pick(shapes);
    const parts: string[] = [];
    for (let j = 0; j < k; j++) parts.push(swap(pick(sentences), 0.6));
    if (rand() < 0.12) {
      const at = Math.floor(rand() * parts.length);
      parts[at] = parts[at]!.replace(/\.$/, ` with ${pick(TEX)}.`);
    }
    if (rand() < 0.1) parts.push(`Code is available at https://github.com/${pick(vocab[1]!)}-${pick(vocab[0]!)}/${pick(vocab[2]!)}.`);
    let abstract = parts.join(' ');
    while (abstract.length < 400) abstract += ` ${swap(pick(sentences), 0.6)}`;
    out.push({ title, abstract });
  }
  return out;
}

const HEADER = ['Get trending papers in your email inbox!', '', 'Subscribe', '', 'Daily Papers', '', 'by AK and the research community', ''];

/**
 * Write papers as a seeds directory: Hugging Face-style seed files of 1,000 papers each
 * (`synthetic_000.txt` …) plus a copy of the real `topics.yaml`.
 * @param dir - created if missing.
 */
export function writeSeeds(papers: readonly SyntheticPaper[], dir: string, topicsPath = 'seeds/topics.yaml'): void {
  mkdirSync(dir, { recursive: true });
  copyFileSync(topicsPath, join(dir, 'topics.yaml'));
  for (let f = 0; f * 1000 < papers.length; f++) {
    const chunk = papers.slice(f * 1000, (f + 1) * 1000);
    const lines = [...HEADER, ...chunk.flatMap((p) => [p.title, p.abstract, ''])];
    writeFileSync(join(dir, `synthetic_${String(f).padStart(3, '0')}.txt`), lines.join('\n'));
  }
}

/**
 * Write papers as seed files ({@link writeSeeds}, in `<dir>/seeds`) and as Markdown
 * (`<dir>/md/00000.md` …, YAML front matter `title`) for the baseline.
 * @returns the seeds directory and the Markdown directory.
 */
export function writeCorpus(papers: readonly SyntheticPaper[], dir: string, topicsPath = 'seeds/topics.yaml'): { seeds: string; markdown: string } {
  const seeds = join(dir, 'seeds');
  const markdown = join(dir, 'md');
  writeSeeds(papers, seeds, topicsPath);
  writeMarkdown(papers, markdown);
  return { seeds, markdown };
}

/** Write papers as Markdown files with a YAML `title` front matter, one per paper. */
export function writeMarkdown(papers: readonly SyntheticPaper[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  papers.forEach((p, i) => writeFileSync(join(dir, `${String(i).padStart(5, '0')}.md`), `---\n${stringify({ title: p.title }).trim()}\n---\n\n${p.abstract}\n`));
}
