/**
 * Scale benchmark (`npm run bench [-- 536 10000 50000]`): builds Lectern and a plain Astro +
 * Pagefind baseline from the same N abstracts and records wall time, peak memory, output size and
 * the bytes a reader downloads for a first search. Results go to `bench/results/<N>.json` and the
 * table in BENCHMARKS.md (between the `results` markers). Not a test: numbers depend on the machine.
 *
 * N = 536 uses the real seeds; other N use bench/generate.ts (seeded, deterministic).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import MiniSearch from 'minisearch';
import { buildCatalog } from '../src/lib/enrich/catalog.ts';
import { scanHtml, walkFiles } from '../src/lib/quality/html.ts';
import { serve } from '../scripts/serve.ts';
import { generatePapers, writeCorpus, writeMarkdown, type SyntheticPaper } from './generate.ts';

const ROOT = resolve('.');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const WORK = join(tmpdir(), 'lectern-bench');
const PORT = Number(process.env.LECTERN_TEST_PORT || 4336);
const QUERIES = ['reinforcement learning', 'video diffusion', 'robot manipulation'];
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Wall time and memory of one command. */
interface RunStats {
  wallMs: number;
  /** Peak of the summed RSS of the process tree, sampled every 100 ms (bytes). */
  peakTreeRss: number;
  /** Largest single process's peak RSS, from the kernel (getrusage via GNU time), bytes. */
  maxProcessRss: number;
  /**
   * User + system CPU time of the process tree, ms: less sensitive to a busy machine than wall
   * time. Sampled from /proc every 100 ms (so it includes children that are not waited for, such as
   * the Pagefind binary the Node API starts); the last < 100 ms of each process may be missed.
   */
  cpuMs: number;
}

/** CPU ticks (user + system) last seen per process of the measured tree. */
const cpuTicks = new Map<number, number>();

/**
 * RSS (bytes) of a process and all its descendants, from /proc; also records each one's CPU ticks
 * in {@link cpuTicks} (so processes that exit without being waited for are still counted).
 */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
      rss.set(Number(d), Number(fields[21]) * 4096);
      ticks.set(Number(d), Number(fields[11]) + Number(fields[12]));
    } catch {
      /* process ended while reading */
    }
  }
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    sum += rss.get(p) ?? 0;
    if (ticks.has(p)) cpuTicks.set(p, Math.max(cpuTicks.get(p) ?? 0, ticks.get(p)!));
    stack.push(...(children.get(p) ?? []));
  }
  return sum;
}

/** Run a command under GNU time, sampling the process tree's memory. Throws on a non-zero exit. */
function run(cmd: string, args: string[], env: Record<string, string>, log: string): Promise<RunStats> {
  const timeFile = `${log}.time`;
  return new Promise((ok, fail) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, cmd, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    cpuTicks.clear();
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      writeFileSync(log, output);
      if (code !== 0) return fail(new Error(`${cmd} ${args.join(' ')} exited ${code}; see ${log}\n${output.slice(-2000)}`));
      const time = readFileSync(timeFile, 'utf8');
      const field = (re: RegExp) => Number(re.exec(time)?.[1] ?? 0);
      const kb = field(/Maximum resident set size \(kbytes\): (\d+)/);
      // Kernel figure for waited-for children, or the sampled tree total if larger (10 ms per tick).
      const waited = (field(/User time \(seconds\): ([\d.]+)/) + field(/System time \(seconds\): ([\d.]+)/)) * 1000;
      const sampled = [...cpuTicks.values()].reduce((a, b) => a + b, 0) * 10;
      const cpuMs = Math.max(waited, sampled);
      ok({ wallMs, peakTreeRss: peak, maxProcessRss: kb * 1024, cpuMs });
    });
  });
}

/** Size and file count of a directory. */
function dirSize(dir: string): { bytes: number; files: number } {
  const files = walkFiles(dir);
  return { bytes: files.reduce((s, f) => s + statSync(join(dir, f)).size, 0), files: files.length };
}

