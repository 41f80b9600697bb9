import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';

/**
 * `npm run dev` has working search: the dev server serves the last build's index (tests run after
 * `astro build`, so it is fresh) and the UI says when it is missing or stale.
 * Starts `astro dev` on LECTERN_TEST_PORT + 50 for this file only.
 */
const PORT = Number(process.env.LECTERN_TEST_PORT || 4329) + 50;
const ORIGIN = `http://127.0.0.1:${PORT}`;
let dev: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

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
