import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** The sub-path build (`npm run test:builds`), served by scripts/serve.ts at this prefix. */
const PREFIX = '/lectern/';

test.skip(!existsSync('dist-sub/index.html') && !process.env.CI, 'no dist-sub/: run `npm run test:builds` (required in CI)');

test(`served under ${PREFIX}: home → topic → paper → search, every request stays under the prefix`, async ({ page }) => {
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => failed.push(e.message));

  await page.goto(PREFIX);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
  await expect(page).toHaveURL(new RegExp(`${PREFIX}topics/$`));
  await page.locator('main a[href*="/topics/"]').first().click();
  await expect(page).toHaveURL(new RegExp(`${PREFIX}topics/[^/]+/$`));
  const paper = page.locator('main a[href*="/papers/"]').first();
  const title = (await paper.textContent())!.trim();
  await paper.click();
  await expect(page).toHaveURL(new RegExp(`${PREFIX}papers/[^/]+/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`${PREFIX}search/$`));
  await page.locator('main pagefind-input input').fill('dextrose');
  const hit = page.locator('main pagefind-results a[href*="/papers/"]').first();
  await expect(hit).toBeVisible();
  expect(await hit.getAttribute('href')).toMatch(new RegExp(`^${PREFIX}papers/`));
  await hit.click();
  // Search results link with ?pagefind-highlight=<query> (term highlighting on the paper page).
  await expect(page).toHaveURL(new RegExp(`${PREFIX}papers/[^/?]+/(\\?.*)?$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expect(failed).toEqual([]);
  expect(requests.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
});
