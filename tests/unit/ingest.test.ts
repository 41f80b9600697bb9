import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, ingestDirectory, normaliseLine, parseSeed, splitLines } from '../../src/lib/ingest/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('Hugging Face Papers listings', () => {
  it('pairs titles with abstracts, strips boilerplate and a glued "Subscribe"', () => {
    const parsed = parseSeed('hf.txt', fixture('hf-compact.txt'));
    expect(parsed.format).toBe('huggingface');
    expect(parsed.records.map((r) => r.title)).toEqual(['A First Paper: Doing Things Well', 'A Second Paper on Robots']);
    expect(parsed.records[0]!.abstract).toMatch(/^We study how to do things well\./);
    expect(parsed.records[0]!.source).toEqual({ file: 'hf.txt', line: 3 });
    expect(parsed.records[1]!.source).toEqual({ file: 'hf.txt', line: 5 });
    expect(parsed.boilerplateLines).toBe(2);
    expect(parsed.warnings).toEqual([]);
  });

  it('handles blank lines between records and all page chrome', () => {
    const parsed = parseSeed('spaced.txt', fixture('hf-spaced.txt'));
    expect(parsed.format).toBe('huggingface');
    expect(parsed.records.map((r) => [r.title, r.source.line])).toEqual([
      ['Spaced Out Title', 11],
      ['Another Spaced Title', 15],
    ]);
    expect(parsed.boilerplateLines).toBe(5);
    expect(parsed.paperLines + parsed.boilerplateLines + parsed.blankLines + parsed.warnings.length).toBe(parsed.lines);
  });

  it('warns about a title with no abstract after it instead of dropping it silently', () => {
    const parsed = parseSeed('t.txt', `${fixture('hf-compact.txt')}A Dangling Title\n`);
    expect(parsed.records).toHaveLength(2);
    expect(parsed.warnings).toEqual([{ line: 7, message: expect.stringContaining('title with no abstract') }]);
  });
});

describe('arXiv-style listings', () => {
  it('reads "Abstract:" lines with or without a space and keeps a header line as the label', () => {
    const parsed = parseSeed('arxiv.txt', fixture('arxiv.txt'));
    expect(parsed.format).toBe('arxiv');
    expect(parsed.label).toBe('UC Somewhere');
    expect(parsed.records).toHaveLength(2);
    expect(parsed.records.every((r) => r.title === undefined)).toBe(true);
    expect(parsed.records[0]!.abstract).toMatch(/^We introduce a method/);
    expect(parsed.records[1]!.abstract).toMatch(/^A second abstract/);
    expect(parsed.records.map((r) => r.source.line)).toEqual([2, 3]);
  });
});

describe('bare abstracts', () => {
  it('takes one abstract per line with no titles', () => {
    const parsed = parseSeed('bare.txt', fixture('bare.txt'));
    expect(parsed.format).toBe('bare');
    expect(parsed.records).toHaveLength(2);
    expect(parsed.records.every((r) => r.title === undefined)).toBe(true);
    expect(parsed.label).toBeUndefined();
  });
});

describe('text hygiene', () => {
  it('splits CRLF and lone CR line ends and drops a final empty line', () => {
    expect(splitLines('a\r\nb\rc\n')).toEqual(['a', 'b', 'c']);
  });
  it('normalises NFC, odd spaces and zero-width characters', () => {
    expect(normaliseLine('  Cafe\u0301\u00a0au\u200blait\t ')).toBe('Café aulait');
  });
  it('detects the format from shape, not file name', () => {
    expect(detectFormat(splitLines(fixture('arxiv.txt')).map(normaliseLine))).toBe('arxiv');
    expect(detectFormat(splitLines(fixture('bare.txt')).map(normaliseLine))).toBe('bare');
  });
});

describe('the real seeds', () => {
  const { sources, skipped } = ingestDirectory('seeds');
  const byFile = new Map(sources.map((s) => [s.file.slice(0, 3), s]));

  it('reads all five files, 551 records, in the right format families', () => {
    expect(skipped).toEqual([]);
    expect(sources).toHaveLength(5);
    expect(sources.map((s) => [s.file.slice(0, 3), s.format, s.records.length])).toEqual([
      ['000', 'bare', 10],
      ['001', 'huggingface', 193],
      ['002', 'arxiv', 10],
      ['003', 'huggingface', 262],
      ['004', 'huggingface', 76],
    ]);
  });

  it('accounts for every line of every file', () => {
    for (const s of sources) {
      expect(s.paperLines + s.boilerplateLines + s.blankLines + s.warnings.length, s.file).toBe(s.lines);
    }
  });

  it('never takes boilerplate or a header for a paper', () => {
    const titles = sources.flatMap((s) => s.records.map((r) => r.title ?? ''));
    expect(titles.filter((t) => /^subscribe|get trending|daily papers|by ak and/i.test(t))).toEqual([]);
    expect(byFile.get('002')!.label).toBe('UC Berkeley');
    expect(sources.flatMap((s) => s.records).some((r) => r.abstract === 'UC Berkeley')).toBe(false);
    expect(byFile.get('001')!.records[0]!.title).toBe('Require Process Control? LSTMc is all you need!');
    expect(byFile.get('003')!.records[0]!.title).toBe('ReWiND: Language-Guided Rewards Teach Robot Policies without New Demonstrations');
    expect(byFile.get('004')!.records[0]!.title).toBe('Robot Fine-Tuning Made Easy: Pre-Training Rewards and Policies for Autonomous Real-World Reinforcement Learning');
  });
});
