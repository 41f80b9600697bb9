import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { reportOutputSchema } from '../../src/lib/schema.ts';
import { builtPapers, expectNoErrors, failOnConsoleErrors } from './helpers.ts';

const report = () => reportOutputSchema.parse(JSON.parse(readFileSync('dist/data/report.json', 'utf8')));

test('report.json accounts for every line of every seed file', () => {
  const r = report();
  expect(r.sources).toHaveLength(5);
  for (const s of r.sources) {
    expect(s.paperLines + s.boilerplateLines + s.blankLines + s.warnings.length, s.file).toBe(s.lines);
    expect(s.papers + s.duplicates, s.file).toBe(s.records);
  }
  expect(r.sources.reduce((n, s) => n + s.papers, 0)).toBe(r.papers);
});

test('the Stats page shows the ingest report per seed file, reachable from the nav', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
  await expect(page).toHaveURL(/\/stats\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stats');
  await expect(page.getByRole('link', { name: 'Stats' })).toHaveAttribute('aria-current', 'page');

  const table = page.getByRole('table');
  const headers = await table.locator('thead th').allTextContents();
  expect(headers).toEqual(['Source (format)', 'Lines', 'Records', 'Papers', 'Duplicates', 'Boilerplate', 'Blank', 'Warnings', 'Derived titles', 'Truncated']);
  const r = report();
  const bodyRows = table.locator('tbody tr');
  await expect(bodyRows).toHaveCount(r.sources.length);
  const row004 = bodyRows.filter({ hasText: '004_649ac29b1eae8f07.txt' });
  await expect(row004.getByTestId('source-format')).toHaveText('huggingface');
  await expect(row004.locator('td')).toHaveText(['313', '76', '74', '2', '5', '156', '0', '0', '1']);
  await expect(bodyRows.filter({ hasText: '002_' }).getByTestId('source-format')).toHaveText('arxiv · UC Berkeley');
  const total = table.locator('tfoot tr');
  await expect(total.locator('th')).toHaveText('Total');
  await expect(total.locator('td')).toHaveText(['1,248', '551', '536', '15', '10', '156', '0', '18', '3']);
  await expect(page.getByTestId('stats-summary')).toContainText('551 abstracts read from 5 seed files became 536 papers: 15 duplicates merged');
  await expect(page.getByRole('region', { name: 'Warnings' })).toContainText('No warnings');
  const derived = builtPapers().filter((p) => p.titleSource === 'derived');
  const derivedLinks = page.getByRole('region', { name: 'Titles derived from the abstract' }).getByRole('link');
  await expect(derivedLinks).toHaveCount(derived.length);
  expect((await derivedLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort()).toEqual(derived.map((p) => p.url).sort());
  await expectNoErrors(errors);
});

test('every abstract flagged as cut off says so on its page, and the Stats page links them', async ({ page }) => {
  const flagged = builtPapers().filter((p) => p.truncated);
  expect(flagged.length).toBe(3);
  await page.goto('/stats/');
  const list = page.getByRole('region', { name: 'Abstracts that look cut off' }).getByRole('link');
  await expect(list).toHaveCount(3);
  for (const p of flagged) {
    await page.goto(p.url);
    await expect(page.getByText('This abstract appears cut off in the source listing.')).toBeVisible();
  }
  const complete = builtPapers().find((p) => !p.truncated)!;
  await page.goto(complete.url);
  await expect(page.getByText('This abstract appears cut off')).toHaveCount(0);
});

test('a maintainer override shows the paper link and note; other papers show neither', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto('/papers/masked-trajectory-models-for-prediction-representation-and-control/');
  const region = page.getByRole('region', { name: 'Links and notes' });
  const link = region.getByRole('link', { name: 'Paper on arxiv.org' });
  await expect(link).toHaveAttribute('href', 'https://arxiv.org/abs/2305.02968');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByTestId('maintainer-note')).toContainText('merged into one paper');
  await expectNoErrors(errors);

  const papers = builtPapers();
  expect(papers.find((p) => p.slug === 'masked-trajectory-models-for-prediction-representation-and-control')!.paperUrl).toBe('https://arxiv.org/abs/2305.02968');
  const plain = papers.find((p) => !p.paperUrl && !p.note)!;
  await page.goto(`/papers/${plain.slug}/`);
  await expect(page.getByRole('region', { name: 'Links and notes' })).toHaveCount(0);
});