/** Median and max of HTML + linked CSS gzip bytes over the paper pages of a Lectern build. */
function paperWeights(dist: string): { median: number; max: number; pages: number } {
  const gz = new Map<string, number>();
  const size = (f: string) => {
    if (!gz.has(f)) gz.set(f, existsSync(join(dist, f)) ? gzipSync(readFileSync(join(dist, f))).length : 0);
    return gz.get(f)!;
  };
  const w: number[] = [];
  for (const slug of readdirSync(join(dist, 'papers'))) {
    const file = `papers/${slug}/index.html`;
    if (!existsSync(join(dist, file))) continue;
    const html = readFileSync(join(dist, file));
    const css = scanHtml(html.toString('utf8')).stylesheets.map((h) => h.replace(/^\//, ''));
    w.push(gzipSync(html).length + [...new Set(css)].reduce((s, f) => s + size(f), 0));
  }
  w.sort((a, b) => a - b);
  return { median: w[Math.floor(w.length / 2)] ?? 0, max: w.at(-1) ?? 0, pages: w.length };
}

/** Bytes the browser fetches from /pagefind/ for a first search of each query on /search/, fresh cache each. */
/**
 * Bytes under /pagefind/ a fresh browser fetches for the first search of each query.
 * @param from - `search-page`: type into /search/ (with its facet pane, which loads every filter
 *   file); `header`: open the header search on a paper page and type there (no facets).
 */
async function firstSearchBytes(dist: string, from: 'search-page' | 'header' = 'search-page'): Promise<{ query: string; requests: number; raw: number; gzip: number; brotli: number; files: Record<string, number>; results: number }[]> {
  const server = await serve({ port: PORT, host: '127.0.0.1', root: dist, prefix: '/lectern/' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const out = [];
  try {
    for (const query of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies: Promise<Buffer | null>[] = [];
      const files: [string, Promise<Buffer | null>][] = [];
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (!path.startsWith('/pagefind/')) return;
        const body = r.body().catch(() => null);
        bodies.push(body);
        files.push([path, body]);
      });
      let results: number;
      if (from === 'search-page') {
        await page.goto(`http://127.0.0.1:${PORT}/search/`);
        await page.locator('main pagefind-input input').fill(query);
        await page.locator('main pagefind-results a').first().waitFor({ timeout: 120_000 });
        await page.waitForLoadState('networkidle');
        results = await page.locator('main pagefind-results a').count();
      } else {
        const paper = readdirSync(join(dist, 'papers'))[0]!;
        await page.goto(`http://127.0.0.1:${PORT}/papers/${paper}/`);
        await page.waitForLoadState('networkidle');
        await page.locator('header pagefind-modal-trigger button').click();
        await page.locator('pagefind-modal input').fill(query);
        await page.locator('pagefind-modal pagefind-results a').first().waitFor({ timeout: 120_000 });
        await page.waitForLoadState('networkidle');
        results = await page.locator('pagefind-modal pagefind-results a').count();
      }
      const got = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
      out.push({
        query,
        requests: got.length,
        raw: got.reduce((s, b) => s + b.length, 0),
        // What a compressing host sends: gzip of each body, unless it is already compressed.
        gzip: got.reduce((s, b) => s + Math.min(b.length, gzipSync(b).length), 0),
        brotli: got.reduce((s, b) => s + Math.min(b.length, brotliCompressSync(b).length), 0),
        files: Object.fromEntries(await Promise.all(files.map(async ([p, b]) => { const x = await b; return [p, x ? Math.min(x.length, gzipSync(x).length) : 0] as const; }))),
        results,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

/** Serialized MiniSearch index (title + abstract, storing title and id) over the same corpus. */
function miniSearchSize(papers: readonly SyntheticPaper[]): { raw: number; gzip: number; buildMs: number } {
  const started = performance.now();
  const ms = new MiniSearch({ fields: ['title', 'abstract'], storeFields: ['title'] });
  ms.addAll(papers.map((p, id) => ({ id, ...p })));
  const json = JSON.stringify(ms);
  return { raw: Buffer.byteLength(json), gzip: gzipSync(json).length, buildMs: performance.now() - started };
}

async function benchmark(n: number) {
  const dir = join(WORK, String(n));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let papers: SyntheticPaper[];
  let seeds: string;
  let markdown: string;
  if (n === 536) {
    papers = buildCatalog({ seedsDir: 'seeds' }).papers.map((p) => ({ title: p.title, abstract: p.abstract }));
    seeds = resolve('seeds');
    markdown = join(dir, 'md');
    writeMarkdown(papers, markdown);
  } else {
    papers = generatePapers(n);
    ({ seeds, markdown } = writeCorpus(papers, dir));
  }
  console.log(`[${n}] corpus ready: ${papers.length} papers`);

  const lecternOut = join(dir, 'lectern-dist');
  const lectern = await run('node', [ASTRO, 'build', '--force', '--outDir', lecternOut], { LECTERN_SEEDS: seeds, LECTERN_STRICT: '1' }, join(dir, 'lectern.log'));
  console.log(`[${n}] lectern ${(lectern.wallMs / 1000).toFixed(1)} s`);

  const baseOut = join(dir, 'baseline-dist');
  const astro = await run('node', [ASTRO, 'build', '--force', '--root', join(ROOT, 'bench/baseline'), '--outDir', baseOut], { BASELINE_CONTENT: markdown }, join(dir, 'baseline-astro.log'));
  const pf = await run('node', [PAGEFIND, '--site', baseOut], {}, join(dir, 'baseline-pagefind.log'));
  const baseline: RunStats = {
    wallMs: astro.wallMs + pf.wallMs,
    peakTreeRss: Math.max(astro.peakTreeRss, pf.peakTreeRss),
    maxProcessRss: Math.max(astro.maxProcessRss, pf.maxProcessRss),
    cpuMs: astro.cpuMs + pf.cpuMs,
  };
  console.log(`[${n}] baseline ${(baseline.wallMs / 1000).toFixed(1)} s (astro ${(astro.wallMs / 1000).toFixed(1)} + pagefind ${(pf.wallMs / 1000).toFixed(1)})`);

  const lecternHtml = walkFiles(lecternOut).filter((f) => f.endsWith('.html')).length;
  const baselineHtml = walkFiles(baseOut).filter((f) => f.endsWith('.html')).length;
  const result = {
    n,
    papers: papers.length,
    date: new Date().toISOString(),
    lectern: {
      ...lectern,
      pages: lecternHtml,
      pagesPerSecond: lecternHtml / (lectern.wallMs / 1000),
      dist: dirSize(lecternOut),
      pagefind: dirSize(join(lecternOut, 'pagefind')),
      paperPageGzip: paperWeights(lecternOut),
      firstSearch: await firstSearchBytes(lecternOut),
      firstSearchHeader: await firstSearchBytes(lecternOut, 'header'),
    },
    baseline: {
      ...baseline,
      astroMs: astro.wallMs,
      pagefindMs: pf.wallMs,
      pages: baselineHtml,
      pagesPerSecond: baselineHtml / (baseline.wallMs / 1000),
      dist: dirSize(baseOut),
      pagefind: dirSize(join(baseOut, 'pagefind')),
    },
    minisearch: miniSearchSize(papers),
    machine: machine(),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${n}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`[${n}] done: bench/results/${n}.json`);
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  return result;
}

function machine() {
  return { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAtEnd: loadavg().map((x) => x.toFixed(1)).join(' ') };
}

const kB = (b: number) => `${(b / 1024).toFixed(1)} kB`;
const MB = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Result = Awaited<ReturnType<typeof benchmark>>;

/** Render the results table into BENCHMARKS.md between the markers. */
function writeTable(): void {
  const results: Result[] = (existsSync('bench/results') ? readdirSync('bench/results') : [])
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join('bench/results', f), 'utf8')) as Result)
    .sort((a, b) => a.n - b.n);
  if (results.length === 0) return;
  const col = (f: (r: Result) => string) => results.map(f).join(' | ');
  const byN = new Map(results.map((r) => [r.n, r]));
  const rows: [string, (r: Result) => string][] = [
    ['papers', (r) => String(r.papers)],
    ['**Lectern** build wall time', (r) => s(r.lectern.wallMs)],
    ['Lectern CPU time (user + sys)', (r) => (r.lectern.cpuMs ? s(r.lectern.cpuMs) : '–')],
    ['Lectern peak RSS, process tree (largest process)', (r) => `${MB(r.lectern.peakTreeRss)} (${MB(r.lectern.maxProcessRss)})`],
    ['Lectern pages (HTML files) / s', (r) => `${r.lectern.pages} / ${r.lectern.pagesPerSecond.toFixed(0)}`],
    ['Lectern dist size, files', (r) => `${MB(r.lectern.dist.bytes)}, ${r.lectern.dist.files}`],
    ['Lectern Pagefind index size, files', (r) => `${MB(r.lectern.pagefind.bytes)}, ${r.lectern.pagefind.files}`],
    ['Lectern first search, per query: gzip / brotli / raw (all of /pagefind/, UI included)', (r) => r.lectern.firstSearch.map((q) => `${kB(q.gzip)} / ${kB(q.brotli)} / ${kB(q.raw)}`).join('<br>')],
    ['Lectern first search from the header of a paper page (no facet pane), gzip per query', (r) => (r.lectern.firstSearchHeader ? r.lectern.firstSearchHeader.map((q) => kB(q.gzip)).join('<br>') : '–')],
    ['… of which the Component UI (JS + CSS, gzip)', (r) => kB(Object.entries(r.lectern.firstSearch[0]?.files ?? {}).filter(([p]) => p.includes('component-ui')).reduce((t, [, b]) => t + b, 0))],
    ['Lectern paper page HTML+CSS gzip, median (max)', (r) => `${kB(r.lectern.paperPageGzip.median)} (${kB(r.lectern.paperPageGzip.max)})`],
    ['**Baseline** wall time (astro + pagefind)', (r) => `${s(r.baseline.wallMs)} (${s(r.baseline.astroMs)} + ${s(r.baseline.pagefindMs)})`],
    ['Baseline CPU time (user + sys)', (r) => (r.baseline.cpuMs ? s(r.baseline.cpuMs) : '–')],
    ['Baseline peak RSS, process tree (largest process)', (r) => `${MB(r.baseline.peakTreeRss)} (${MB(r.baseline.maxProcessRss)})`],
    ['Baseline pages / s', (r) => `${r.baseline.pages} / ${r.baseline.pagesPerSecond.toFixed(0)}`],
    ['Baseline dist size, files', (r) => `${MB(r.baseline.dist.bytes)}, ${r.baseline.dist.files}`],
    ['Baseline Pagefind index size', (r) => MB(r.baseline.pagefind.bytes)],
    ['**Time ratio** Lectern / baseline', (r) => `${(r.lectern.wallMs / r.baseline.wallMs).toFixed(2)}×`],
    ['CPU-time ratio Lectern / baseline', (r) => (r.lectern.cpuMs && r.baseline.cpuMs ? `${(r.lectern.cpuMs / r.baseline.cpuMs).toFixed(2)}×` : '–')],
    ['**Memory ratio** Lectern / baseline (tree peak)', (r) => `${(r.lectern.peakTreeRss / r.baseline.peakTreeRss).toFixed(2)}×`],
    ['Lectern time / time at 10k', (r) => (byN.get(10000) ? `${(r.lectern.wallMs / byN.get(10000)!.lectern.wallMs).toFixed(2)}` : '–')],
    ['MiniSearch whole index (gzip / raw)', (r) => `${kB(r.minisearch.gzip)} / ${kB(r.minisearch.raw)}`],
    ['Machine load average at end', (r) => r.machine.loadAtEnd],
  ];
  const table = [
    `| | ${col((r) => `N = ${r.n}`)} |`,
    `|---|${col(() => '---')}|`,
    ...rows.map(([label, f]) => `| ${label} | ${col(f)} |`),
    '',
    `First-search queries: ${QUERIES.map((q) => `"${q}"`).join(', ')}. Machine: ${results[0]!.machine.cpus} × ${results[0]!.machine.cpu}, ${results[0]!.machine.memGiB} GiB, Node ${results[0]!.machine.node}.`,
  ].join('\n');
  const md = existsSync('BENCHMARKS.md') ? readFileSync('BENCHMARKS.md', 'utf8') : '# Benchmarks\n\n<!-- results:start -->\n<!-- results:end -->\n';
  writeFileSync('BENCHMARKS.md', md.replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, `<!-- results:start -->\n${table}\n<!-- results:end -->`));
}

const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
for (const n of sizes.length ? sizes : [536, 10000, 50000]) await benchmark(n);
writeTable();
