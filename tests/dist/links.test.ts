import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { walkFiles } from '../../src/lib/quality/html.ts';
import { pageUrlPath, resolveLink } from '../../src/lib/quality/links.ts';
import { DIST, DIST_SUB, htmlPages, SUB_BASE, summarise } from './helpers.ts';

/** Origin of absolute self-links (canonical, sitemap, feeds): `LECTERN_SITE`, as astro.config.mjs. */
const SITE = new URL(process.env.LECTERN_SITE || 'http://localhost:4321').origin;

/** `<loc>` and `<link>` values of the XML files (sitemaps, feeds). */
function xmlUrls(text: string): string[] {
  const out: string[] = [];
  let inUrl = false;
  let buf = '';
  const p = new Parser(
    {
      onopentag(name) {
        if (name === 'loc' || name === 'link') (inUrl = true), (buf = '');
      },
      ontext(t) {
        if (inUrl) buf += t;
      },
      onclosetag(name) {
        if ((name === 'loc' || name === 'link') && inUrl) {
          if (buf.trim()) out.push(buf.trim());
          inUrl = false;
        }
      },
    },
    { xmlMode: true },
  );
  p.write(text);
  p.end();
  return out;
}

/** Every broken internal link of a build. */
function brokenLinks(dir: string, base: string): { key: string; where: string }[] {
  const files = new Set(walkFiles(dir));
  const pages = htmlPages(dir);
  const ids = new Map(pages.map((p) => [p.file, p.facts.ids]));
  const isFile = (f: string) => files.has(f);
  const broken: { key: string; where: string }[] = [];
  const check = (url: string, pagePath: string, where: string, selfIds?: Set<string>) => {
    if (/^(mailto|tel|data|blob):/i.test(url.trim())) return;
    if (/^javascript:/i.test(url.trim())) return broken.push({ key: `javascript: URL`, where });
    const t = resolveLink(url, pagePath, base, SITE, isFile);
    if (t.kind === 'external') return;
    if (t.kind === 'fragment') {
      if (t.id !== '' && selfIds && !selfIds.has(t.id)) broken.push({ key: `fragment #${t.id} has no target in its page`, where });
      return;
    }
    if (t.kind === 'outside-base') return broken.push({ key: `${url} is outside the base ${base}`, where });
    if (t.kind === 'no-trailing-slash') return broken.push({ key: `${url} lacks the trailing slash (trailingSlash: 'always')`, where });
    if (!files.has(t.file)) return broken.push({ key: `${url} → no file ${t.file}`, where });
    if (t.id && ids.has(t.file) && !ids.get(t.file)!.has(t.id)) broken.push({ key: `${url}: no id "${t.id}" in ${t.file}`, where });
  };
  for (const { file, facts } of pages) {
    const pagePath = pageUrlPath(file, base);
    for (const ref of facts.urls) check(ref.url, pagePath, `${file} <${ref.tag} ${ref.attr}>`, facts.ids);
  }
  for (const file of [...files].filter((f) => f.endsWith('.xml'))) {
    for (const url of xmlUrls(readFileSync(join(dir, file), 'utf8'))) check(url, pageUrlPath(file, base), file);
  }
  return broken;
}

describe('no broken internal links', () => {
  test('dist/ (base /)', () => {
    expect(htmlPages(DIST).length).toBeGreaterThan(3);
    expect(summarise(brokenLinks(DIST, '/'))).toEqual([]);
  });

  test(`dist-sub/ (base ${SUB_BASE}): every link stays under the prefix`, () => {
    const pages = htmlPages(DIST_SUB);
    expect(pages.length).toBe(htmlPages(DIST).length);
    // A sub-path build whose pages still point at "/papers/…" would pass a plain file check when
    // served from "/", so every internal URL must carry the prefix.
    expect(summarise(brokenLinks(DIST_SUB, SUB_BASE))).toEqual([]);
  });
});
