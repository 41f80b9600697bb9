import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect as baseExpect, test } from '@playwright/test';

/** Loading the index competes for CPU with other workers (and a build, in search-servers.spec.ts) on 2-core CI. */
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Search on servers other than the preview of `dist/`, run one after the other in one worker
 * (each starts its own server; never two Astro processes at once):
 * 1. `npm run dev`: the dev server serves the last build's index (tests run after `astro build`,
 *    so it is fresh) and the UI says when it is missing or stale — `astro dev` on port +50.
 * 2. Sub-path hosting: a second build with LECTERN_BASE=/lectern/ into a temporary directory
 *    (≈7 s of CPU, deleted afterwards), served under /lectern/ on port +51.
 */
const PORT = Number(process.env.LECTERN_TEST_PORT || 4329) + 50;
const ORIGIN = `http://127.0.0.1:${PORT}`;
let dev: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.describe('dev server', () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dev = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, BROWSER: 'none' },
    });
    const until = Date.now() + 90_000;
    for (;;) {
      try {
        if ((await fetch(`${ORIGIN}/pagefind/lectern-dev-status.json`)).ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > until) throw new Error('astro dev did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  test.afterAll(() => {
    if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  });

  test('the dev server serves the last build\'s index and search works', async ({ page }) => {
    const status = await (await fetch(`${ORIGIN}/pagefind/lectern-dev-status.json`)).json();
    expect(status.state).toBe('fresh');
    await page.goto(`${ORIGIN}/search/?q=dextrose`);
    await expect(page.locator('#search-page .lectern-result-link').first()).toContainText('LSTMc', { timeout: 30_000 });
    await expect(page.locator('[data-search-dev-note]').first()).toBeHidden();
  });

  test('a stale or missing index shows a visible note in dev', async ({ page }) => {
    await page.route('**/pagefind/lectern-dev-status.json', (route) =>
      route.fulfill({ json: { state: 'stale', message: 'search uses the index of the last build, older than topics.yaml; results may be out of date.' } }),
    );
    await page.goto(`${ORIGIN}/search/`);
    const note = page.locator('[data-search-states="default"] [data-search-dev-note]');
    await expect(note).toBeVisible({ timeout: 30_000 });
    await expect(note).toContainText('older than topics.yaml');
    await expect(note).toContainText('npm run build');
  });
});

const SUB_PORT = PORT + 1;
const SUB = `http://127.0.0.1:${SUB_PORT}/lectern/`;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

test.describe('sub-path hosting (LECTERN_BASE=/lectern/)', () => {
  let outDir = '';
  let server: Server | undefined;

  test.beforeAll(() => {
    test.setTimeout(180_000);
    outDir = mkdtempSync(join(tmpdir(), 'lectern-subpath-'));
    execFileSync('npx', ['astro', 'build', '--outDir', outDir], { env: { ...process.env, LECTERN_BASE: '/lectern/' }, stdio: 'ignore' });
    server = createServer((req, res) => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
      if (!path.startsWith('/lectern/')) {
        res.statusCode = 404;
        return res.end('outside the base');
      }
      let file = normalize(join(outDir, path.slice('/lectern/'.length)));
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!file.startsWith(outDir) || !existsSync(file)) {
        res.statusCode = 404;
        return res.end('not found');
      }
      res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      res.end(readFileSync(file));
    }).listen(SUB_PORT, '127.0.0.1');
  });

  test.afterAll(() => {
    server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('search page: facets, URL state and result links stay under the base', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${SUB}search/?q=dextrose`);
    await expect(page.locator('#search-page')).toHaveAttribute('data-search-ready', 'true');
    const link = page.locator('#search-page .lectern-result-link').first();
    await expect(link).toHaveAttribute('href', /^\/lectern\/papers\/[^/]+\/\?pagefind-highlight=dextrose$/);
    await page.locator('pagefind-filter-pane label', { hasText: 'Given in the source' }).click();
    await expect(page).toHaveURL(`${SUB}search/?q=dextrose&title=seed`);
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/lectern\/papers\/[^/]+\/\?pagefind-highlight=dextrose$/);
    await expect(page.locator('h1')).toContainText('LSTMc');
    await expect(page.locator('mark.pagefind-highlight').first()).toBeInViewport();
    expect(errors).toEqual([]);
  });

  test('header modal: results and the full-search link stay under the base', async ({ page }) => {
    await page.goto(`${SUB}topics/`);
    await page.keyboard.press('/');
    await page.locator('pagefind-modal input').fill('OpenVLA');
    await expect(page.locator('pagefind-modal .lectern-result-link').first()).toHaveAttribute('href', /^\/lectern\/papers\/openvla-/);
    await expect(page.locator('pagefind-modal [data-search-full]')).toHaveAttribute('href', '/lectern/search/?q=OpenVLA');
  });
});
