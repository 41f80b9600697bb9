/**
 * Seed text is untrusted: titles and abstracts with <script>, <img onerror>, <iframe>, javascript:
 * links, attribute break-outs and stray < & must show as typed and run nothing — on paper pages,
 * listings, meta tags, JSON-LD and Pagefind results. Runs (project `untrusted`) against `dist-fixtures/`,
 * the site built from tests/fixtures/untrusted/ by `npm run build:fixtures`.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { OutputPaper } from './helpers.ts';

const papers = JSON.parse(readFileSync('dist-fixtures/data/papers.json', 'utf8')) as OutputPaper[];
const byTitle = (start: string) => papers.find((p) => p.title.startsWith(start))!;

/** Record every dialog (alert/confirm/prompt) the page opens. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(dialogs, 'dialogs opened by seed text').toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), 'window.__xss set by seed text').toBeUndefined();
  // No element or attribute from seed text made it into the DOM.
  expect(await page.locator('main iframe, main img, [onerror], [onload], [onmouseover], meta[http-equiv]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i], iframe[src^="javascript:" i]').count()).toBe(0);
  // No executable script holds seed text (JSON-LD data blocks may, escaped: checked separately).
  const inlineScripts = await page
    .locator('script:not([type="application/ld+json"])')
    .evaluateAll((ss) => ss.map((s) => s.textContent ?? '').filter((t) => /alert|__xss/.test(t)));
  expect(inlineScripts).toEqual([]);
}

test('the fixture has the payload papers', () => {
  expect(papers).toHaveLength(3);
  expect(papers.filter((p) => p.titleSource === 'derived')).toHaveLength(1);
});

test('a title and abstract with tags render as typed and run nothing', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const paper = byTitle("<script>window.__xss = 'title'");
  await page.goto(paper.url);
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(`<script>window.__xss = 'title'; alert('title')</script> Xyzzy Titles & <Stray> Brackets`);
  const abstract = page.getByRole('region', { name: 'Abstract' });
  for (const typed of [
    `<img src=x onerror="window.__xss='img'; alert('img')">`,
    `<iframe src="javascript:alert('iframe')"></iframe>`,
    `<svg onload=alert('svg')></svg>`,
    `<a href="javascript:alert('a')">click me</a>`,
    `Stray < and > and & and &amp; and &lt;b&gt; render exactly as typed`,
    `"</p></article><script>alert('breakout')</script>"`,
  ]) {
    await expect(abstract).toContainText(typed);
  }
  await expect(abstract.getByRole('link')).toHaveCount(1);
  await expect(abstract.getByRole('link')).toHaveAttribute('href', 'https://github.com/example/xyzzy-safe');
  await expect(abstract.getByRole('link')).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByRole('navigation', { name: 'Paper links' }).getByRole('link', { name: /^Code/ })).toHaveAttribute('href', 'https://github.com/example/xyzzy-safe');
  expect(await page.title()).toBe(`${paper.title} · Lectern`);
  // JSON-LD holds the same text as data, inside its one script element.
  const jsonLd = await page.locator('script[type="application/ld+json"]').evaluateAll((ss) => ss.map((s) => JSON.parse(s.textContent ?? '')));
  expect(jsonLd).toHaveLength(1);
  expect(jsonLd[0].name).toBe(paper.title);
  expect(jsonLd[0].abstract).toBe(paper.abstract);
  expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/^We study xyzzy payloads in abstracts: <img src=x onerror="window.__xss='img'; alert\('img'\)">/);
  await expectNothingRan(page, dialogs);
});

test('attribute break-outs stay inside meta tags; math still renders', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const paper = byTitle('Quotes in Meta Tags');
  await page.goto(paper.url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Quotes in Meta Tags: " onmouseover="alert('attr')" data-x='`);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description).toContain(`"><meta http-equiv="refresh" content="0;url=javascript:alert('meta')">`);
  const abstract = page.getByRole('region', { name: 'Abstract' });
  await expect(abstract.locator('.katex')).toHaveCount(2);
  await expect(abstract).toContainText('<b>not bold</b> is text');
  await expect(abstract).toContainText(`An unclosed $<script>alert('dollar')</script> is shown as typed`);
  await expect(abstract.locator('b')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Paper links' }).getByRole('link', { name: /^Project page/ })).toHaveAttribute('href', 'https://example.github.io/xyzzy-project/');
  await expectNothingRan(page, dialogs);
});

test('a derived title from a payload is text, with its marker, in the listing too', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const paper = papers.find((p) => p.titleSource === 'derived')!;
  await page.goto(paper.url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`<script>window.__xss = 'derived'; alert('derived')</script> Xyzzy`);
  await expect(page.getByText('title derived from the abstract')).toBeVisible();
  await expectNothingRan(page, dialogs);
  await page.goto('/browse/');
  await expect(page.locator('main li h3 a')).toHaveCount(3);
  await expect(page.locator('main')).toContainText(`<script>window.__xss = 'title'; alert('title')</script> Xyzzy Titles & <Stray> Brackets`);
  await expect(page.locator('main')).toContainText(`We study xyzzy payloads in abstracts: <img src=x`);
  await expectNothingRan(page, dialogs);
});

test('Pagefind results show payload titles and excerpts as text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto('/search/');
  // The page's own search box (the header modal has another).
  await page.locator('#search-page pagefind-input input').fill('xyzzy');
  const results = page.locator('#search-page pagefind-results a[href*="/papers/"]');
  await expect(results.first()).toBeVisible();
  await expect(page.locator('#search-page pagefind-results')).toContainText(`<script>window.__xss = 'title'; alert('title')</script> Xyzzy Titles & <Stray> Brackets`);
  await expect(page.locator('#search-page pagefind-results')).toContainText('<img src=x onerror=');
  await expectNothingRan(page, dialogs);
});
