/**
 * Search benchmark (not a test): what the first search costs a reader, on the built site.
 *   npm run build && npm run bench:search        (serves dist/ with `astro preview` on LECTERN_BENCH_PORT, default 4391)
 * Measures in a cold browser profile:
 * - page weight of search on an ordinary page (Component UI script + stylesheet loaded by every page);
 * - bytes fetched for the first query typed into the header modal (index entry, WebAssembly,
 *   metadata, index chunks, filters, result fragments), as sent by the server and gzipped
 *   (what a static host with compression sends; Pagefind's index files are already compressed);
 * - time from the query being typed to the first result on screen (includes the Component UI's
 *   300 ms input debounce), median of 5 cold runs.
 * Prints a Markdown table and writes bench/out/search.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const PORT = Number(process.env.LECTERN_BENCH_PORT || 4391);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const QUERY = 'world models';
const RUNS = 5;

interface Fetched {
  url: string;
  bytes: number;
  gzip: number;
}

/** Record every response body fetched while `action` runs. */
async function recordFetches(page: Page, action: () => Promise<void>): Promise<Fetched[]> {
  const out: Promise<Fetched | null>[] = [];
  const onResponse = (res: import('@playwright/test').Response) => {
    out.push(
      res
        .body()
        .then((body) => {
          const compressed = /\.(pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/.test(new URL(res.url()).pathname);
          return { url: new URL(res.url()).pathname, bytes: body.length, gzip: compressed ? body.length : gzipSync(body).length };
        })
        .catch(() => null),
    );
  };
  page.on('response', onResponse);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  return (await Promise.all(out)).filter((f): f is Fetched => f !== null);
}

const sum = (fs: Fetched[], k: 'bytes' | 'gzip') => fs.reduce((a, f) => a + f[k], 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  if (!existsSync('dist/pagefind/pagefind.js')) throw new Error('Build first: npm run build');
  const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { stdio: 'ignore', detached: true });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${ORIGIN}/`)).ok) break;
      } catch {
        if (i > 120) throw new Error('astro preview did not start');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const browser = await chromium.launch({
      executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const times: number[] = [];
    let pageLoad: Fetched[] = [];
    let firstQuery: Fetched[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext(); // cold cache every run
      const page = await context.newPage();
      const load = await recordFetches(page, async () => {
        await page.goto(`${ORIGIN}/topics/`);
        await page.locator('header pagefind-modal-trigger button').waitFor();
      });
      let elapsed = 0;
      // From opening the modal (which starts loading the index) to the first result on screen.
      const query = await recordFetches(page, async () => {
        await page.keyboard.press('/');
        const input = page.locator('pagefind-modal input');
        await input.waitFor();
        const started = Date.now();
        await input.fill(QUERY);
        await page.locator('pagefind-modal .lectern-result-link').first().waitFor();
        elapsed = Date.now() - started;
      });
      times.push(elapsed);
      if (run === 0) {
        pageLoad = load.filter((f) => f.url.includes('/pagefind/'));
        firstQuery = query;
      }
      await context.close();
    }
    await browser.close();
    times.sort((a, b) => a - b);
    const result = {
      query: QUERY,
      uiOnEveryPage: { files: pageLoad, bytes: sum(pageLoad, 'bytes'), gzip: sum(pageLoad, 'gzip') },
      firstQuery: { files: firstQuery, bytes: sum(firstQuery, 'bytes'), gzip: sum(firstQuery, 'gzip') },
      timeToFirstResultsMs: { median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1), runs: times },
    };
    mkdirSync('bench/out', { recursive: true });
    writeFileSync('bench/out/search.json', JSON.stringify(result, null, 2));
    console.log(`| Search measure (localhost, cold cache) | Value |
|---|---|
| Component UI loaded by every page (${pageLoad.length} files) | ${kb(result.uiOnEveryPage.bytes)} (${kb(result.uiOnEveryPage.gzip)} gzipped) |
| Opening the header modal + first query "${QUERY}" (${firstQuery.length} requests) | ${kb(result.firstQuery.bytes)} (${kb(result.firstQuery.gzip)} gzipped) |
| Time from typing to first result (median of ${RUNS}, incl. 300 ms debounce) | ${result.timeToFirstResultsMs.median} ms (min ${result.timeToFirstResultsMs.min}, max ${result.timeToFirstResultsMs.max}) |`);
    for (const f of firstQuery) console.log(`  ${f.url}  ${f.bytes} B`);
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

await main();
