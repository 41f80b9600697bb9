import { readFileSync } from 'node:fs';
import { parse as parseBib } from '@retorquere/bibtex-parser';
import { expect, test, type Download, type Page } from '@playwright/test';
import { Lexer, type Tokens } from 'marked';
import Papa from 'papaparse';
import { builtPapers, expectNoErrors, failOnConsoleErrors } from './helpers.ts';

const MTM = '/papers/masked-trajectory-models-for-prediction-representation-and-control/';
const MTM_TITLE = 'Masked Trajectory Models for Prediction, Representation, and Control';
const KEY = 'lectern:reading:v1';

async function saveOnPaperPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute('aria-pressed', 'true');
}

async function downloadText(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}

test('save → reload → still saved → on /list/, with status and note', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await saveOnPaperPage(page, MTM);
  await page.getByLabel('Status').selectOption('reading');
  await page.getByLabel(/Private note/).fill('Compare with <b>Decision Transformer</b>');
  await page.getByLabel(/Private note/).blur();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('reading');
  await expect(page.getByLabel(/Private note/)).toHaveValue('Compare with <b>Decision Transformer</b>');

  await page.goto('/list/');
  const reading = page.getByRole('region', { name: /^Reading/ });
  await expect(reading.getByRole('heading', { level: 2 })).toHaveText('Reading (1)');
  await expect(reading.getByRole('link', { name: MTM_TITLE })).toBeVisible();
  await expect(reading.locator('[data-note-text]')).toHaveText('Compare with <b>Decision Transformer</b>');
  await expect(page.getByRole('region', { name: /^To read/ })).toBeHidden();
  await expectNoErrors(errors);
});

test('listing: save from a card, keyboard shortcuts j/k/s/?', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto('/browse/');
  const cards = page.locator('[data-paper-card]');
  await page.keyboard.press('j');
  await expect(cards.nth(0)).toHaveAttribute('data-current', '');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(cards.nth(1)).toHaveAttribute('data-current', '');
  await expect(cards.nth(1).locator('[data-card-link]')).toBeFocused();
  await page.keyboard.press('s');
  await expect(cards.nth(1).getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
  await expect(cards.nth(1).getByRole('button', { name: 'Saved' })).toHaveAccessibleDescription((await cards.nth(1).locator('[data-card-link]').textContent())!.trim());
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  // typing in a field is not a shortcut
  await cards.nth(0).getByText('Note', { exact: true }).click();
  await cards.nth(0).getByLabel(/Private note/).pressSequentially('jks');
  await expect(cards.nth(0).getByRole('button', { name: 'Save', exact: true })).toHaveAttribute('aria-pressed', 'false');

  const title = (await cards.nth(1).locator('[data-card-link]').textContent())!.trim();
  await page.goto('/list/');
  await expect(page.getByRole('region', { name: /^To read/ }).getByRole('link', { name: title })).toBeVisible();
  await expectNoErrors(errors);
});

test('/list/: empty state, topic filter and bulk actions', async ({ page }) => {
  await page.goto('/list/');
  await expect(page.getByRole('heading', { name: 'No saved papers yet' })).toBeVisible();
  const papers = builtPapers();
  const robotics = papers.filter((p) => p.topics.includes('robotics')).slice(0, 2);
  const other = papers.filter((p) => !p.topics.includes('robotics')).slice(0, 1);
  const ids = [...robotics, ...other].map((p) => p.id);
  await page.evaluate(
    ([key, ids]) => {
      const papers = Object.fromEntries((ids as string[]).map((id) => [id, { saved: true, status: 'to-read', note: '', updated: '2026-01-01T00:00:00Z' }]));
      localStorage.setItem(key as string, JSON.stringify({ version: 1, papers }));
    },
    [KEY, ids],
  );
  await page.reload();
  const toRead = page.getByRole('region', { name: /^To read/ });
  await expect(toRead.getByRole('heading', { level: 2 })).toHaveText('To read (3)');
  await page.getByLabel('Filter by topic').selectOption('robotics');
  await expect(toRead.getByRole('heading', { level: 2 })).toHaveText('To read (2)');
  await page.getByLabel('Select all shown').check();
  await page.getByRole('button', { name: 'Mark read' }).click();
  await expect(page.getByRole('region', { name: /^Read/ }).getByRole('heading', { level: 2 })).toHaveText('Read (2)');
  await page.getByLabel('Filter by topic').selectOption('');
  await expect(toRead.getByRole('heading', { level: 2 })).toHaveText('To read (1)');
  await toRead.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(toRead).toBeHidden();
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), KEY);
  expect(Object.values(stored.papers).filter((e) => (e as { saved: boolean }).saved)).toHaveLength(2);
});

