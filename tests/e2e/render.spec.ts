/**
 * Abstracts and titles with LaTeX, math and URLs, as readers see them on the real seeds' pages.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtPapers, expectNoErrors, failOnConsoleErrors } from './helpers.ts';
import { byTitle } from '../../src/lib/site/format.ts';
import { plainText } from '../../src/lib/render/rich-text.ts';

const papers = builtPapers();
const withAbstract = (needle: string) => {
  const p = papers.find((x) => x.abstract.includes(needle));
  if (!p) throw new Error(`no paper with ${needle}`);
  return p;
};

/** Visible text of the abstract (innerText: what a reader sees, not hidden copies). */
async function abstractText(page: Page): Promise<string> {
  return page.getByRole('region', { name: 'Abstract' }).locator('p').first().innerText();
}

test('TeX text macros and inline math render cleanly (policy-gradient baselines abstract)', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto(withAbstract('the \\emph{state value} baseline').url);
  const abstract = page.getByRole('region', { name: 'Abstract' });
  await expect(abstract.locator('em').first()).toHaveText('state value');
  await expect(abstract.locator('strong')).toHaveText('reduce the aggressiveness of the updates');
  await expect(abstract.locator('.katex')).toHaveCount(1);
  await expect(abstract.locator('.katex-error')).toHaveCount(0);
  const text = await abstractText(page);
  expect(text).toContain('non-uniform Łojasiewicz (NŁ) inequality');
  expect(text).not.toMatch(/\\emph|\\textbf|\\L\{\}|\$O\(/);
  // KaTeX fonts load from the bundle (a missing font is a console error).
  await page.waitForLoadState('networkidle');
  await expectNoErrors(errors);
});

test('BERT$_{BASE}$ renders as a subscript, and the index holds its text once', async ({ page }) => {
  const paper = withAbstract('BERT$_{BASE}$');
  await page.goto(paper.url);
  const abstract = page.getByRole('region', { name: 'Abstract' });
  await expect(abstract.locator('.katex msub')).toHaveCount(1);
  expect(await abstractText(page)).not.toContain('$_{BASE}$');
  await page.goto('/search/');
  const content = await page.evaluate(async () => {
    const pagefind = await import('/pagefind/pagefind.js' as string);
    const r = await pagefind.search('DistilBERT');
    const data = await Promise.all(r.results.map((x: { data: () => Promise<{ url: string; content: string }> }) => x.data()));
    return data.map((d: { url: string; content: string }) => ({ url: d.url, content: d.content }));
  });
  const indexed = content.find((c) => c.url === paper.url)!.content;
  expect(indexed).toContain('using BERT BASE and DistilBERT');
  expect(indexed).not.toMatch(/BASE\s*BASE|_\{BASE\}|\$/);
});

test('unknown macros show a readable name, escapes and accents as text', async ({ page }) => {
  await page.goto(withAbstract('\\methodname').url);
  const text = await abstractText(page);
  expect(text).toContain('We believe that methodname offers');
  expect(text).not.toContain('\\');
  await page.goto(withAbstract("Fr\\'echet").url);
  expect(await abstractText(page)).toContain('Fréchet inception distance');
  await page.goto(withAbstract('\\eg, ControlNet').url);
  expect(await abstractText(page)).toContain('e.g., ControlNet');
});

test('math in a title renders in the heading and listing; <title> is plain text', async ({ page }) => {
  const paper = papers.find((p) => p.title.startsWith('E$^{2}$GAN'))!;
  await page.goto(paper.url);
  await expect(page.getByRole('heading', { level: 1 }).locator('.katex msup')).toHaveCount(1);
  expect(await page.title()).toBe('E2GAN: Efficient Training of Efficient GANs for Image-to-Image Translation · Lectern');
  // The browse listing page that holds it (50 papers per page, sorted by title).
  const pageNo = Math.floor(byTitle(papers.map((p) => ({ ...p, titleText: plainText(p.title) }))).findIndex((p) => p.id === paper.id) / 50) + 1;
  await page.goto(pageNo === 1 ? '/browse/' : `/browse/${pageNo}/`);
  await expect(page.locator(`main li h3 a[href="${paper.url}"] .katex`)).toHaveCount(1);
  // The search index has the title as read, not its TeX or KaTeX markup.
  await page.goto('/search/');
  const titles = await page.evaluate(async () => {
    const pagefind = await import('/pagefind/pagefind.js' as string);
    const r = await pagefind.search('distillation image-to-image translation GANs');
    const data = await Promise.all(r.results.slice(0, 10).map((x: { data: () => Promise<{ meta: { title: string } }> }) => x.data()));
    return data.map((d: { meta: { title: string } }) => d.meta.title);
  });
  expect(titles).toContain('E2GAN: Efficient Training of Efficient GANs for Image-to-Image Translation');
});

test('URLs in abstracts link without trailing punctuation; Code and Project page links', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto(withAbstract('https://github.com/IST-DASLab/gptq.').url);
  const link = page.getByRole('region', { name: 'Abstract' }).getByRole('link', { name: 'https://github.com/IST-DASLab/gptq' });
  await expect(link).toHaveAttribute('href', 'https://github.com/IST-DASLab/gptq');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const code = page.getByRole('navigation', { name: 'Paper links' }).getByRole('link', { name: /^Code/ });
  await expect(code).toHaveAttribute('href', 'https://github.com/IST-DASLab/gptq');
  await expect(code).toHaveAttribute('rel', 'noopener noreferrer');

  // Scheme-less link.
  await page.goto(withAbstract('github.com/anyasims/edge-of-reach').url);
  await expect(page.getByRole('region', { name: 'Abstract' }).getByRole('link', { name: 'github.com/anyasims/edge-of-reach' })).toHaveAttribute('href', 'https://github.com/anyasims/edge-of-reach');
  // Damaged "https: //github.com/…" still links the URL part.
  await page.goto(withAbstract('https: //github.com/salesforce/CodeT5').url);
  await expect(page.getByRole('region', { name: 'Abstract' }).getByRole('link', { name: '//github.com/salesforce/CodeT5' })).toHaveAttribute('href', 'https://github.com/salesforce/CodeT5');

  // A github.io site is a project page, not code.
  await page.goto(withAbstract('https://video-adapter.github.io/').url);
  const nav = page.getByRole('navigation', { name: 'Paper links' });
  await expect(nav.getByRole('link', { name: /^Project page/ })).toHaveAttribute('href', 'https://video-adapter.github.io/');
  await expect(nav.getByRole('link', { name: /^Code/ })).toHaveCount(0);
  await expectNoErrors(errors);
});

test('papers without URLs have no links bar', async ({ page }) => {
  await page.goto(withAbstract('BERT$_{BASE}$').url);
  await expect(page.getByRole('navigation', { name: 'Paper links' })).toHaveCount(0);
});
