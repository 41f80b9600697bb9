/**
 * Catalog-level guarantees of issue 3: conservation in the report (item 1), invalid files and
 * strict mode (item 2), maintainer overrides (item 7) and the report table (item 8).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, OverrideError, StrictModeError } from '../../src/lib/enrich/catalog.ts';
import { mergeTopics, parseOverrides } from '../../src/lib/enrich/overrides.ts';
import { paperLinkLabel } from '../../src/lib/site/overrides.ts';
import { formatTextTable, reportRows } from '../../src/lib/enrich/report.ts';
import { ingestDirectory } from '../../src/lib/ingest/index.ts';
import { reportOutputSchema } from '../../src/lib/schema.ts';

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url);

/** A temporary seeds directory with a two-topic taxonomy and the given files (name → contents). */
function seedsDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-seeds-'));
  writeFileSync(
    join(dir, 'topics.yaml'),
    [
      'topics:',
      '  - { slug: robotics, name: Robotics, description: Robots., phrases: [robot, robots, demonstrations] }',
      '  - { slug: parsing, name: Parsing, description: Parsing text., phrases: [parse, parser, listings] }',
      '  - { slug: other, name: Other, description: Everything else., phrases: [zzzz], fallback: true }',
    ].join('\n'),
  );
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(dir, name), contents);
  return dir;
}

const real = buildCatalog({ seedsDir: 'seeds', strict: false });

describe('conservation on the real seeds', () => {
  const { sources } = ingestDirectory('seeds');

  it('accounts for every line of every seed file: paper, boilerplate, blank or warning', () => {
    expect(sources).toHaveLength(5);
    for (const s of sources) {
      expect(s.lineKinds, s.file).toHaveLength(s.lines);
      expect(s.lineKinds.filter((k) => k === undefined), s.file).toEqual([]);
      for (const [kind, n] of [['paper', s.paperLines], ['boilerplate', s.boilerplateLines], ['blank', s.blankLines], ['warning', s.warnings.length]] as const) {
        expect(s.lineKinds.filter((k) => k === kind).length, `${s.file} ${kind}`).toBe(n);
      }
      expect(s.paperLines + s.boilerplateLines + s.blankLines + s.warnings.length, s.file).toBe(s.lines);
      const recordLines = s.records.flatMap((r) => r.lines);
      expect(new Set(recordLines).size, `${s.file}: a line in two records`).toBe(recordLines.length);
    }
  });

  it('has the line counts of the files on disk and no warnings (so strict CI stays green)', () => {
    expect(real.report.sources.map((s) => [s.file.slice(0, 3), s.lines, s.paperLines, s.boilerplateLines, s.blankLines, s.warnings.length])).toEqual([
      ['000', 10, 10, 0, 0, 0],
      ['001', 388, 386, 2, 0, 0],
      ['002', 11, 10, 1, 0, 0],
      ['003', 526, 524, 2, 0, 0],
      ['004', 313, 152, 5, 156, 0],
    ]);
    expect(real.report.skipped).toEqual([]);
    expect(() => buildCatalog({ seedsDir: 'seeds', strict: true })).not.toThrow();
  });

  it('splits records into papers and duplicates per source, summing to the catalog totals', () => {
    const r = real.report;
    expect(reportOutputSchema.parse(r)).toBeTruthy();
    for (const s of r.sources) expect(s.papers + s.duplicates, s.file).toBe(s.records);
    expect(r.sources.reduce((n, s) => n + s.papers, 0)).toBe(r.papers);
    expect(r.sources.reduce((n, s) => n + s.duplicates, 0)).toBe(r.duplicatesMerged);
    expect(r.sources.reduce((n, s) => n + s.derivedTitles, 0)).toBe(r.derivedTitles);
    expect(r.sources.map((s) => s.duplicates)).toEqual([0, 0, 2, 11, 2]);
    expect(r.derivedTitles).toBe(18);
  });

  it('flags the abstracts that stop mid-sentence, and only those', () => {
    const flagged = real.papers.filter((p) => p.truncated).map((p) => `${p.sources[0]!.file.slice(0, 3)}:${p.sources[0]!.line}`);
    // 004:247 ends "…stochastic rewards and transition" (cut mid-word); 001:305 and 003:55 lack their final period.
    expect(flagged.sort()).toEqual(['001:305', '003:55', '004:247']);
    // The last record of the 004 seed ends with a full stop: it is complete, not truncated.
    const last004 = sources[4]!.records.at(-1)!;
    expect(last004.abstract.endsWith('state-of-the-art methods.')).toBe(true);
    expect(last004.truncated).toBe(false);
  });
});

