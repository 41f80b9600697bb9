import { expect, test } from '@playwright/test';
import { builtPapers, expectNoErrors, failOnConsoleErrors } from './helpers.ts';

test('the map links every paper once, with its title as tooltip, and works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/map/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topic map');
  const links = page.locator('[data-testid="topic-map"] a');
  const papers = builtPapers();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.sort()).toEqual(papers.map((p) => p.url).sort());
  const titles = await page.locator('[data-testid="topic-map"] a > title').allTextContents();
  expect(titles).toHaveLength(papers.length);
  expect(titles).toContain('Masked Trajectory Models for Prediction, Representation, and Control');
  // Titles with TeX show as readable text, not source.
  expect(titles.filter((t) => t.includes('$') || t.includes('\\'))).toEqual([]);
  // The legend links to topic pages.
  const legend = page.getByTestId('map-legend').getByRole('link');
  expect(await legend.count()).toBeGreaterThanOrEqual(15);
  await expect(legend.first()).toHaveAttribute('href', /\/topics\/[a-z0-9-]+\/$/);
  await context.close();
});

test('a map dot opens its paper by mouse and by keyboard', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto('/map/');
  // The last dot is drawn on top, so nothing overlaps it.
  const top = page.locator('[data-testid="topic-map"] a').last();
  const topTitle = (await top.locator('title').textContent())!;
  await top.locator('circle').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topTitle);
  await page.goBack();
  const dot = page.locator('[data-testid="topic-map"] a').first();
  const title = (await dot.locator('title').textContent())!;
  await dot.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/papers\/[a-z0-9-]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expectNoErrors(errors);
});

test('the map fits a phone screen and stays readable in dark mode', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/map/');
  const box = (await page.getByTestId('topic-map').boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  const fill = await page.locator('[data-testid="topic-map"] circle').first().evaluate((c) => getComputedStyle(c).fill);
  const background = await page.getByTestId('topic-map').evaluate((s) => getComputedStyle(s).backgroundColor);
  expect(fill).not.toBe(background);
  expect(fill).not.toBe('rgb(0, 0, 0)');
  // The header's theme choice (html[data-theme]) wins over the system preference.
  const circle = page.locator('[data-testid="topic-map"] circle').first();
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  const lightFill = await circle.evaluate((c) => getComputedStyle(c).fill);
  expect(lightFill).not.toBe(fill);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  expect(await circle.evaluate((c) => getComputedStyle(c).fill)).toBe(fill);
  await context.close();
});

test('a paper page lists 5 related papers with why-words, its keyphrases and its collections', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  const papers = builtPapers();
  const byId = new Map(papers.map((p) => [p.id, p]));
  const mtm = papers.find((p) => p.title === 'Masked Trajectory Models for Prediction, Representation, and Control')!;
  await page.goto(mtm.url);
  const related = page.getByTestId('related-papers');
  await expect(related.getByRole('heading')).toHaveText('Related papers');
  const links = related.getByRole('link');
  await expect(links).toHaveCount(mtm.related.length);
  expect(mtm.related.length).toBe(5);
  await expect(links.first()).toHaveAttribute('href', byId.get(mtm.related[0]!)!.url);
  await expect(related.locator('li').first()).toContainText('shares');
  await expect(page.getByTestId('keyphrases').locator('li')).toHaveCount(mtm.keyphrases.length);
  await expect(page.getByTestId('keyphrases')).toContainText('MTM');
  const collections = page.getByTestId('paper-collections').getByRole('link');
  await expect(collections).toHaveText(['World models and model-based RL', 'UC Berkeley on arXiv']);
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`${byId.get(mtm.related[0]!)!.url}$`));
  await expectNoErrors(errors);
});

test('every paper has at least 3 related papers in papers.json', () => {
  const papers = builtPapers();
  const ids = new Set(papers.map((p) => p.id));
  for (const p of papers) {
    expect(p.related.length).toBeGreaterThanOrEqual(3);
    for (const r of p.related) expect(ids.has(r)).toBe(true);
  }
});

test('5 collection pages exist, each with name, description, count, topics and its papers', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto('/collections/');
  const cards = page.getByTestId('collection-list').locator('li');
  await expect(cards).toHaveCount(5);
  const hrefs = await cards.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const papers = builtPapers();
  for (const href of hrefs) {
    await page.goto(href);
    const slug = href.split('/').filter(Boolean).pop()!;
    const expected = papers.filter((p) => p.collections.includes(slug)).length;
    await expect(page.getByTestId('collection-count')).toContainText(`${expected} paper`);
    await expect(page.getByRole('heading', { name: 'Topics in this collection' })).toBeVisible();
    expect(await page.locator('main li h3 a').count()).toBe(Math.min(expected, 50));
  }
  await page.goto('/collections/world-models/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('World models and model-based RL');
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toBeVisible();
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/\/collections\/world-models\/2\/$/);
  await expectNoErrors(errors);
});

test('a topic page shows description, count and related topics', async ({ page }) => {
  await page.goto('/topics/offline-rl/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Offline RL');
  const n = builtPapers().filter((p) => p.topics.includes('offline-rl')).length;
  await expect(page.getByTestId('topic-count')).toContainText(`${n} papers`);
  const related = page.getByTestId('related-topics').getByRole('link');
  await expect(related.first()).toContainText('Reinforcement learning');
  await related.first().click();
  await expect(page).toHaveURL(/\/topics\/reinforcement-learning\/$/);
});

test('home: counts, topic grid, map thumbnail, collections and the way to all papers', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('home-counts')).toContainText('536');
  expect(await page.getByTestId('topic-grid').getByRole('link').count()).toBeGreaterThanOrEqual(15);
  await expect(page.getByTestId('map-thumbnail')).toBeVisible();
  expect(await page.locator('[data-testid="map-thumbnail"] circle').count()).toBe(536);
  await expect(page.getByRole('region', { name: 'Collections' }).getByRole('link')).toHaveCount(5);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Map' }).click();
  await expect(page).toHaveURL(/\/map\/$/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Collections' }).click();
  await expect(page).toHaveURL(/\/collections\/$/);
  await expectNoErrors(errors);
});

