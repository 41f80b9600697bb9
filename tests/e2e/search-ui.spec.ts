import { readdirSync } from 'node:fs';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { RANKING, hasCodeLink } from '../../src/lib/site/search-facets.ts';
import { builtCollections, builtPapers, collectionNameOf, expectNoErrors, failOnConsoleErrors, type OutputPaper } from './helpers.ts';

/** Loading the index competes for CPU with other workers (and a build, in search-servers.spec.ts) on 2-core CI. */
const expect = baseExpect.configure({ timeout: 15_000 });

/** Result cards of the header modal or of the /search/ page. */
const modalResults = 'pagefind-modal .lectern-result';
const pageResults = '#search-page pagefind-results .lectern-result';

/** Count results and filter counts for a query straight from Pagefind's API (the ground truth). */
async function apiSearch(page: Page, query: string | null, filters: Record<string, string[]> = {}) {
  return page.evaluate(
    async ({ query, filters, ranking }) => {
      const pagefind = await import('/pagefind/pagefind.js' as string);
      await pagefind.options({ ranking });
      const r = await pagefind.search(query, { filters });
      return { count: r.results.length as number, all: (await pagefind.filters()) as Record<string, Record<string, number>> };
    },
    { query, filters, ranking: RANKING },
  );
}

async function searchPageReady(page: Page): Promise<void> {
  await expect(page.locator('#search-page')).toHaveAttribute('data-search-ready', 'true');
}

test.describe('header search', () => {
  for (const path of ['/', '/topics/', '/browse/']) {
    test(`opens from the header on ${path} with the button, / and Ctrl+K`, async ({ page }) => {
      const errors = failOnConsoleErrors(page);
      await page.goto(path);
      const trigger = page.locator('header pagefind-modal-trigger button');
      await expect(trigger).toBeVisible();
      const dialog = page.locator('pagefind-modal dialog');
      await trigger.click();
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(trigger).toBeFocused(); // the modal has finished closing
      await page.locator('main').click({ position: { x: 1, y: 1 } });
      await page.keyboard.press('/');
      await expect(dialog).toBeVisible();
      await expect(page.locator('pagefind-modal input')).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(trigger).toBeFocused();
      await page.keyboard.press('Control+k');
      await expect(dialog).toBeVisible();
      await expectNoErrors(errors);
    });
  }

  test('results show title, excerpt with highlighted terms, topics and collection', async ({ page }) => {
    const errors = failOnConsoleErrors(page);
    const paper = builtPapers().find((p) => p.abstract.toLowerCase().includes('dextrose'))!;
    await page.goto('/');
    await page.locator('header pagefind-modal-trigger button').click();
    await page.locator('pagefind-modal input').fill('dextrose');
    const card = page.locator(modalResults).first();
    await expect(card.locator('.lectern-result-link')).toHaveText(paper.title);
    await expect(card.locator('.lectern-result-excerpt mark')).toHaveText(/dextrose/i);
    await expect(card.locator('.lectern-result-topic')).toHaveCount(paper.topics.length);
    await expect(card.locator('.lectern-result-collection')).toContainText(collectionNameOf(paper.sources[0]!.file));
    await expect(page.locator('pagefind-modal [data-search-full]')).toHaveAttribute('href', '/search/?q=dextrose');
    await expectNoErrors(errors);
  });

  test('derived titles are marked in results', async ({ page }) => {
    const derived = builtPapers().find((p) => p.titleSource === 'derived' && p.abstract.includes('decentCEM'))!;
    expect(derived).toBeTruthy();
    await page.goto('/');
    await page.keyboard.press('/');
    await page.locator('pagefind-modal input').fill('decentCEM');
    const card = page.locator(modalResults).first();
    await expect(card.locator('.lectern-result-link')).toHaveText(derived.title);
    await expect(card.locator('.lectern-result-badge')).toHaveText('title derived');
    // A seed title carries no mark.
    await page.locator('pagefind-modal input').fill('dextrose');
    await expect(page.locator(modalResults).first().locator('.lectern-result-link')).toContainText('LSTMc');
    await expect(page.locator(modalResults).first().locator('.lectern-result-badge')).toHaveCount(0);
  });

  test('without the Component UI the header button is a link to the search page', async ({ page }) => {
    await page.route('**/pagefind/pagefind-component-ui.js', (route) => route.abort());
    await page.goto('/topics/');
    const link = page.locator('header pagefind-modal-trigger a');
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', '/search/');
    await page.keyboard.press('/');
    await expect(page).toHaveURL(/\/search\/$/);
  });
});

