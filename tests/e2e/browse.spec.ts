import { expect, test } from '@playwright/test';
import { builtPapers, expectNoErrors, failOnConsoleErrors } from './helpers.ts';

test('home → a topic → a paper', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A reading list of research papers');
  await expect(page.locator('main')).toContainText('536 papers');

  const topics = page.getByRole('region', { name: 'Topics' }).getByRole('link');
  expect(await topics.count()).toBeGreaterThanOrEqual(8);
  await page.getByRole('region', { name: 'Topics' }).getByRole('link', { name: /^Robotics and manipulation/ }).click();
  await expect(page).toHaveURL(/\/topics\/robotics\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Robotics and manipulation');

  const first = page.locator('main li h3 a').first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/papers\/[a-z0-9-]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('link', { name: 'Robotics and manipulation' })).toBeVisible();
  await expectNoErrors(errors);
});

test('a paper merged from two seed files shows its seed title and both sources', async ({ page }) => {
  await page.goto('/papers/masked-trajectory-models-for-prediction-representation-and-control/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masked Trajectory Models for Prediction, Representation, and Control');
  const sources = page.getByRole('region', { name: 'Sources' });
  await expect(sources).toContainText('001_3f9ad7b7bb7c19aa.txt');
  await expect(sources).toContainText('002_49ebf336ccf7b00f.txt');
  await expect(page.getByText('title derived from the abstract')).toHaveCount(0);
});

test('a paper without a seed title shows the derived-title marker', async ({ page }) => {
  const derived = builtPapers().find((p) => p.titleSource === 'derived')!;
  await page.goto(derived.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(derived.title);
  await expect(page.getByText('title derived from the abstract')).toBeVisible();
});

test('topic pages paginate and every listed paper link resolves', async ({ page, request }) => {
  await page.goto('/topics/reinforcement-learning/');
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toBeVisible();
  const hrefs = await page.locator('main li h3 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  expect(hrefs.length).toBe(50);
  for (const href of hrefs.slice(0, 10)) expect((await request.get(href)).status()).toBe(200);
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/\/topics\/reinforcement-learning\/2\/$/);
});

test('unknown URLs get the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/papers/no-such-paper/');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Browse topics' }).click();
  await expect(page).toHaveURL(/\/topics\/$/);
});
