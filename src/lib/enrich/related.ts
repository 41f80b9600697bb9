/**
 * Related papers: BM25-weighted sparse term vectors (wink-nlp's `bm25-vectorizer`, L2-normalised)
 * and nearest neighbours by cosine similarity through an inverted index.
 *
 * Never builds an n×n matrix. Each paper is a query of its {@link QUERY_TERMS} heaviest terms;
 * only terms held by at most {@link MAX_DF_SHARE} of the papers are looked up (very common terms
 * carry almost no BM25 weight), and at most {@link MAX_POSTINGS_PER_QUERY} postings are scanned
 * per paper, so the work per paper is bounded and the whole search is linear in the papers.
 */
// The `.js` path is what Node's ESM resolver needs (the package has no exports map); see wink-utilities.d.ts.
import bm25Vectorizer from 'wink-nlp/utilities/bm25-vectorizer.js';
import { GENERIC_WORDS, its, type Term } from './nlp.ts';

/** A sparse vector: term ids ascending, with their weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** The term space of a corpus: one vector per document plus the vocabulary. */
export interface TermSpace {
  vectors: SparseVector[];
  /** Term id → stem. */
  vocab: string[];
  /** Term id → number of documents holding it. */
  df: Int32Array;
}

/**
 * BM25 parameters: k1 = 1.2 and b = 0.75 are the usual defaults (Robertson & Zaragoza 2009,
 * "The Probabilistic Relevance Framework: BM25 and Beyond"); `k = 1` keeps idf positive.
 */
export const BM25_CONFIG = { k: 1, k1: 1.2, b: 0.75, norm: 'l2' } as const;
/** Heaviest terms of a paper used as its query. */
export const QUERY_TERMS = 40;
/**
 * Terms in more than this share of papers are not looked up (they barely move the score). Tuned on
 * the real seeds: at 8% domain words such as "trajectory" and "offline" were cut and related lists
 * drifted to incidental words; 25% keeps them while the work stays near-linear (bench:discovery).
 */
export const MAX_DF_SHARE = 0.25;
/** Posting lists shorter than this are always looked up, whatever the share (small corpora). */
export const MIN_DF_CAP = 40;
/**
 * Most postings scanned per paper. Query terms are taken heaviest first; a term whose posting list
 * would overrun the budget is skipped. This bounds the work per paper by a constant, so the whole
 * search is linear in the number of papers (the real seeds never reach it: 40 terms × ≤ 134).
 * 8,000 rather than 20,000: on the 50k synthetic corpus the search took 14.7 s at 20,000 and 8.1 s
 * at 8,000 (10k: 1.5 s and 1.3 s); the skipped lists are the commonest looked-up terms, which
 * carry the least BM25 weight.
 */
export const MAX_POSTINGS_PER_QUERY = 8_000;

/**
 * The words of a paper that count for similarity: stems of tokens of at least two letters that are
 * neither stop words, {@link GENERIC_WORDS} nor pure numbers; the title's are repeated, so the title weighs double.
 * @param title - tokens of the title ({@link terms}).
 * @param abstract - tokens of the abstract.
 * @returns stems, in order.
 */
export function contentStems(title: Term[], abstract: Term[]): string[] {
  const keep = (t: Term) => !t.stop && t.stem.length > 1 && !/^\d+$/.test(t.stem) && !GENERIC_WORDS.has(t.word) && !t.word.startsWith("'");
  const titleStems = title.filter(keep).map((t) => t.stem);
  return [...titleStems, ...titleStems, ...abstract.filter(keep).map((t) => t.stem)];
}

/**
 * Builds a BM25 term space one document at a time, so callers need not keep every document's
 * tokens in memory (at 50,000 papers the token objects alone would exceed Node's default heap).
 * Weighting is wink-nlp's `bm25-vectorizer` ({@link BM25_CONFIG}).
 */
export class Bm25SpaceBuilder {
  private readonly vectorizer = bm25Vectorizer({ ...BM25_CONFIG });
  private readonly ids = new Map<string, number>();
  private readonly vocab: string[] = [];
  private count = 0;

  /** Add the next document as its stems ({@link contentStems}). */
  add(stems: string[]): void {
    // An empty document would leave wink's vectorizer without a length; give it a placeholder.
    this.vectorizer.learn(stems.length > 0 ? stems : ['\u0000']);
    for (const s of stems) if (!this.ids.has(s)) { this.ids.set(s, this.vocab.length); this.vocab.push(s); }
    this.count++;
  }

  /** The weighted vectors of every added document, in order; call once. */
  build(): TermSpace {
    const df = new Int32Array(this.vocab.length);
    const vectors: SparseVector[] = [];
    for (let i = 0; i < this.count; i++) {
      const bow = this.vectorizer.doc(i).out(its.bow) as Record<string, number>;
      const entries: [number, number][] = [];
      for (const s in bow) {
        const id = this.ids.get(s);
        if (id !== undefined) entries.push([id, bow[s]!]);
      }
      entries.sort((a, b) => a[0] - b[0]);
      for (const [t] of entries) df[t]!++;
      vectors.push({ terms: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1]) });
    }
    return { vectors, vocab: this.vocab, df };
  }
}

/**
 * Weight documents with BM25 into sparse vectors (see {@link Bm25SpaceBuilder}).
 * @param docs - each document as its stems ({@link contentStems}).
 * @returns vectors (same order as `docs`), vocabulary and document frequencies.
 */