test.describe('highlight on arrival', () => {
  test('opening a result highlights the matched terms and scrolls to the first', async ({ page }) => {
    const errors = failOnConsoleErrors(page);
    // A word late in a long abstract, so the first match is below the fold on a small screen.
    await page.setViewportSize({ width: 390, height: 500 });
    await page.goto('/');
    await page.keyboard.press('/');
    await page.locator('pagefind-modal input').fill('dextrose');
    await page.locator(`${modalResults} .lectern-result-link`).first().click();
    await expect(page).toHaveURL(/\/papers\/[^/]+\/\?pagefind-highlight=dextrose$/);
    const first = page.locator('[data-pagefind-body] mark.pagefind-highlight').first();
    await expect(first).toHaveText(/dextrose/i);
    await expect(first).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expectNoErrors(errors);
  });

  test('a paper page without the parameter loads no highlight script', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(builtPapers()[0]!.url);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((u) => u.includes('pagefind-highlight'))).toEqual([]);
    await expect(page.locator('mark')).toHaveCount(0);
  });
});

test.describe('search page facets', () => {
  test('opening /search/ fetches no index chunk until there is a query or a facet', async ({ page }) => {
    const chunks: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/index/')) chunks.push(r.url());
    });
    await page.goto('/search/');
    await searchPageReady(page);
    await page.waitForLoadState('networkidle');
    expect(chunks, 'an unfiltered browse-all search would fetch the whole index').toEqual([]);
    await page.locator('#search-page pagefind-input input').fill('dextrose');
    await expect(page.locator('#search-page pagefind-results li').first()).toBeVisible();
    expect(new Set(chunks).size).toBeLessThan(readdirSync('dist/pagefind/index').length);
  });

  test('the filter pane lists topic, collection, code and title facets with counts', async ({ page }) => {
    const errors = failOnConsoleErrors(page);
    await page.goto('/search/');
    await searchPageReady(page);
    const { all } = await apiSearch(page, null);
    const pane = page.locator('pagefind-filter-pane');
    for (const name of ['topic', 'collection', 'code', 'title']) {
      await expect(pane.locator(`.pf-filter-group[data-filter-name="${name}"]`)).toBeAttached();
    }
    const codeCount = all.code?.['Links to code'] ?? 0;
    expect(codeCount).toBeGreaterThan(10);
    await expect(pane.locator('label', { hasText: 'Links to code' }).locator('.pf-filter-checkbox-count')).toHaveText(String(codeCount));
    expect(Object.values(all.title ?? {}).reduce((a, b) => a + b, 0)).toBe(builtPapers().length);
    expect(all.title?.['Derived from the abstract']).toBe(builtPapers().filter((p) => p.titleSource === 'derived').length);
    expect(Object.keys(all.collection ?? {}).sort()).toEqual(builtCollections().filter((c) => c.count > 0).map((c) => c.name).sort());
    // The pane is not an empty box: it has visible checkboxes.
    await expect(pane.locator('input[type=checkbox]:visible').first()).toBeVisible();
    await expectNoErrors(errors);
  });

  test('choosing a facet with no query browses the matching papers', async ({ page }) => {
    await page.goto('/search/');
    await searchPageReady(page);
    const { all } = await apiSearch(page, null);
    const n = all.code!['Links to code']!;
    await page.locator('pagefind-filter-pane label', { hasText: 'Links to code' }).click();
    await expect(page).toHaveURL(/\/search\/\?code=yes$/);
    await expect(page.locator('#search-page pagefind-results li')).toHaveCount(n);
    await expect(page.locator('#search-page pagefind-summary')).toContainText(String(n));
    // Every listed paper has the facet: its abstract links to code.
    const byUrl = new Map(builtPapers().map((p) => [p.url, p]));
    const hrefs = await page.locator(`${pageResults} .lectern-result-link`).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(1);
    const codeText = (p: OutputPaper | undefined) => [p?.abstract ?? '', ...(p?.links ?? []).map((l) => l.url)].join(' ');
    for (const h of hrefs) expect(codeText(byUrl.get(h)), h).toMatch(/(github\.com|gitlab\.com|huggingface\.co|hf\.co|bitbucket\.org|codeberg\.org|hf\.space)/i);
    // …and the count agrees with the papers.json view of the same rule.
    expect(n).toBe(builtPapers().filter((p) => hasCodeLink(p.abstract) || (p.links ?? []).some((l) => hasCodeLink(l.url))).length);
  });
});

