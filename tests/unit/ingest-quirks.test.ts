/**
 * Robust shapes (issue 3, item 2) and conservation (item 1): one fixture per quirk of scraped
 * seed files, under tests/fixtures/quirks/. Every test also checks that every line is accounted for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSeed, parseSeed, SeedDecodeError, type LineKind, type ParsedSource } from '../../src/lib/ingest/index.ts';
import { paperId } from '../../src/lib/enrich/merge.ts';

const bytes = (name: string) => readFileSync(new URL(`../fixtures/quirks/${name}`, import.meta.url));
/** Decode and parse a quirks fixture exactly as ingest does. */
const parse = (name: string) => parseSeed(name, decodeSeed(bytes(name)));

/** Assert the line account of a parsed source is complete and consistent. */
function expectAccounted(s: ParsedSource): void {
  expect(s.lineKinds).toHaveLength(s.lines);
  const tally = (k: LineKind) => s.lineKinds.filter((x) => x === k).length;
  expect(s.lineKinds.every((k) => k !== undefined), `${s.file}: a line with no kind`).toBe(true);
  expect(tally('paper')).toBe(s.paperLines);
  expect(tally('boilerplate')).toBe(s.boilerplateLines);
  expect(tally('blank')).toBe(s.blankLines);
  expect(tally('warning')).toBe(s.warnings.length);
  expect(s.paperLines + s.boilerplateLines + s.blankLines + s.warnings.length).toBe(s.lines);
  const recordLines = s.records.flatMap((r) => r.lines);
  expect(new Set(recordLines).size, 'a line in two records').toBe(recordLines.length);
  for (const n of recordLines) expect(s.lineKinds[n - 1]).toBe('paper');
  for (const w of s.warnings) expect(s.lineKinds[w.line - 1]).toBe('warning');
}

describe('line ends and invisible characters', () => {
  it('reads CRLF line ends and a UTF-8 byte-order mark', () => {
    const raw = bytes('crlf-bom.txt');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.includes('\r\n')).toBe(true);
    const s = parse('crlf-bom.txt');
    expect(s.format).toBe('huggingface');
    expect(s.lines).toBe(5);
    expect(s.records.map((r) => r.title)).toEqual(['A Paper With Windows Line Ends', 'Second Paper With Windows Line Ends']);
    expect(s.records.every((r) => !/[\r\uFEFF]/.test(r.abstract + r.title))).toBe(true);
    expect(s.boilerplateLines).toBe(1);
    expect(s.warnings).toEqual([]);
    expectAccounted(s);
  });

  it('turns non-breaking spaces into spaces, drops zero-width spaces, trims trailing spaces and tabs', () => {
    const s = parse('odd-spaces.txt');
    expect(s.format).toBe('huggingface');
    expect(s.records.map((r) => r.title)).toEqual(['A Title With Non-Breaking Spaces', 'ZeroWidth Title']);
    expect(s.records[0]!.abstract).toMatch(/^We study how reading lists can be built/);
    expect(s.records[0]!.abstract).toContain('line by line');
    for (const r of s.records) {
      expect(r.abstract).not.toMatch(/[\u00a0\u200b\t]|\s$|^\s|\s{2}/);
      expect(r.title).not.toMatch(/[\u00a0\u200b\t]|\s$/);
    }
    expect(s.boilerplateLines).toBe(1);
    expect(s.warnings).toEqual([]);
    expectAccounted(s);
  });

  it('normalises text to NFC, so decomposed and precomposed accents give one paper id', () => {
    const raw = bytes('nfc.txt').toString('utf8');
    expect(raw).toContain('e\u0301');
    const s = parse('nfc.txt');
    const r = s.records[0]!;
    expect(r.title).toBe('Café Models for Résumé Parsing');
    expect(r.abstract.startsWith('We parse résumés written in cafés.')).toBe(true);
    expect(r.abstract).toBe(r.abstract.normalize('NFC'));
    expect(paperId(r.abstract)).toBe(paperId(r.abstract.normalize('NFD')));
    expectAccounted(s);
  });
});

