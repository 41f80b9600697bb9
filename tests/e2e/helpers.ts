import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** One entry of dist/data/papers.json. */
export interface OutputPaper {
  id: string;
  slug: string;
  url: string;
  title: string;
  titleSource: 'seed' | 'derived';
  abstract: string;
  topics: string[];
  sources: { file: string; line: number }[];
  truncated: boolean;
  /** Maintainer override fields (seeds/overrides.yaml). */
  paperUrl?: string;
  links?: { label: string; url: string }[];
  note?: string;
  keyphrases: string[];
  /** Ids of the most similar papers, best first. */
  related: string[];
  /** Collection slugs. */
  collections: string[];
}

/** The built site's papers.json (tests run after `astro build`). */
export function builtPapers(): OutputPaper[] {
  return JSON.parse(readFileSync('dist/data/papers.json', 'utf8')) as OutputPaper[];
}

/** Fail the test on any console error or uncaught page error. */
export function failOnConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

export async function expectNoErrors(errors: string[]): Promise<void> {
  expect(errors, `console errors: ${errors.join('\n')}`).toEqual([]);
}

/** One entry of dist/data/collections.json. */
export interface OutputCollection {
  slug: string;
  file: string;
  name: string;
  count: number;
}

/** The built site's collections.json: one collection per seed file. */
export function builtCollections(): OutputCollection[] {
  return JSON.parse(readFileSync('dist/data/collections.json', 'utf8')) as OutputCollection[];
}

/** The collection name a seed file is shown under (facets, result cards). */
export function collectionNameOf(file: string): string {
  const found = builtCollections().find((c) => c.file === file);
  if (!found) throw new Error(`no collection for seed file ${file}`);
  return found.name;
}