test.describe('shareable search URLs', () => {
  test('a shared URL restores query and facets', async ({ page }) => {
    const errors = failOnConsoleErrors(page);
    await page.goto('/search/?q=world+models&topic=robotics');
    await searchPageReady(page);
    await expect(page.locator('#search-page pagefind-input input')).toHaveValue('world models');
    await expect(page.locator('pagefind-filter-pane input[name="topic"][value="Robotics and manipulation"]')).toBeChecked();
    const { count } = await apiSearch(page, 'world models', { topic: ['Robotics and manipulation'] });
    expect(count).toBeGreaterThan(0);
    await expect(page.locator('#search-page pagefind-results li')).toHaveCount(count);
    await expectNoErrors(errors);
  });

  test('editing updates the URL, back and forward walk the history, reload restores', async ({ page }) => {
    await page.goto('/search/?q=world+models&topic=robotics');
    await searchPageReady(page);
    const withTopic = await apiSearch(page, 'world models', { topic: ['Robotics and manipulation'] });
    const withCode = await apiSearch(page, 'world models', { topic: ['Robotics and manipulation'], code: ['Links to code'] });
    await page.locator('pagefind-filter-pane label', { hasText: 'Links to code' }).click();
    await expect(page).toHaveURL(/\?q=world\+models&topic=robotics&code=yes$/);
    await expect(page.locator('#search-page pagefind-results li')).toHaveCount(withCode.count);

    const input = page.locator('#search-page pagefind-input input');
    await input.fill('diffusion');
    await expect(page).toHaveURL(/\?q=diffusion&topic=robotics&code=yes$/);

    await page.goBack();
    await expect(page).toHaveURL(/\?q=world\+models&topic=robotics&code=yes$/);
    await expect(input).toHaveValue('world models');
    await page.goBack();
    await expect(page).toHaveURL(/\?q=world\+models&topic=robotics$/);
    await expect(page.locator('pagefind-filter-pane input[name="code"]')).not.toBeChecked();
    await expect(page.locator('#search-page pagefind-results li')).toHaveCount(withTopic.count);
    await page.goForward();
    await expect(page.locator('pagefind-filter-pane input[name="code"]')).toBeChecked();

    await page.reload();
    await searchPageReady(page);
    await expect(input).toHaveValue('world models');
    await expect(page.locator('pagefind-filter-pane input[name="code"]')).toBeChecked();
    await expect(page.locator('#search-page pagefind-results li')).toHaveCount(withCode.count);
  });

  test('collection and title facets restore from their URL slugs', async ({ page }) => {
    const papers = builtPapers();
    const file = papers[0]!.sources[0]!.file;
    const collection = collectionNameOf(file);
    const slug = collection.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    await page.goto(`/search/?collection=${slug}&title=derived`);
    await searchPageReady(page);
    await expect(page.locator(`pagefind-filter-pane input[name="collection"][value="${collection}"]`)).toBeChecked();
    await expect(page.locator('pagefind-filter-pane input[name="title"][value="Derived from the abstract"]')).toBeChecked();
    const expected = papers.filter((p) => p.titleSource === 'derived' && p.sources.some((s) => s.file === file)).length;
    const { count } = await apiSearch(page, null, { collection: [collection], title: ['Derived from the abstract'] });
    expect(count).toBe(expected);
    await expect(page.locator('#search-page pagefind-results li')).toHaveCount(expected);
    if (expected > 0) await expect(page.locator(`${pageResults} .lectern-result-badge`).first()).toHaveText('title derived');
  });

  test('/ focuses the search box on the search page', async ({ page }) => {
    await page.goto('/search/');
    await searchPageReady(page);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(page.locator('#search-page pagefind-input input')).toBeFocused();
    await expect(page.locator('pagefind-modal dialog')).toBeHidden();
  });
});

