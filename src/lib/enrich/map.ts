/**
 * The topic map: a 2-D layout of the papers by UMAP (umap-js; McInnes et al. 2018,
 * arXiv:1802.03426) over their BM25 term vectors with cosine distance.
 *
 * UMAP needs each paper's nearest neighbours; we hand it the exact cosine neighbours the related-
 * papers index already found (`setPrecomputedKNN`), so there is no dense distance computation and
 * no random-projection noise, and the cost is the optimisation: O(n × k × epochs). Above
 * {@link MAX_FIT} papers, the epochs drop to {@link LARGE_EPOCHS} to keep that bounded.
 * Everything is seeded: the same input gives the same map.
 */
import { UMAP } from 'umap-js';

/** Papers above which UMAP runs fewer epochs. */
export const MAX_FIT = 5000;
/** Epochs for small inputs (umap-js's own default below 10k points is 500; 200 looks the same here). */
export const SMALL_EPOCHS = 200;
/** Epochs for inputs above {@link MAX_FIT}. */
export const LARGE_EPOCHS = 60;
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

/**
 * Lay out papers in 2-D.
 * @param neighbours - per paper, its most similar papers (best first) as `{ index, score }` with
 *   cosine similarity `score` in [0, 1]; ideally {@link MAP_NEIGHBOURS} each.
 * @returns one point per paper, coordinates scaled into [0, 1] (the outermost 0.5% clamped to the
 *   edge, aspect ratio kept) and rounded to 4 decimals.
 */
export function layoutMap(neighbours: readonly { index: number; score: number }[][]): MapPoint[] {
  const n = neighbours.length;
  if (n === 0) return [];
  if (n < 4) return neighbours.map((_, i) => ({ x: n === 1 ? 0.5 : i / (n - 1), y: 0.5 }));
  const k = Math.min(MAP_NEIGHBOURS, n - 1);
  const random = mulberry32(MAP_SEED);
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
  const umap = new UMAP({ nComponents: 2, nNeighbors: k, minDist: 0.1, random, nEpochs: n > MAX_FIT ? LARGE_EPOCHS : SMALL_EPOCHS });
  umap.setPrecomputedKNN(knnIndices, knnDistances);
  // The data itself is not read once neighbours are given; UMAP only needs its length.
  const embedding = umap.fit(neighbours.map((_, i) => [i]));

  const xs = embedding.map((e) => e[0]!);
  const ys = embedding.map((e) => e[1]!);
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
