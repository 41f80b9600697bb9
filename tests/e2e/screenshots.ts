/**
 * Take screenshots of the built site for a human to look at (not a test):
 *   npx astro preview --port 4329 &  node tests/e2e/screenshots.ts [outDir]
 * Light and dark, wide and narrow.
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';

const out = process.argv[2] ?? 'test-results/screenshots';
const base = process.env.LECTERN_URL ?? 'http://127.0.0.1:4329';
const pages = (process.env.PAGES ?? '/,/topics/robotics/,/papers/masked-trajectory-models-for-prediction-representation-and-control/,/search/?q=world,/404.html').split(',');
mkdirSync(out, { recursive: true });
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const scheme of ['light', 'dark'] as const) {
  for (const [label, viewport] of [['wide', { width: 1280, height: 900 }], ['narrow', { width: 390, height: 844 }]] as const) {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
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