test.describe('empty and failure states', () => {
  // Pagefind tolerates typos ("dextrosee" finds dextrose), so the no-result queries are far from any word.
  test('no results → suggestions; clearing facets from there', async ({ page }) => {
    const errors = failOnConsoleErrors(page);
    await page.goto('/search/?q=flibbertigibbet');
    await searchPageReady(page);
    const empty = page.locator('[data-search-states="default"] [data-search-empty]');
    await expect(empty).toBeVisible();
    await expect(empty).toContainText('flibbertigibbet');
    await expect(empty.getByRole('link', { name: 'papers by topic' })).toHaveAttribute('href', '/topics/');
    await expect(empty.locator('[data-search-clear-facets]')).toBeHidden();

    // A query that matches one paper, narrowed by a facet to nothing.
    const hit = await apiSearch(page, 'dextrose', { title: ['Derived from the abstract'] });
    expect(hit.count).toBe(0);
    await page.goto('/search/?q=dextrose&title=derived');
    await searchPageReady(page);
    await expect(empty).toBeVisible();
    await empty.locator('[data-search-clear-facets]').click();
    await expect(page).toHaveURL(/\/search\/\?q=dextrose$/);
    await expect(page.locator(pageResults)).toHaveCount(1);
    await expect(empty).toBeHidden();
    await expectNoErrors(errors);
  });

  test('the modal suggests too', async ({ page }) => {
    await page.goto('/topics/');
    await page.keyboard.press('/');
    await page.locator('pagefind-modal input').fill('zzyzx');
    await expect(page.locator('[data-search-states="modal"] [data-search-empty]')).toBeVisible();
    await expect(page.locator('[data-search-states="modal"] [data-search-empty]')).toContainText('zzyzx');
  });

  test('blocked index (offline) → a clear message on the search page, header falls back to a link', async ({ page }) => {
    await page.route('**/pagefind/**', (route) => route.abort('internetdisconnected'));
    await page.goto('/search/?q=robot');
    const error = page.locator('[data-search-states="default"] [data-search-error]');
    await expect(error).toBeVisible();
    await expect(error).toContainText('Search could not load');
    await expect(page.locator('header a.lectern-search-fallback')).toBeVisible();
  });

  test('blocked WebAssembly/index chunks → a clear message, in the page and in the modal', async ({ page }) => {
    await page.route(/\/pagefind\/.*\.(pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/, (route) => route.abort());
    await page.goto('/search/');
    await expect(page.locator('[data-search-states="default"] [data-search-error]')).toBeVisible();
    await expect(page.locator('#search-page pagefind-results')).toBeHidden();
    await expect(page.locator('#search-page pagefind-input input')).toBeDisabled();
    await page.goto('/topics/');
    await page.locator('header pagefind-modal-trigger button').click();
    // Opening the modal starts loading the index; the failure shows before anything is typed.
    await expect(page.locator('[data-search-states="modal"] [data-search-error]')).toBeVisible();
    await expect(page.locator('pagefind-modal input')).toBeDisabled();
  });
});
