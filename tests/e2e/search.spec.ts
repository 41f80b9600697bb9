import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtPapers, expectNoErrors, failOnConsoleErrors } from './helpers.ts';

/**
 * Words (≥ 8 letters) that occur in exactly one paper's abstract and in no title, and whose first
 * 5 letters occur in no other paper either (the search stems words: "substantiate" would also
 * find every "substantial").
 */
function wordsInExactlyOneAbstract(): { word: string; url: string; title: string }[] {
  const papers = builtPapers();
  const owners = new Map<string, Set<number>>();
  const prefixOwners = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, key: string, i: number) => map.set(key, (map.get(key) ?? new Set<number>()).add(i));
  papers.forEach((p, i) => {
    for (const w of `${p.title} ${p.abstract}`.toLowerCase().match(/\b[a-z]{8,}\b/g) ?? []) add(owners, w, i);
    for (const w of `${p.title} ${p.abstract}`.toLowerCase().match(/\b[a-z]{5,}/g) ?? []) add(prefixOwners, w.slice(0, 5), i);
  });
  const out: { word: string; url: string; title: string }[] = [];
  for (const [word, set] of owners) {
    if (set.size !== 1 || prefixOwners.get(word.slice(0, 5))!.size !== 1) continue;
    const p = papers[[...set][0]!]!;
    if (p.title.toLowerCase().includes(word)) continue;
    out.push({ word, url: p.url, title: p.title });
  }
  return out.sort((a, b) => a.word.localeCompare(b.word));
}

test('searching a word that occurs in exactly one abstract finds that paper', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  const dextrose = builtPapers().filter((p) => p.abstract.toLowerCase().includes('dextrose'));
  expect(dextrose).toHaveLength(1);
  await page.goto('/search/');
  const input = page.locator('#search-page pagefind-input input');
  await input.fill('dextrose');
  const results = page.locator('#search-page pagefind-results a[href*="/papers/"]');
  await expect(results.first()).toBeVisible();
  // Poll: the results list may re-render once more after the first card shows.
  await expect.poll(() => results.evaluateAll((as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))])).toEqual([dextrose[0]!.url]);
  await expectNoErrors(errors);
});

test('more single-abstract words each find their own paper via the Pagefind API', async ({ page }) => {
  const cases = wordsInExactlyOneAbstract();
  expect(cases.length).toBeGreaterThan(100);
  const sample = cases.filter((_, i) => i % Math.floor(cases.length / 8) === 0).slice(0, 8);
  await page.goto('/search/');
  const found = await page.evaluate(async (words) => {
    const pagefind = await import('/pagefind/pagefind.js' as string);
    const out: string[][] = [];
    for (const w of words) {
      const r = await pagefind.search(w);
      const data = await Promise.all(r.results.slice(0, 5).map((x: { data: () => Promise<{ url: string }> }) => x.data()));
      out.push(data.map((d: { url: string }) => d.url));
    }
    return out;
  }, sample.map((c) => c.word));
  sample.forEach((c, i) => expect(found[i], `query "${c.word}"`).toContain(c.url));
});

test('the index holds exactly the paper pages, with topic filters', async ({ page }) => {
  const entry = JSON.parse(readFileSync('dist/pagefind/pagefind-entry.json', 'utf8')) as { languages: Record<string, { page_count: number }> };
  expect(entry.languages.en?.page_count).toBe(builtPapers().length);
  await page.goto('/search/');
  const filters = await page.evaluate(async () => {
    const pagefind = await import('/pagefind/pagefind.js' as string);
    return (await pagefind.filters()) as Record<string, Record<string, number>>;
  });
  expect(Object.keys(filters.topic ?? {}).length).toBeGreaterThanOrEqual(8);
  expect(filters.topic?.['Robotics and manipulation']).toBeGreaterThan(0);
});