describe('invalid seed files and strict mode', () => {
  const good = new Uint8Array(readFileSync(fixture('hf-compact.txt')));
  const files = {
    'good.txt': good,
    'empty.txt': '',
    'binary.txt': new Uint8Array([0x52, 0x6f, 0x62, 0x00, 0x01]),
    'latin1.txt': new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, 0x0a]),
    'notes.md': 'not a seed: only *.txt files are read',
  };

  it('skips unreadable files with a message naming each one, and still builds the rest', () => {
    const dir = seedsDir(files);
    mkdirSync(join(dir, 'folder.txt'));
    const c = buildCatalog({ seedsDir: dir, strict: false });
    expect(c.papers.map((p) => p.title).sort()).toEqual(['A First Paper: Doing Things Well', 'A Second Paper on Robots']);
    expect(c.report.sources.map((s) => s.file)).toEqual(['good.txt']);
    expect(c.report.skipped).toEqual([
      { file: 'binary.txt', message: 'binary.txt: contains a NUL byte at byte offset 3; not a text file; file skipped' },
      { file: 'empty.txt', message: 'empty.txt: file is empty; file skipped' },
      { file: 'folder.txt', message: 'folder.txt: cannot be read (EISDIR); file skipped' },
      { file: 'latin1.txt', message: 'latin1.txt: is not valid UTF-8 (invalid byte sequence at byte offset 3); file skipped' },
    ]);
  });

  it('with strict on, fails with the same messages, naming every file and line', () => {
    const dir = seedsDir({ ...files, 'cut.txt': readFileSync(fixture('quirks/cut-off.txt')) });
    let error: unknown;
    try {
      buildCatalog({ seedsDir: dir, strict: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StrictModeError);
    const message = (error as Error).message;
    expect(message).toContain('LECTERN_STRICT=1 and ingest reported 4 warning(s)');
    expect(message).toContain('binary.txt: contains a NUL byte at byte offset 3');
    expect(message).toContain('empty.txt: file is empty');
    expect(message).toContain('latin1.txt: is not valid UTF-8 (invalid byte sequence at byte offset 3)');
    expect(message).toMatch(/cut\.txt:6: title with no abstract after it \(end of file\)/);
    // The same directory without strict builds, keeping the truncated abstract flagged.
    const lax = buildCatalog({ seedsDir: dir, strict: false });
    expect(lax.papers.find((p) => p.title === 'A Paper Cut Off at the End')!.truncated).toBe(true);
  });

  it('reads strict mode from LECTERN_STRICT=1 by default', () => {
    const dir = seedsDir(files);
    const before = process.env.LECTERN_STRICT;
    process.env.LECTERN_STRICT = '1';
    try {
      expect(() => buildCatalog({ seedsDir: dir })).toThrow(/empty\.txt: file is empty/);
    } finally {
      if (before === undefined) delete process.env.LECTERN_STRICT;
      else process.env.LECTERN_STRICT = before;
    }
  });
});

