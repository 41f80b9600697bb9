/**
 * The topic map: a 2-D layout of the papers by UMAP (umap-js; McInnes et al. 2018,
 * arXiv:1802.03426) over their BM25 term vectors with cosine distance.
 *
 * UMAP needs each paper's nearest neighbours; we hand it the exact cosine neighbours the related-
 * papers index already found (`setPrecomputedKNN`), so there is no dense distance computation and
 * no random-projection noise, and the cost is the optimisation: O(n × k × epochs).
 *
 * Above {@link MAX_FIT} papers, UMAP lays out an evenly spaced sample of MAX_FIT papers (with
 * neighbours searched within the sample), and every other paper is placed next to its most
 * similar placed paper, with a little seeded jitter. That keeps the map's cost bounded by a
 * constant plus a linear pass. Everything is seeded: the same input gives the same map.
 */
import { UMAP } from 'umap-js';
import { nearestNeighbours, type TermSpace } from './related.ts';

/** Most papers laid out by UMAP itself; the rest are placed by their neighbours. */
export const MAX_FIT = 3000;
/** UMAP epochs (umap-js's own default below 10k points is 500; 200 looks the same here). */
export const EPOCHS = 200;
/** Seed of every random choice of the map. */
export const MAP_SEED = 20240501;
/** UMAP neighbourhood size: neighbours per paper passed in (UMAP's default is 15). */
export const MAP_NEIGHBOURS = 15;

/** A position on the map; both coordinates in [0, 1]. */
export interface MapPoint {
  x: number;
  y: number;
}

/** Mulberry32: a small seeded PRNG returning floats in [0, 1) (public-domain, Tommy Ettinger). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Neighbours = readonly (readonly { index: number; score: number }[])[];

/**
 * Lay out papers in 2-D.
 * @param neighbours - per paper, its most similar papers (best first) as `{ index, score }` with
 *   cosine similarity `score` in [0, 1]; ideally {@link MAP_NEIGHBOURS} each.
 * @param space - the papers' term space; needed only above `maxFit` papers, to search neighbours
 *   within the sample.
 * @param maxFit - override of {@link MAX_FIT} (tests).
 * @returns one point per paper, coordinates scaled into [0, 1] (the outermost 0.5% clamped to the
 *   edge, aspect ratio kept) and rounded to 4 decimals.
 */
export function layoutMap(neighbours: Neighbours, space?: TermSpace, maxFit = MAX_FIT): MapPoint[] {
  const n = neighbours.length;
  if (n === 0) return [];
  if (n < 4) return neighbours.map((_, i) => ({ x: n === 1 ? 0.5 : i / (n - 1), y: 0.5 }));
  const random = mulberry32(MAP_SEED);
  if (n <= maxFit || !space) return scaleToUnit(umapLayout(neighbours, random));

  const sample = Array.from({ length: maxFit }, (_, i) => Math.floor((i * n) / maxFit));
  const df = new Int32Array(space.df.length);
  const vectors = sample.map((i) => space.vectors[i]!);
  for (const v of vectors) for (const t of v.terms) df[t]!++;
  const sampleNeighbours = nearestNeighbours({ vectors, vocab: space.vocab, df }, { k: MAP_NEIGHBOURS, whyFor: 0 });
  const fitted = umapLayout(sampleNeighbours, random);
  const raw: ([number, number] | undefined)[] = new Array(n);
  sample.forEach((i, k) => (raw[i] = fitted[k]));
  const xs = fitted.map((p) => p[0]);
  const ys = fitted.map((p) => p[1]);
  const jitter = 0.01 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  // Place each remaining paper next to its most similar placed paper; repeat while that places more.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (raw[i]) continue;
      const anchor = neighbours[i]!.find((nb) => raw[nb.index]);
      if (!anchor) continue;
      const [ax, ay] = raw[anchor.index]!;
      raw[i] = [ax + (random() - 0.5) * jitter, ay + (random() - 0.5) * jitter];
      changed = true;
    }
  }
  // Papers sharing no looked-up word with any placed paper go to the middle.
  const cx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const cy = ys.reduce((a, b) => a + b, 0) / ys.length;
  return scaleToUnit(raw.map((p) => p ?? [cx + (random() - 0.5) * jitter, cy + (random() - 0.5) * jitter]));
}

/** UMAP over a precomputed kNN graph; raw embedding coordinates. */
function umapLayout(neighbours: Neighbours, random: () => number): [number, number][] {
  const n = neighbours.length;
  const k = Math.min(MAP_NEIGHBOURS, n - 1);
  // kNN rows: the paper itself first at distance 0 (as UMAP's own search returns it), then its
  // neighbours at cosine distance; rows with fewer neighbours are padded with -1 (UMAP skips those).
  const knnIndices: number[][] = [];
  const knnDistances: number[][] = [];
  neighbours.forEach((ns, i) => {
    const idx = [i, ...ns.slice(0, k - 1).map((x) => x.index)];
    const dist = [0, ...ns.slice(0, k - 1).map((x) => Math.max(0, 1 - x.score))];
    while (idx.length < k) { idx.push(-1); dist.push(Infinity); }
    knnIndices.push(idx);
    knnDistances.push(dist);
  });
  const umap = new UMAP({ nComponents: 2, nNeighbors: k, minDist: 0.1, random, nEpochs: EPOCHS });
  umap.setPrecomputedKNN(knnIndices, knnDistances);
  // The data itself is not read once neighbours are given; UMAP only needs its length.
  return umap.fit(neighbours.map((_, i) => [i])).map((e) => [e[0]!, e[1]!]);
}

/** Scale raw points into [0, 1]², keeping the aspect ratio; the outermost 0.5% are clamped. */
function scaleToUnit(points: readonly [number, number][]): MapPoint[] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const range = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return [sorted[Math.floor(0.005 * (sorted.length - 1))]!, sorted[Math.ceil(0.995 * (sorted.length - 1))]!] as const;
  };
  const [x0, x1] = range(xs);
  const [y0, y1] = range(ys);
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  // Centre the shorter axis so the picture keeps its proportions.
  const ox = (span - (x1 - x0)) / 2;
  const oy = (span - (y1 - y0)) / 2;
  const fit = (v: number, lo: number, off: number) => Math.round(Math.min(1, Math.max(0, (v - lo + off) / span)) * 1e4) / 1e4;
  return xs.map((x, i) => ({ x: fit(x, x0, ox), y: fit(ys[i]!, y0, oy) }));
}