export function bm25Space(docs: string[][]): TermSpace {
  const builder = new Bm25SpaceBuilder();
  for (const d of docs) builder.add(d);
  return builder.build();
}

/** One related document. */
export interface Neighbour {
  /** Index of the related document. */
  index: number;
  /** Cosine similarity over the looked-up terms, 0–1. */
  score: number;
  /** Term ids that contribute most to the similarity, heaviest first. */
  why: number[];
}

/** Options of {@link nearestNeighbours}. */
export interface NeighbourOptions {
  /** Neighbours per document; default 5. */
  k?: number;
  /** "Why" terms per neighbour; default 3. */
  whyTerms?: number;
  /** Only the first this many neighbours get "why" terms (the rest get `[]`); default all. */
  whyFor?: number;
}

/**
 * The `k` most similar documents of every document, through an inverted index over the term space.
 * Ties are broken by lower index, so the result is deterministic.
 * @returns per document, up to `k` neighbours, most similar first (fewer when fewer documents share
 *   any looked-up term with it).
 */
export function nearestNeighbours(space: TermSpace, options: NeighbourOptions = {}): Neighbour[][] {
  const k = options.k ?? 5;
  const whyTerms = options.whyTerms ?? 3;
  const whyFor = options.whyFor ?? k;
  const { vectors, df } = space;
  const n = vectors.length;
  const dfCap = Math.max(MIN_DF_CAP, Math.floor(MAX_DF_SHARE * n));

  // Inverted index in compressed-sparse-row form: postings of term t at [start[t], start[t+1]).
  const start = new Int32Array(df.length + 1);
  for (let t = 0; t < df.length; t++) start[t + 1] = start[t]! + (df[t]! <= dfCap ? df[t]! : 0);
  const postDoc = new Int32Array(start[df.length]!);
  const postWeight = new Float64Array(start[df.length]!);
  const fill = start.slice(0, df.length);
  vectors.forEach((v, d) => {
    for (let j = 0; j < v.terms.length; j++) {
      const t = v.terms[j]!;
      if (df[t]! > dfCap) continue;
      const at = fill[t]!++;
      postDoc[at] = d;
      postWeight[at] = v.weights[j]!;
    }
  });

  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const result: Neighbour[][] = [];
  for (let d = 0; d < n; d++) {
    const v = vectors[d]!;
    const order = Array.from(v.terms.keys())
      .filter((j) => df[v.terms[j]!]! > 1 && df[v.terms[j]!]! <= dfCap)
      .sort((a, b) => v.weights[b]! - v.weights[a]! || a - b)
      .slice(0, QUERY_TERMS);
    let nTouched = 0;
    let budget = MAX_POSTINGS_PER_QUERY;
    for (const j of order) {
      const t = v.terms[j]!;
      const w = v.weights[j]!;
      const length = start[t + 1]! - start[t]!;
      if (length > budget) continue;
      budget -= length;
      for (let p = start[t]!; p < start[t + 1]!; p++) {
        const other = postDoc[p]!;
        if (other === d) continue;
        if (acc[other] === 0) touched[nTouched++] = other;
        acc[other]! += w * postWeight[p]!;
      }
    }
    // Keep the k best in a small sorted list (k is tiny, so insertion is cheapest).
    const best: { index: number; score: number }[] = [];
    for (let i = 0; i < nTouched; i++) {
      const other = touched[i]!;
      const score = acc[other]!;
      acc[other] = 0;
      if (best.length === k && !(score > best[k - 1]!.score || (score === best[k - 1]!.score && other < best[k - 1]!.index))) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.index > other))) at--;
      best.splice(at, 0, { index: other, score });
      if (best.length > k) best.pop();
    }
    result.push(best.map((b, rank) => ({ index: b.index, score: Math.min(1, b.score), why: rank < whyFor ? sharedTerms(v, vectors[b.index]!, whyTerms) : [] })));
  }
  return result;
}

/**
 * The terms two sparse vectors share, by contribution to their dot product.
 * @returns up to `limit` term ids, heaviest contribution first (ties: lower id).
 */
export function sharedTerms(a: SparseVector, b: SparseVector, limit: number): number[] {
  const shared: { t: number; c: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!;
    const tb = b.terms[j]!;
    if (ta === tb) {
      shared.push({ t: ta, c: a.weights[i]! * b.weights[j]! });
      i++;
      j++;
    } else if (ta < tb) i++;
    else j++;
  }
  return shared.sort((x, y) => y.c - x.c || x.t - y.t).slice(0, limit).map((s) => s.t);
}

/**
 * How to show each stem: its most frequent written form in the corpus (ties: the first seen),
 * e.g. stem "polici" → "policy". Fed one document at a time; memory is bounded by the vocabulary.
 */
export class StemDisplayForms {
  private readonly counts = new Map<string, Map<string, number>>();

  /** Count the written forms of a document's tokens. */
  add(doc: readonly Term[]): void {
    for (const t of doc) {
      let m = this.counts.get(t.stem);
      if (!m) this.counts.set(t.stem, (m = new Map()));
      m.set(t.text, (m.get(t.text) ?? 0) + 1);
    }
  }

  /** The display form of a stem, or the stem itself when it was never seen. */
  get(stem: string): string {
    const m = this.counts.get(stem);
    if (!m) return stem;
    let best = stem;
    let bestCount = 0;
    for (const [w, c] of m) if (c > bestCount) { best = w; bestCount = c; }
    return best;
  }
}