describe('maintainer overrides', () => {
  const seedText = readFileSync(fixture('hf-compact.txt'), 'utf8') as string;
  const bareText = readFileSync(fixture('bare.txt'), 'utf8') as string;
  const base = buildCatalog({ seedsDir: seedsDir({ 'a.txt': seedText, 'b.txt': bareText }), strict: false });
  const byTitle = (t: RegExp) => base.papers.find((p) => t.test(p.title))!;
  const first = byTitle(/^A First Paper/);
  const derived = base.papers.find((p) => p.titleSource === 'derived')!;

  it('changes nothing when there is no overrides file', () => {
    expect(base.report.overridden).toBe(0);
    expect(base.papers.some((p) => p.url || p.links || p.note)).toBe(false);
  });

  it('applies title, url, links, topics and note; an override title counts as a seed title', () => {
    const overrides = [
      `${derived.id}:`,
      '  title: A Human Title for an Untitled Abstract',
      '  url: https://arxiv.org/abs/2305.02968',
      '  links:',
      '    - { label: Code, url: "https://github.com/example/repo" }',
      '  note: Checked by hand.',
      `${first.id}:`,
      '  topics: [robotics]',
    ].join('\n');
    const c = buildCatalog({ seedsDir: seedsDir({ 'a.txt': seedText, 'b.txt': bareText, 'overrides.yaml': overrides }), strict: false });
    const p = c.papers.find((x) => x.id === derived.id)!;
    expect(p).toMatchObject({
      title: 'A Human Title for an Untitled Abstract',
      titleSource: 'seed',
      slug: 'a-human-title-for-an-untitled-abstract',
      url: 'https://arxiv.org/abs/2305.02968',
      links: [{ label: 'Code', url: 'https://github.com/example/repo' }],
      note: 'Checked by hand.',
    });
    expect(c.report.derivedTitles).toBe(base.report.derivedTitles - 1);
    expect(c.report.overridden).toBe(2);
    const f = c.papers.find((x) => x.id === first.id)!;
    expect(f.topics).toContain('robotics');
    expect(f.topics).not.toContain('other'); // the fallback goes once a real topic is given
    expect(f.topics.slice(0, first.topics.filter((t) => t !== 'other').length)).toEqual(first.topics.filter((t) => t !== 'other'));
  });

  it('accepts JSON too', () => {
    const c = buildCatalog({ seedsDir: seedsDir({ 'a.txt': seedText, 'overrides.json': JSON.stringify({ [first.id]: { note: 'From JSON.' } }) }), strict: false });
    expect(c.papers.find((x) => x.id === first.id)!.note).toBe('From JSON.');
  });

  it('rejects an unknown id, naming it', () => {
    const dir = seedsDir({ 'a.txt': seedText, 'overrides.yaml': 'abcdefabcdef:\n  note: nobody\n' });
    expect(() => buildCatalog({ seedsDir: dir, strict: false })).toThrow(OverrideError);
    expect(() => buildCatalog({ seedsDir: dir, strict: false })).toThrow(/overrides\.yaml: abcdefabcdef: no paper has this id/);
  });

  it('rejects an unknown topic, naming the key', () => {
    const dir = seedsDir({ 'a.txt': seedText, 'overrides.yaml': `${first.id}:\n  topics: [robotics, quantum-cooking]\n` });
    expect(() => buildCatalog({ seedsDir: dir, strict: false })).toThrow(new RegExp(`${first.id}\\.topics\\.1: unknown topic "quantum-cooking"`));
  });

  it('rejects bad fields and keys with a message naming the file and the key', () => {
    const id = 'abcdefabcdef';
    const cases: [string, RegExp][] = [
      [`${id}:\n  titel: Typo\n`, /o\.yaml: abcdefabcdef: .*titel/],
      [`${id}:\n  url: arxiv.org/abs/1\n`, /o\.yaml: abcdefabcdef\.url: must be an absolute http/],
      [`${id}:\n  url: javascript:alert(1)\n`, /abcdefabcdef\.url: must be an absolute http/],
      [`${id}:\n  links: [{ label: Code }]\n`, /abcdefabcdef\.links\.0\.url/],
      [`${id}:\n  title: ""\n`, /abcdefabcdef\.title: title must not be empty/],
      [`${id}:\n  topics: robotics\n`, /abcdefabcdef\.topics/],
      ['Masked Trajectory Models:\n  note: x\n', /o\.yaml: Masked Trajectory Models: key must be a paper id/],
      ['- a list\n', /o\.yaml: \(root\): must be a mapping/],
      [`${id}: [unclosed\n`, /o\.yaml: not valid YAML/],
    ];
    for (const [text, re] of cases) expect(() => parseOverrides(text, 'o.yaml'), text).toThrow(re);
    expect(parseOverrides('', 'o.yaml').size).toBe(0);
    // Ids that YAML's core schema would read as numbers stay strings.
    expect([...parseOverrides('000000000012:\n  note: x\n1234e5678901:\n  note: y\n', 'o.yaml').keys()]).toEqual(['000000000012', '1234e5678901']);
    expect(parseOverrides('# only comments\n', 'o.yaml').size).toBe(0);
  });

  it('merges extra topics after the matched ones, dropping the fallback unless asked for', () => {
    expect(mergeTopics(['rl', 'robotics'], undefined, 'other')).toEqual(['rl', 'robotics']);
    expect(mergeTopics(['rl'], ['robotics', 'rl'], 'other')).toEqual(['rl', 'robotics']);
    expect(mergeTopics(['other'], ['robotics'], 'other')).toEqual(['robotics']);
    expect(mergeTopics(['other'], ['other'], 'other')).toEqual(['other']);
    expect(mergeTopics(['rl'], ['other'], 'other')).toEqual(['rl', 'other']);
  });

  it('labels the paper link by its host', () => {
    expect(paperLinkLabel('https://arxiv.org/abs/2305.02968')).toBe('Paper on arxiv.org');
    expect(paperLinkLabel('https://www.example.org/paper')).toBe('Paper on example.org');
    expect(paperLinkLabel('not a url')).toBe('Paper page');
  });

  it('the shipped seeds/overrides.yaml is valid and gives Masked Trajectory Models its arXiv page', () => {
    const mtm = real.papers.find((p) => p.title === 'Masked Trajectory Models for Prediction, Representation, and Control')!;
    expect(mtm.url).toBe('https://arxiv.org/abs/2305.02968');
    expect(mtm.note).toBeTruthy();
    expect(real.report.overridden).toBeGreaterThanOrEqual(1);
  });
});

