import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addScriptHashesToHeadersFile, addScriptHashesToPolicy, headersFor, matchesPattern, parseHeadersFile, scriptHashSource } from '../../src/lib/site/headers.ts';
import { scanHtml, scriptElementSources } from '../../src/lib/quality/html.ts';
import { pageUrlPath, resolveLink } from '../../src/lib/quality/links.ts';
import { buildCatalog } from '../../src/lib/enrich/catalog.ts';
import { generatePapers, writeCorpus } from '../../bench/generate.ts';

describe('_headers', () => {
  const file = `# comment\n/*\n  X-A: 1\n  Content-Security-Policy: default-src 'self'; script-src 'self'\n\n/_astro/*\n  Cache-Control: immutable\n  X-A: 2\n`;

  test('parses blocks and merges the headers of every matching block', () => {
    const rules = parseHeadersFile(file);
    expect(rules.map((r) => r.pattern)).toEqual(['/*', '/_astro/*']);
    expect(headersFor(rules, '/_astro/x.css').get('x-a')).toBe('1, 2');
    expect(headersFor(rules, '/papers/x/').get('cache-control')).toBeUndefined();
  });

  test('patterns: * spans segments, :name matches one segment', () => {
    expect(matchesPattern('/*', '/a/b/c')).toBe(true);
    expect(matchesPattern('/papers/:slug/', '/papers/x/')).toBe(true);
    expect(matchesPattern('/papers/:slug/', '/papers/x/y/')).toBe(false);
    expect(matchesPattern('/a.b', '/aXb')).toBe(false);
  });

  test('a header line outside a block is an error naming the line', () => {
    expect(() => parseHeadersFile('  X-A: 1\n')).toThrow(/line 1/);
  });

  test('script hashes: the CSP Level 2 sha256 of the exact text, added sorted and once', () => {
    // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
    expect(scriptHashSource('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    expect(addScriptHashesToPolicy("default-src 'self'; script-src 'self'", ["'sha256-b'", "'sha256-a'", "'sha256-b'"])).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'");
    expect(() => addScriptHashesToPolicy("default-src 'self'", ["'sha256-a'"])).toThrow(/script-src/);
    const out = addScriptHashesToHeadersFile(file, ["'sha256-a'"]);
    expect(out).toContain("# comment\n/*\n  X-A: 1\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-a'\n");
  });
});

describe('scanHtml', () => {
  const facts = scanHtml(
    `<!doctype html><html><head><link rel="stylesheet" href="/a.css"><script type="module" src="/x.js"></script>` +
      `<script>if (a &amp;&amp; b < c) go()</script><script type="application/ld+json">{"a":1}</script></head>` +
      `<body><a id="top" href="/p/?q=1&amp;r=2#top">x</a><img srcset="/i1.png 1x, /i2.png 2x" alt=""><button onclick="x()">b</button></body></html>`,
  );

  test('finds URLs (entity-decoded), stylesheets, scripts and ids', () => {
    expect(facts.urls.map((u) => u.url)).toEqual(['/a.css', '/x.js', '/p/?q=1&r=2#top', '/i1.png', '/i2.png']);
    expect(facts.stylesheets).toEqual(['/a.css']);
    expect(facts.externalScripts).toEqual([{ src: '/x.js', type: 'module' }]);
    expect([...facts.ids]).toEqual(['top']);
  });

  test('keeps executable inline script text raw (as the browser hashes it) and skips data blocks', () => {
    expect(facts.inlineScripts).toEqual(['if (a &amp;&amp; b < c) go()']);
    expect(facts.eventHandlers).toEqual(['button[onclick]']);
  });
});

describe('scriptElementSources', () => {
  test('slices every script element; parsing the slices finds the same inline scripts as parsing the page', () => {
    const page = '<head><script>var a = "<b>";</script><script type="application/ld+json">{"x":"</scr"}</script></head><body><p>a &lt;script&gt; in text</p><script type=module src="/x.js"></script><script>unterminated';
    const slices = scriptElementSources(page);
    expect(slices).toHaveLength(4);
    expect(slices[0]).toBe('<script>var a = "<b>";</script>');
    expect(slices.flatMap((s) => scanHtml(s).inlineScripts)).toEqual(scanHtml(page).inlineScripts);
  });
  test('a page without scripts has none', () => {
    expect(scriptElementSources('<p>scripting</p>')).toEqual([]);
  });
});

describe('resolveLink', () => {
  const files = new Set(['index.html', 'papers/x/index.html', 'data/papers.json', '404.html']);
  const isFile = (f: string) => files.has(f);
  const r = (url: string, page = '/papers/x/', base = '/') => resolveLink(url, page, base, 'http://localhost:4321', isFile);

  test('maps directory URLs to index.html and keeps fragments', () => {
    expect(r('/papers/x/#abstract')).toEqual({ kind: 'file', file: 'papers/x/index.html', id: 'abstract' });
    expect(r('../../data/papers.json')).toEqual({ kind: 'file', file: 'data/papers.json', id: undefined });
    expect(r('#top')).toEqual({ kind: 'fragment', id: 'top' });
  });

  test('flags links that miss the trailing slash or leave the base', () => {
    expect(r('/papers/x').kind).toBe('no-trailing-slash');
    expect(r('/papers/x/', '/lectern/papers/x/', '/lectern/').kind).toBe('outside-base');
    expect(r('/lectern/papers/x/', '/lectern/', '/lectern/')).toMatchObject({ kind: 'file', file: 'papers/x/index.html' });
  });

  test('treats other origins as external and the site origin as internal', () => {
    expect(r('https://arxiv.org/abs/1').kind).toBe('external');
    expect(r('http://localhost:4321/papers/x/')).toMatchObject({ kind: 'file', file: 'papers/x/index.html' });
  });

  test('page files map to their URL paths', () => {
    expect(pageUrlPath('index.html', '/lectern/')).toBe('/lectern/');
    expect(pageUrlPath('papers/x/index.html', '/')).toBe('/papers/x/');
    expect(pageUrlPath('404.html', '/')).toBe('/404.html');
  });
});

describe('benchmark corpus generator', () => {
  test('is deterministic for a seed and differs between seeds', () => {
    expect(generatePapers(20, 7)).toEqual(generatePapers(20, 7));
    expect(generatePapers(20, 8)).not.toEqual(generatePapers(20, 7));
  });

  test('writes seed files that ingest without warnings into exactly N papers, some with TeX and URLs', () => {
    const papers = generatePapers(300, 1);
    const dir = mkdtempSync(join(tmpdir(), 'lectern-gen-'));
    try {
      const { seeds, markdown } = writeCorpus(papers, dir);
      const catalog = buildCatalog({ seedsDir: seeds, strict: true });
      expect(catalog.papers).toHaveLength(300);
      expect(catalog.report.derivedTitles).toBe(0);
      expect(papers.filter((p) => p.abstract.includes('$')).length).toBeGreaterThan(10);
      expect(papers.filter((p) => p.abstract.includes('https://')).length).toBeGreaterThan(10);
      const md = readdirSync(markdown);
      expect(md).toHaveLength(300);
      expect(readFileSync(join(markdown, md[0]!), 'utf8')).toMatch(/^---\ntitle: .+\n---\n\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
