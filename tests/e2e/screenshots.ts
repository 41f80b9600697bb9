/**
 * Take screenshots of the built site for a human to look at (not a test):
 *   npx astro preview --port 4329 &  node tests/e2e/screenshots.ts [outDir]
 * Light and dark, wide and narrow. THEME=dark also sets the theme toggle's choice.
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const out = process.argv[2] ?? 'test-results/screenshots';
const base = process.env.LECTERN_URL ?? 'http://127.0.0.1:4329';
const pages = (process.env.PAGES ?? '/,/topics/robotics/,/papers/masked-trajectory-models-for-prediction-representation-and-control/,/list/,/search/?q=world,/404.html').split(',');
/** A few saved papers (with statuses and a note) so /list/ shows items. */
const ids = (JSON.parse(readFileSync('dist/data/papers.json', 'utf8')) as { id: string }[]).slice(0, 6).map((p) => p.id);
const statuses = ['to-read', 'to-read', 'reading', 'reading', 'read', 'read'];
const seeded = JSON.stringify({
  version: 1,
  papers: Object.fromEntries(ids.map((id, i) => [id, { saved: true, status: statuses[i], note: i === 2 ? 'Compare with the masked-trajectory paper.' : '', updated: '2026-01-01T00:00:00.000Z' }])),
});
mkdirSync(out, { recursive: true });
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const scheme of ['light', 'dark'] as const) {
  for (const [label, viewport] of [['wide', { width: 1280, height: 900 }], ['narrow', { width: 390, height: 844 }]] as const) {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
    await page.addInitScript((state) => localStorage.setItem('lectern:reading:v1', state), seeded);
    // THEME=light|dark: the reader's explicit choice (header toggle) instead of the system scheme.
    if (process.env.THEME) await page.addInitScript((theme) => localStorage.setItem('lectern:theme', theme), process.env.THEME);
    for (const path of pages) {
      await page.goto(base + path);
      await page.waitForTimeout(path.includes('search') ? 1500 : 200);
      const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${scheme}-${label}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: false });
    }
    await page.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
