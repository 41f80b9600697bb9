import { existsSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gatePages } from './pages.ts';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core tag names). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Record Content-Security-Policy violations the page reports, from its first script on. */
async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
}

/** Show results for a query on a Pagefind search page. */
async function search(page: Page, query: string): Promise<void> {
  await page.locator('main pagefind-input input').fill(query);
  await expect(page.locator('main pagefind-results a[href*="/papers/"]').first()).toBeVisible();
}

/**
 * Themes to check: the system preference both ways and, when the site has the theme switch (its
 * inline script reads `localStorage['lectern:theme']` and sets `html[data-theme]`), a reader's
 * stored dark choice on a light system, which takes other CSS selectors.
 */
const THEME_SWITCH = existsSync('dist/index.html') && readFileSync('dist/index.html', 'utf8').includes('lectern:theme');
const THEMES = [
  { name: 'light', colorScheme: 'light' as const },
  { name: 'dark', colorScheme: 'dark' as const },
  ...(THEME_SWITCH ? [{ name: 'dark chosen with the theme switch', colorScheme: 'light' as const, stored: 'dark' }] : []),
];

for (const theme of THEMES) {
  test.describe(`${theme.name} theme`, () => {
    test.use({ colorScheme: theme.colorScheme });
    test.beforeEach(async ({ page }) => {
      if (theme.stored) await page.addInitScript((t) => localStorage.setItem('lectern:theme', t), theme.stored);
    });
    for (const p of gatePages()) {
      test(`${p.name} (${p.path}): no WCAG 2.2 AA violations, CSP violations or console errors`, async ({ page }) => {
        // axe on a long listing takes seconds; allow for a busy 2-core CI machine.
        test.setTimeout(90_000);
        const errors: string[] = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push(e.message));
        await recordCspViolations(page);
        const response = await page.goto(p.path);
        expect(response!.status()).toBe(p.name === '404' ? 404 : 200);
        if (theme.stored) await expect(page.locator('html')).toHaveAttribute('data-theme', theme.stored);
        if (p.query) await search(page, p.query);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        const violations = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join(' | ')}`,
        );
        expect(violations).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
        // A 404 response is itself logged as a console error by Chromium.
        expect(errors.filter((e) => !(p.name === '404' && e.includes('404')))).toEqual([]);
      });
    }
  });
}

test('search works under the shipped Content-Security-Policy', async ({ page }) => {
  await recordCspViolations(page);
  const blocked: string[] = [];
  page.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && blocked.push(m.text()));
  const response = await page.goto('/search/');
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp, 'the server sends dist/_headers').toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
  await search(page, 'dextrose');
  await expect(page.locator('main pagefind-results a[href*="/papers/"]')).not.toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(blocked).toEqual([]);
});
