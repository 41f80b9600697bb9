/**
 * The topic map: a 2-D layout of the papers by UMAP (umap-js; McInnes et al. 2018,
 * arXiv:1802.03426) over their BM25 term vectors.
 *
 * To stay fast the sparse vectors are first reduced by a seeded sparse random projection
 * (Achlioptas 2003, "Database-friendly random projections") to {@link PROJECTION_DIMS} dimensions.
 * At most {@link MAX_FIT} papers are laid out by UMAP; any others are placed next to their most
 * similar laid-out paper (from the related-papers neighbours), so the cost stays near-linear above
 * that size. Everything is seeded: the same input gives the same map.
 */
import { UMAP } from 'umap-js';
import type { SparseVector } from './related.ts';

/** Dimensions of the random projection fed to UMAP. */
export const PROJECTION_DIMS = 48;
/** Most papers laid out by UMAP itself. */
export const MAX_FIT = 3000;
/** Seed of every random choice of the map. */
export const MAP_SEED = 20240501;
/** UMAP neighbourhood size (umap-js default 15). */
export const N_NEIGHBORS = 15;

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

/** Hash of (term, dimension) → {-1, 0, +1} with probabilities 1/6, 2/3, 1/6 (Achlioptas). */
function projectionSign(term: number, dim: number): number {
  let h = Math.imul(term ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(dim + 0x632be5ab, 0xc2b2ae35) ^ MAP_SEED;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  const r = ((h ^ (h >>> 16)) >>> 0) % 6;
  return r === 0 ? 1 : r === 1 ? -1 : 0;
}

/**
 * Reduce sparse vectors to dense {@link PROJECTION_DIMS}-dimensional, L2-normalised vectors.
 * Cost: O(non-zeros × dims).
 */
export function randomProjection(vectors: readonly SparseVector[], dims = PROJECTION_DIMS): number[][] {
  return vectors.map((v) => {
    const out = new Array<number>(dims).fill(0);
    for (let j = 0; j < v.terms.length; j++) {
      const t = v.terms[j]!;
      const w = v.weights[j]!;
      for (let d = 0; d < dims; d++) {
        const s = projectionSign(t, d);
        if (s !== 0) out[d]! += s * w;
      }
    }
    const norm = Math.hypot(...out) || 1;
    return out.map((x) => x / norm);
  });
}

/**
 * Lay out papers in 2-D.
 * @param vectors - one sparse term vector per paper.
 * @param neighbours - per paper, indexes of its most similar papers (best first); used to place the
 *   papers beyond {@link MAX_FIT}.
 * @param maxFit - override of {@link MAX_FIT} (tests).
 * @returns one point per paper, coordinates scaled into [0, 1] (outermost 0.5% clamped to the edge)
 *   and rounded to 4 decimals.
 */
export function layoutMap(vectors: readonly SparseVector[], neighbours: readonly number[][], maxFit = MAX_FIT): MapPoint[] {
  const n = vectors.length;
  if (n === 0) return [];
  if (n < 4) return vectors.map((_, i) => ({ x: n === 1 ? 0.5 : i / (n - 1), y: 0.5 }));
  const random = mulberry32(MAP_SEED);
  // Evenly spaced sample (input order is by id, i.e. arbitrary with respect to content).
  const fitIdx = n <= maxFit ? [...Array(n).keys()] : Array.from({ length: maxFit }, (_, i) => Math.floor((i * n) / maxFit));
  const data = randomProjection(fitIdx.map((i) => vectors[i]!));
  const umap = new UMAP({ nComponents: 2, nNeighbors: Math.min(N_NEIGHBORS, fitIdx.length - 1), minDist: 0.1, random });
  const embedding = umap.fit(data);

  const raw: ([number, number] | undefined)[] = new Array(n);
  fitIdx.forEach((i, k) => (raw[i] = [embedding[k]![0]!, embedding[k]![1]!]));
  // Place the rest next to an already placed neighbour; repeat while that places more.
  const xs = embedding.map((e) => e[0]!);
  const ys = embedding.map((e) => e[1]!);
  const spread = 0.01 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (raw[i]) continue;
      const anchor = neighbours[i]?.find((j) => raw[j]);
      if (anchor === undefined) continue;
      const [ax, ay] = raw[anchor]!;
      raw[i] = [ax + (random() - 0.5) * spread, ay + (random() - 0.5) * spread];
      changed = true;
    }
  }
  const placed = raw.filter((p): p is [number, number] => !!p);
  const cx = placed.reduce((s, p) => s + p[0], 0) / placed.length;
  const cy = placed.reduce((s, p) => s + p[1], 0) / placed.length;
  const pts = raw.map((p) => p ?? [cx + (random() - 0.5) * spread, cy + (random() - 0.5) * spread]);

  const scale = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const lo = sorted[Math.floor(0.005 * (sorted.length - 1))]!;
    const hi = sorted[Math.ceil(0.995 * (sorted.length - 1))]!;
    const span = hi - lo || 1;
    return values.map((v) => Math.round(Math.min(1, Math.max(0, (v - lo) / span)) * 1e4) / 1e4);
  };
  const sx = scale(pts.map((p) => p[0]));
  const sy = scale(pts.map((p) => p[1]));
  return pts.map((_, i) => ({ x: sx[i]!, y: sy[i]! }));
}