describe('record layout', () => {
  it('reads "Abstract:" with or without a space (and any case) and keeps the header as the label', () => {
    const s = parse('arxiv-prefix.txt');
    expect(s.format).toBe('arxiv');
    expect(s.label).toBe('UC Somewhere');
    expect(s.records.map((r) => r.abstract.slice(0, 20))).toEqual(['We study how reading', 'Robots learn from fe']);
    expectAccounted(s);
  });

  it('takes an unknown first line as the collection label and warns about unknown lines later, never making them papers', () => {
    const s = parse('unknown-header.txt');
    expect(s.format).toBe('huggingface');
    expect(s.label).toBe('Reading group, spring term');
    expect(s.records.map((r) => r.title)).toEqual(['A Paper Under a Header', 'Second Paper Under a Header']);
    expect(s.warnings.map((w) => w.line)).toEqual([5, 6]);
    expect(s.warnings[0]!.message).toContain('A stray line that is not a title');
    expect(s.boilerplateLines).toBe(2);
    expectAccounted(s);
  });

  it('reads abstracts of ~200–300 characters, with blank lines between records or as bare lines', () => {
    const spaced = parse('short-abstracts.txt');
    expect(spaced.format).toBe('huggingface');
    expect(spaced.records.map((r) => r.title)).toEqual(['Tiny Table Parser', 'Reward Ensembles Against Overoptimisation']);
    expect(spaced.records.every((r) => r.abstract.length > 200 && r.abstract.length < 320)).toBe(true);
    expect(spaced.blankLines).toBe(3);
    expectAccounted(spaced);

    const bare = parse('short-bare.txt');
    expect(bare.format).toBe('bare');
    expect(bare.records).toHaveLength(2);
    expect(bare.warnings).toEqual([]);
    expectAccounted(bare);
  });

  it('keeps an abstract cut off at the end of the file, flagged truncated, and warns about a title with no abstract', () => {
    const s = parse('cut-off.txt');
    expect(s.records.map((r) => [r.title, r.truncated])).toEqual([
      ['A Complete Paper', false],
      ['A Paper Cut Off at the End', true],
    ]);
    expect(s.warnings).toEqual([{ line: 6, message: expect.stringMatching(/title with no abstract after it \(end of file\).*A Title With No Abstract/) }]);
    expectAccounted(s);
  });

  it('handles lines of 50,000+ characters', () => {
    const sentence = 'We scale reading lists to very long abstracts with many repeated sentences. ';
    const long = sentence.repeat(Math.ceil(60_000 / sentence.length)).trim();
    expect(long.length).toBeGreaterThan(50_000);
    const text = `Daily Papers\nA Paper With a Very Long Abstract\n${long}\nA Short Second Paper\n${long.slice(0, 400).trim()}\n`;
    const s = parseSeed('long.txt', text);
    const bare = parseSeed('long-bare.txt', `${long}\n${long}x.\n`);
    expect(s.records.map((r) => r.title)).toEqual(['A Paper With a Very Long Abstract', 'A Short Second Paper']);
    expect(s.records.map((r) => r.abstract)).toEqual([long, long.slice(0, 400).trim()]);
    expect(s.records[0]!.truncated).toBe(false);
    expect(bare.records).toHaveLength(2);
    expectAccounted(s);
    expectAccounted(bare);
  });
});

describe('files that are not text', () => {
  it('rejects an empty or whitespace-only file', () => {
    expect(() => decodeSeed(new Uint8Array())).toThrow(/file is empty/);
    expect(() => decodeSeed(new TextEncoder().encode(' \n\r\n\t'))).toThrow(/only whitespace/);
  });
  it('rejects NUL bytes with their byte offset', () => {
    const err = (() => {
      try {
        decodeSeed(new Uint8Array([0x41, 0x42, 0x00, 0x43]));
      } catch (e) {
        return e as SeedDecodeError;
      }
    })();
    expect(err).toBeInstanceOf(SeedDecodeError);
    expect(err!.message).toContain('byte offset 2');
    expect(err!.byteOffset).toBe(2);
  });
  it('rejects invalid UTF-8 with the byte offset of the first bad sequence', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, 0x20, 0x61]); // "Café a" in Latin-1
    expect(() => decodeSeed(latin1)).toThrow(/not valid UTF-8 \(invalid byte sequence at byte offset 3\)/);
    const overlong = new Uint8Array([0x61, 0x62, 0xc0, 0xaf]);
    expect(() => decodeSeed(overlong)).toThrow(/byte offset 2/);
    const surrogate = new Uint8Array([0x61, 0xed, 0xa0, 0x80]);
    expect(() => decodeSeed(surrogate)).toThrow(/byte offset 1/);
  });
});

describe('arXiv listings copied with titles', () => {
  it('pairs "Title:" lines with the abstract that follows; other lines (authors) and a hanging title are warnings', () => {
    const s = parse('arxiv-titles.txt');
    expect(s.format).toBe('arxiv');
    expect(s.records.map((r) => [r.title, r.abstract.slice(0, 12), r.source.line])).toEqual([
      ['Reading Lists From Scraped Text', 'We study how', 1],
      ['Language-Shaped Rewards for Robots', 'Robots learn', 5],
    ]);
    expect(s.records[0]!.lines).toEqual([1, 3]);
    expect(s.warnings).toEqual([
      { line: 2, message: expect.stringContaining('neither an abstract nor a header') },
      { line: 7, message: expect.stringContaining('title with no abstract after it (end of file)') },
    ]);
    expect(s.label).toBeUndefined();
    expectAccounted(s);
  });
});