describe('report table', () => {
  it('has one row per source and a total row matching the catalog', () => {
    const { rows, total } = reportRows(real.report);
    expect(rows.map((r) => r.source.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    expect(total).toMatchObject({ lines: 1248, records: 551, papers: 536, duplicates: 15, warnings: 0, derivedTitles: 18 });
    const text = formatTextTable(rows, total);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Source\s+Format\s+Lines\s+Records\s+Papers\s+Duplicates\s+Boilerplate\s+Blank\s+Warnings\s+Derived titles\s+Truncated$/);
    expect(lines).toHaveLength(rows.length + 4);
    expect(lines.at(-1)).toMatch(/^Total\s+1248\s+551\s+536\s+15\s+10\s+156\s+0\s+18\s+3$/);
  });

  it('counts a skipped file as a row with one warning', () => {
    const c = buildCatalog({ seedsDir: seedsDir({ 'a.txt': 'Abstract: ' + 'We study things. '.repeat(20), 'z.txt': '' }), strict: false });
    const { rows, total } = reportRows(c.report);
    expect(rows.map((r) => [r.source, r.format, r.warnings])).toEqual([['a.txt', 'arxiv', 0], ['z.txt', 'skipped', 1]]);
    expect(total.warnings).toBe(1);
  });

  it('`npm run report` prints the table without building the site', () => {
    const out = execFileSync(process.execPath, ['scripts/report.ts'], { encoding: 'utf8', env: { ...process.env, LECTERN_STRICT: '1' } });
    expect(out).toContain('004_649ac29b1eae8f07.txt  huggingface');
    expect(out).toMatch(/551 records → 536 papers \(15 duplicates merged\)/);
    expect(out).toContain('No warnings');
  });
});
