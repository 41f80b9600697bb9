import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/enrich/catalog.ts';
import { mergeRecords, paperId } from '../../src/lib/enrich/merge.ts';
import { slugify, uniqueSlugs } from '../../src/lib/enrich/slug.ts';
import { deriveTitle } from '../../src/lib/enrich/title.ts';
import { parseSeed } from '../../src/lib/ingest/parse.ts';

const catalog = buildCatalog({ seedsDir: 'seeds', strict: false });

describe('merging and ids', () => {
  it('merges the 15 cross-file duplicates of the real seeds into 536 papers', () => {
    expect(catalog.report.records).toBe(551);
    expect(catalog.papers).toHaveLength(536);
    expect(catalog.report.duplicatesMerged).toBe(15);
  });

  it('keeps the seed title and lists both sources of Masked Trajectory Models', () => {
    const mtm = catalog.papers.find((p) => p.title === 'Masked Trajectory Models for Prediction, Representation, and Control')!;
    expect(mtm.titleSource).toBe('seed');
    expect(mtm.sources.map((s) => s.file)).toEqual(['001_3f9ad7b7bb7c19aa.txt', '002_49ebf336ccf7b00f.txt']);
  });

  it('prefers a title from any source over a derived one, whatever the order', () => {
    const untitled = parseSeed('a.txt', 'Abstract: ' + 'x '.repeat(10) + 'We study robots in depth and at length for a long time. '.repeat(6)).records;
    const titled = parseSeed('b.txt', 'Get trending papers in your email inbox!\nRobots Studied\n' + 'x '.repeat(10) + 'We study robots in depth and at length for a long time. '.repeat(6)).records;
    expect(mergeRecords([...untitled, ...titled])[0]!.title).toBe('Robots Studied');
    expect(mergeRecords([...titled, ...untitled])[0]!.title).toBe('Robots Studied');
  });

  it('gives ids from the normalised abstract, stable under re-ordering and whitespace', () => {
    expect(paperId('Some  Abstract text.')).toBe(paperId('some abstract text.'));
    const dir = mkdtempSync(join(tmpdir(), 'lectern-'));
    const original = readFileSync('seeds/003_eb2a9f99f397063b.txt', 'utf8').split('\n');
    const [b1, b2, ...rest] = original;
    const pairs: string[][] = [];
    for (let i = 0; i < rest.length; i += 2) pairs.push([rest[i]!, rest[i + 1]!]);
    writeFileSync(join(dir, 'reordered.txt'), [b1, b2, ...pairs.reverse().flat()].join('\n'));
    copyFileSync('seeds/topics.yaml', join(dir, 'topics.yaml'));
    const reordered = buildCatalog({ seedsDir: dir, strict: false });
    const fromOriginal = buildCatalog({ seedsDir: 'seeds', strict: false }).papers.filter((p) => p.sources.some((s) => s.file.startsWith('003')));
    const ids = (ps: { id: string; title: string }[]) => new Map(ps.map((p) => [p.id, p.title]));
    const a = ids(fromOriginal);
    for (const [id, title] of ids(reordered.papers)) expect(a.get(id), title).toBe(title);
    expect(reordered.papers).toHaveLength(262);
  });
});

describe('titles and slugs', () => {
  it('derives titles for every untitled paper and marks them', () => {
    const derived = catalog.papers.filter((p) => p.titleSource === 'derived');
    expect(derived.length).toBe(catalog.report.derivedTitles);
    expect(derived.length).toBeGreaterThan(10);
    for (const p of derived) expect(p.title.split(/\s+/).length).toBeLessThanOrEqual(13);
  });

  it('names the contribution when the abstract names one', () => {
    const abstractOf = (needle: string) => catalog.papers.find((p) => p.abstract.includes(needle))!.abstract;
    expect(deriveTitle(abstractOf('we propose Video Adapter'))).toBe('Video Adapter');
    expect(deriveTitle(abstractOf('Video Prediction Rewards (VIPER)'))).toBe('Video Prediction Rewards (VIPER)');
  });

  it('makes readable, unique slugs', () => {
    expect(slugify('Require Process Control? LSTMc is all you need!')).toBe('require-process-control-lstmc-is-all-you-need');
    expect(slugify('Łukasz & Café: ÜBER')).toBe('lukasz-cafe-uber');
    const slugs = uniqueSlugs([{ id: 'aaaaaa111111', base: 'x' }, { id: 'bbbbbb222222', base: 'x' }, { id: 'cccccc333333', base: 'y' }]);
    expect([...slugs.values()]).toEqual(['x-aaaaaa', 'x-bbbbbb', 'y']);
    expect(new Set(catalog.papers.map((p) => p.slug)).size).toBe(catalog.papers.length);
  });
});

describe('topics', () => {
  it('gives every paper at least one topic and fills at least 8 topics', () => {
    for (const p of catalog.papers) expect(p.topics.length, p.title).toBeGreaterThanOrEqual(1);
    expect(catalog.topics.filter((t) => t.count > 0).length).toBeGreaterThanOrEqual(8);
  });
});
