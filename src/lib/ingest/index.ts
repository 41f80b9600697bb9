/**
 * Ingest: read every `*.txt` seed file of a directory and parse it.
 * The only module of `src/lib/ingest/` that touches the file system.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSeed, SeedDecodeError } from './text.ts';
import { parseSeed, type ParsedSource } from './parse.ts';

export * from './parse.ts';
export { decodeSeed, SeedDecodeError, normaliseLine, splitLines } from './text.ts';

/** A seed file that could not be read as text; it is skipped. */
export interface SkippedSource {
  file: string;
  message: string;
}

/** Everything ingest found in a seeds directory. */
export interface IngestResult {
  sources: ParsedSource[];
  skipped: SkippedSource[];
}

/**
 * List the seed files of a directory: every `*.txt`, sorted by name (byte order) so that output
 * does not depend on the file system's listing order.
 * @throws Error when the directory does not exist or cannot be read.
 */
export function listSeedFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/**
 * Read and parse every seed file in `dir`.
 *
 * @param dir - path of the seeds directory.
 * @returns parsed sources in file-name order, and the files skipped because they cannot be read,
 *   are empty, binary or not valid UTF-8 (with a message naming the file and, where it applies,
 *   the byte offset).
 */
export function ingestDirectory(dir: string): IngestResult {
  const sources: ParsedSource[] = [];
  const skipped: SkippedSource[] = [];
  for (const file of listSeedFiles(dir)) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(dir, file));
    } catch (err) {
      // e.g. EISDIR (a directory named *.txt) or EACCES: name the file and go on.
      skipped.push({ file, message: `${file}: cannot be read (${(err as { code?: string }).code ?? (err as Error).message}); file skipped` });
      continue;
    }
    let text: string;
    try {
      text = decodeSeed(bytes);
    } catch (err) {
      if (!(err instanceof SeedDecodeError)) throw err;
      skipped.push({ file, message: `${file}: ${err.message}; file skipped` });
      continue;
    }
    sources.push(parseSeed(file, text));
  }
  return { sources, skipped };
}