test('/list/ shows TeX titles as readers read them, not as TeX source', async ({ page }) => {
  const e2gan = builtPapers().find((p) => p.title.startsWith('E$^{2}$GAN'))!;
  await page.goto('/list/');
  await page.evaluate(
    ([key, id]) => localStorage.setItem(key as string, JSON.stringify({ version: 1, papers: { [id as string]: { saved: true, status: 'to-read', note: '', updated: '2026-01-01T00:00:00Z' } } })),
    [KEY, e2gan.id],
  );
  await page.reload();
  const link = page.getByRole('region', { name: /^To read/ }).getByRole('link', { name: /GAN: Efficient Training/ });
  await expect(link).toHaveText('E2GAN: Efficient Training of Efficient GANs for Image-to-Image Translation');
});

test('state is shared across tabs', async ({ page, context }) => {
  await page.goto(MTM);
  const other = await context.newPage();
  await other.goto('/list/');
  await expect(other.getByRole('heading', { name: 'No saved papers yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(other.getByRole('link', { name: MTM_TITLE })).toBeVisible();
});

test('corrupted stored data is ignored with a message and backed up, never a crash', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto(MTM);
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"papers":{"bad":'), KEY);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'not valid JSON' })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(`${key}:backup`), KEY)).toBe('{"version":1,"papers":{"bad":');
  await expectNoErrors(errors);
});

test('export each format, parse it back; import good and corrupted files', async ({ page }) => {
  await saveOnPaperPage(page, MTM);
  await page.getByLabel('Status').selectOption('read');
  await page.getByLabel(/Private note/).fill('Key idea: masking');
  await page.getByLabel(/Private note/).blur();
  await page.goto('/list/');
  await expect(page.getByRole('link', { name: MTM_TITLE })).toBeVisible();
  const mtm = builtPapers().find((p) => p.url === MTM)!;
  const get = async (label: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Export format' }).getByRole('button', { name: label }).click()]);
    return { name: download.suggestedFilename(), text: await downloadText(download) };
  };

  const bib = await get('BibTeX');
  expect(bib.name).toBe('lectern-saved.bib');
  const lib = parseBib(bib.text, { sentenceCase: false });
  expect(lib.errors).toEqual([]);
  expect(lib.entries).toHaveLength(1);
  expect(lib.entries[0]).toMatchObject({ type: 'misc', key: `masked-trajectory-models-${mtm.id.slice(0, 8)}` });
  expect(lib.entries[0]!.fields.title).toBe(MTM_TITLE);
  // the paper's own page (override) is the citation url
  expect(lib.entries[0]!.fields.url).toBe('https://arxiv.org/abs/2305.02968');
  expect(lib.entries[0]!.fields.note).toContain('Read. Key idea: masking');
  expect(lib.entries[0]!.fields.abstract).toBe(mtm.abstract);

  const md = await get('Markdown');
  const list = new Lexer().lex(md.text).find((t) => t.type === 'list') as Tokens.List;
  expect(list.items).toHaveLength(1);
  expect(list.items[0]!.text).toContain(MTM_TITLE);
  expect(list.items[0]!.text).toContain('Status: Read');

  const csv = await get('CSV');
  const rows = Papa.parse<Record<string, string>>(csv.text, { header: true });
  expect(rows.errors).toEqual([]);
  expect(rows.data).toHaveLength(1);
  expect(rows.data[0]!.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${MTM}$`));
  expect(rows.data[0]).toMatchObject({ id: mtm.id, title: MTM_TITLE, paper_url: 'https://arxiv.org/abs/2305.02968', saved: 'yes', status: 'read', note: 'Key idea: masking', abstract: mtm.abstract });

  const json = await get('JSON');
  const doc = JSON.parse(json.text);
  expect(doc).toMatchObject({ format: 'lectern-reading-list', version: 1, papers: [{ id: mtm.id, saved: true, status: 'read', note: 'Key idea: masking' }] });

  // a topic export covers every paper of the topic
  await page.getByLabel('What').selectOption('topic:robotics');
  const topicCsv = Papa.parse<Record<string, string>>((await get('CSV')).text, { header: true });
  expect(topicCsv.data).toHaveLength(builtPapers().filter((p) => p.topics.includes('robotics')).length);
  // and a collection export every paper of that seed file
  const file = mtm.sources[0]!.file;
  await page.getByLabel('What').selectOption(`collection:${file}`);
  const collectionJson = JSON.parse((await get('JSON')).text);
  expect(collectionJson.papers).toHaveLength(builtPapers().filter((p) => p.sources.some((s) => s.file === file)).length);
  expect(collectionJson.scope).toBe(`Collection: ${file}`);

  // import: clear, then restore from the JSON export
  await page.evaluate((key) => localStorage.removeItem(key), KEY);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No saved papers yet' })).toBeVisible();
  await page.getByLabel('JSON file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await expect(page.getByText('Imported reading state for 1 paper.')).toBeVisible();
  await expect(page.getByRole('region', { name: /^Read/ }).getByRole('link', { name: MTM_TITLE })).toBeVisible();

  // corrupted file: clear message, nothing changes
  const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
  await page.getByLabel('JSON file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(json.text.slice(0, 40)) });
  await expect(page.getByText(/Import failed: This file is not valid JSON\. Nothing was changed\./)).toBeVisible();
  await page.getByLabel('JSON file').setInputFiles({ name: 'foreign.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":"world"}') });
  await expect(page.getByText(/Import failed: This is not a Lectern reading-list export/)).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(before);
});

test('theme: choice persists and applies before first paint', async ({ page }) => {
  const errors = failOnConsoleErrors(page);
  await page.goto('/');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Record the body background at DOMContentLoaded of the next load, before any module runs.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { firstPaint: string }).firstPaint = `${document.documentElement.dataset.theme}|${getComputedStyle(document.body).backgroundColor}`;
    });
  });
  await page.goto('/browse/');
  const [theme, bg] = (await page.evaluate(() => (window as unknown as { firstPaint: string }).firstPaint)).split('|');
  expect(theme).toBe('dark');
  const [r, g, b] = bg!.match(/[\d.]+/g)!.map(Number);
  expect(r! + g! + b!).toBeLessThan(100);
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  await expectNoErrors(errors);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the paper is fully readable and no controls show', async ({ page }) => {
    await page.goto(MTM);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(MTM_TITLE);
    await expect(page.getByRole('region', { name: 'Find this paper' }).getByRole('link', { name: 'Search Semantic Scholar' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
    await expect(page.getByLabel('Theme')).toBeHidden();
    await page.goto('/list/');
    await expect(page.getByText('The reading list needs JavaScript')).toBeVisible();
  });
});

test('paper page: links out, canonical, Open Graph and JSON-LD', async ({ page }) => {
  await page.goto(MTM);
  const search = page.getByRole('list', { name: 'Search by title' }).getByRole('link');
  await expect(search).toHaveCount(4);
  const scholar = new URL((await page.getByRole('link', { name: 'Search Google Scholar' }).getAttribute('href'))!);
  expect(scholar.searchParams.get('q')).toBe(MTM_TITLE);
  expect(await page.locator('link[rel=canonical]').getAttribute('href')).toMatch(new RegExp(`${MTM}$`));
  expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
  // the override url is an arXiv abstract page: a direct PDF link is added
  await expect(page.getByRole('list', { name: 'Direct links' }).getByRole('link', { name: 'PDF' })).toHaveAttribute('href', 'https://arxiv.org/pdf/2305.02968');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ '@type': 'ScholarlyArticle', name: MTM_TITLE, sameAs: ['https://arxiv.org/abs/2305.02968'] });
});

test('print stylesheet: the list prints without header, controls or forms', async ({ page }) => {
  await saveOnPaperPage(page, MTM);
  await page.goto('/list/');
  await expect(page.getByRole('link', { name: MTM_TITLE })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: MTM_TITLE })).toBeVisible();
  await expect(page.locator('header')).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
  await expect(page.locator('reading-controls').first()).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Export' })).toBeHidden();
  await expect(page.getByLabel('Filter by topic')).toBeHidden();
});

test('visible focus: keyboard focus on controls draws an outline', async ({ page }) => {
  await page.goto(MTM);
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await save.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(save).toBeFocused();
  const outline = await save.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

test('a topic page links to its export on /list/', async ({ page }) => {
  await page.goto('/topics/robotics/');
  await page.getByRole('link', { name: 'Export this topic' }).click();
  await expect(page).toHaveURL(/\/list\/\?export=topic:robotics$/);
  await expect(page.getByLabel('What')).toHaveValue('topic:robotics');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('/list/ and a paper page do not scroll sideways', async ({ page }) => {
    await saveOnPaperPage(page, MTM);
    for (const path of [MTM, '/list/']) {
      await page.goto(path);
      await expect(page.getByRole('button', { name: 'Saved' }).first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
    }
  });
});
