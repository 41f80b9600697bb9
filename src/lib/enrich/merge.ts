/**
 * Merging of seed records into papers: records whose normalised abstract is identical are one
 * paper, whatever file or line they came from.
 */
import { createHash } from 'node:crypto';
import type { SeedRecord, SourceRef } from '../ingest/parse.ts';

/**
 * The key under which abstracts are compared: NFC, lower case, whitespace collapsed, trimmed.
 * @param abstract - abstract text as ingested.
 */
export function normaliseAbstract(abstract: string): string {
  return abstract.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A stable paper id: the first 12 hex digits (48 bits) of the SHA-256 of the normalised abstract,
 * so it survives re-ordering, re-titling and moves between seed files.
 */
export function paperId(abstract: string): string {
  return createHash('sha256').update(normaliseAbstract(abstract)).digest('hex').slice(0, 12);
}

/** Records that share one normalised abstract. */
export interface MergedRecord {
  id: string;
  /** The abstract text of the first record seen (file-name order, then line order). */
  abstract: string;
  /** The first title any source gives, if any does. */
  title?: string;
  sources: SourceRef[];
  truncated: boolean;
}

/**
 * Merge records with identical normalised abstracts.
 * @param records - records in file-name then line order.
 * @returns one entry per distinct abstract, in order of first appearance; `sources` lists every
 *   record's provenance in input order.
 */
export function mergeRecords(records: readonly SeedRecord[]): MergedRecord[] {
  const byId = new Map<string, MergedRecord>();
  for (const r of records) {
    const id = paperId(r.abstract);
    const seen = byId.get(id);
    if (seen) {
      seen.sources.push(r.source);
      if (seen.title === undefined && r.title !== undefined) seen.title = r.title;
      seen.truncated &&= r.truncated;
    } else {
      byId.set(id, {
        id,
        abstract: r.abstract,
        ...(r.title !== undefined ? { title: r.title } : {}),
        sources: [r.source],
        truncated: r.truncated,
      });
    }
  }
  return [...byId.values()];
}
