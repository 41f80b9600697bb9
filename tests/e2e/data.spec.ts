import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import Papa from 'papaparse';
import { builtPapers } from './helpers.ts';

test('papers.csv has every paper and parses as RFC 4180 CSV', async ({ request }) => {
  const res = await request.get('/data/papers.csv');
  expect(res.ok()).toBe(true);
  expect(res.headers()['content-type']).toContain('text/csv');
  const text = await res.text();
  expect(text).toContain('\r\n');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toHaveLength(536);
  const byId = new Map(builtPapers().map((p) => [p.id, p]));
  for (const row of parsed.data) {
    const p = byId.get(row.id!)!;
    expect(row.title).toBe(p.title);
    expect(row.abstract).toBe(p.abstract);
    expect(row.topics).toBe(p.topics.join('; '));
  }
});

test('RSS feeds (site and per topic) are valid XML with every paper', async ({ request, page }) => {
  const parser = new XMLParser({ ignoreAttributes: false });
  const site = await (await request.get('/feed.xml')).text();
  expect(SyntaxValidator.validate(site)).toBe(true);
  const channel = parser.parse(site).rss.channel;
  expect(channel['atom:link']['@_href']).toMatch(/\/feed\.xml$/);
  const items = channel.item as { title: string; link: string }[];
  expect(items).toHaveLength(536);
  expect(items.every((i) => /^http:\/\/.+\/papers\/[a-z0-9-]+\/$/.test(i.link))).toBe(true);

  await page.goto('/topics/robotics/');
  const alternate = page.locator('link[rel=alternate][type="application/rss+xml"]');
  await expect(alternate).toHaveCount(2);
  const topicHref = (await alternate.nth(1).getAttribute('href'))!;
  expect(topicHref).toBe('/topics/robotics/feed.xml');
  await expect(page.getByRole('link', { name: 'RSS feed' }).first()).toBeVisible();
  const topic = await (await request.get(topicHref)).text();
  expect(SyntaxValidator.validate(topic)).toBe(true);
  const topicItems = parser.parse(topic).rss.channel.item as unknown[];
  expect(topicItems).toHaveLength(builtPapers().filter((p) => p.topics.includes('robotics')).length);
});

test('robots.txt points at a sitemap that lists paper pages', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  const sitemapUrl = /^Sitemap: (.+)$/m.exec(robots)![1]!;
  expect(sitemapUrl).toMatch(/\/sitemap-index\.xml$/);
  const index = await (await request.get('/sitemap-index.xml')).text();
  expect(SyntaxValidator.validate(index)).toBe(true);
  const first = await (await request.get('/sitemap-0.xml')).text();
  expect(SyntaxValidator.validate(first)).toBe(true);
  expect(first).toContain('/papers/masked-trajectory-models-for-prediction-representation-and-control/');
  expect((first.match(/<loc>/g) ?? []).length).toBeGreaterThan(536);
  expect(first).not.toContain('/list/</loc>');
});

test('papers-index.json is the light index of every paper (no abstracts)', async ({ request }) => {
  const index = (await (await request.get('/data/papers-index.json')).json()) as { id: string; url: string; files: string[]; abstract?: string }[];
  const papers = builtPapers();
  expect(index.map((p) => p.id)).toEqual(papers.map((p) => p.id));
  expect(index.every((p) => p.abstract === undefined && p.files.length > 0)).toBe(true);
  expect(index.map((p) => p.url)).toEqual(papers.map((p) => p.url));
});

test('the only inline script is the byte-stable theme script', async ({ request }) => {
  const THEME_SCRIPT = "try{var t=localStorage.getItem('lectern:theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";
  for (const path of ['/', '/browse/', '/topics/robotics/', '/papers/masked-trajectory-models-for-prediction-representation-and-control/', '/list/', '/search/']) {
    const html = await (await request.get(path)).text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/application\/(ld\+)?json/.test(m[1]!)).map((m) => m[2]);
    expect(inline, path).toEqual([THEME_SCRIPT]);
    expect(html.indexOf(THEME_SCRIPT), path).toBeLessThan(html.indexOf('</head>'));
  }
});
