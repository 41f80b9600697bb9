import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanHtml, walkFiles, type HtmlFacts } from '../../src/lib/quality/html.ts';

/** The three builds `npm run test:builds` makes. */
export const DIST = 'dist';
export const DIST_SUB = 'dist-sub';
export const DIST_REPRO = 'dist-repro';
/** The base the sub-path build uses (package.json `test:builds`). */
export const SUB_BASE = '/lectern/';

/** Fail with a helpful message when a build is missing. */
export function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/ has no index.html: run \`npm run test:builds\` first`);
}

const cache = new Map<string, { file: string; facts: HtmlFacts }[]>();

/** Every HTML page of a build with its scanned facts (cached per directory). */
export function htmlPages(dir: string): { file: string; facts: HtmlFacts }[] {
  let pages = cache.get(dir);
  if (!pages) {
    requireBuild(dir);
    pages = walkFiles(dir)
      .filter((f) => f.endsWith('.html'))
      .map((file) => ({ file, facts: scanHtml(readFileSync(join(dir, file), 'utf8')) }));
    cache.set(dir, pages);
  }
  return pages;
}

/**
 * Group failures so a message shows a few examples of each kind rather than thousands of lines.
 * @returns lines `message (N×), e.g. file, file`.
 */
export function summarise(failures: { key: string; where: string }[], examples = 3): string[] {
  const by = new Map<string, string[]>();
  for (const f of failures) by.set(f.key, [...(by.get(f.key) ?? []), f.where]);
  return [...by].map(([key, where]) => `${key} (${where.length}×), e.g. ${where.slice(0, examples).join(', ')}`);
}
