import { parse as parseBib } from '@retorquere/bibtex-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { Lexer, type Tokens } from 'marked';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  bibtexEscape, citationKey, markdownEscape, parseImport, toBibTeX, toCsv, toJson, toMarkdown, CSV_COLUMNS, type ExportPaper,
} from '../../src/lib/reading/export.ts';
import {
  emptyState, mergeStates, parseState, savedByStatus, serializeState, toggleSaved, update, updateMany, STORAGE_KEY, type ReadingState,
} from '../../src/lib/reading/state.ts';
import { scholarlyArticle, safeJsonForScript } from '../../src/lib/site/jsonld.ts';
import { buildCatalog } from '../../src/lib/enrich/catalog.ts';
import { arxivLinks, findArxivId, searchLinks } from '../../src/lib/site/links.ts';

const T = '2026-01-01T00:00:00.000Z';
const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';

/** Titles and notes that break naive serialisers. */
const HOSTILE = 'Brace {open and} close}} 100% $x_i^2$ & #1 ~ \\emph{no} "quoted", comma\nnewline </script> *bold* [link](x) <b> a -- b --- c ``q\'\' ?` !`';

const papers: ExportPaper[] = [
  { id: A, slug: 'masked-trajectory-models-for-prediction', title: 'Masked Trajectory Models', abstract: 'We study MTM.', url: 'https://example.org/papers/masked-trajectory-models-for-prediction/', topics: ['Robotics', 'Offline RL'] },
  { id: B, paperUrl: 'https://arxiv.org/abs/2305.02968', slug: 'hostile-title', title: HOSTILE, abstract: `Abstract with ${HOSTILE}`, url: 'https://example.org/papers/hostile-title/', topics: ['Language models'] },
];

describe('reading state', () => {
  it('round-trips through serialise/parse under a versioned key', () => {
    let s = toggleSaved(emptyState(), A, T);
    s = update(s, B, { status: 'reading', note: 'n' }, T);
    expect(STORAGE_KEY).toMatch(/v1$/);
    expect(parseState(serializeState(s))).toEqual({ state: s });
    expect(savedByStatus(s)).toEqual({ 'to-read': [A], reading: [B], read: [] });
  });

  it('ignores corrupt, foreign and ill-shaped data with a warning instead of throwing', () => {
    for (const raw of ['{not json', '[]', '"x"', 'null', '{"version":2,"papers":{}}', '{"version":1,"papers":{"zz":{}}}', '{"version":1,"papers":{"aaaaaaaaaaaa":{"saved":"yes"}}}']) {
      const r = parseState(raw);
      expect(r.state).toEqual(emptyState());
      expect(r.warning, raw).toMatch(/ignored/);
    }
    expect(parseState(null)).toEqual({ state: emptyState() });
  });

  it('unsaving keeps a note, and drops empty entries', () => {
    let s = update(emptyState(), A, { note: 'keep me' }, T);
    expect(s.papers[A]?.saved).toBe(true);
    s = toggleSaved(s, A, T);
    expect(s.papers[A]).toMatchObject({ saved: false, note: 'keep me' });
    s = update(s, A, { note: '' }, T);
    expect(s.papers[A]).toBeUndefined();
  });

  it('bulk actions and merge', () => {
    let s = updateMany(emptyState(), [A, B], { saved: true }, T);
    s = updateMany(s, [A, B], { status: 'read' }, T);
    expect(savedByStatus(s).read).toEqual([A, B]);
    const merged = mergeStates(update(emptyState(), A, { status: 'reading' }, T), update(emptyState(), B, { note: 'x' }, T));
    expect(Object.keys(merged.papers).sort()).toEqual([A, B]);
  });
});

function stateWithNotes(): ReadingState {
  let s = update(emptyState(), A, { status: 'read', note: 'Great' }, T);
  s = update(s, B, { note: HOSTILE }, T);
  return s;
}

describe('exports', () => {
  it('BibTeX parses back with a real BibTeX parser, hostile text intact', () => {
    const bib = toBibTeX(papers, stateWithNotes());
    const lib = parseBib(bib, { sentenceCase: false });
    expect(lib.errors).toEqual([]);
    expect(lib.entries.map((e) => e.key)).toEqual(papers.map(citationKey));
    expect(lib.entries.every((e) => e.type === 'misc')).toBe(true);
    const hostile = lib.entries[1]!;
    expect(hostile.fields.title).toBe(HOSTILE.replace(/\s+/g, ' '));
    expect(hostile.fields.url).toBe('https://arxiv.org/abs/2305.02968');
    expect(lib.entries[0]!.fields.url).toBe(papers[0]!.url);
    expect(hostile.fields.note).toContain('</script>');
    expect(lib.entries[0]!.fields.note).toContain('Read. Great');
  });

  it('escapes every LaTeX special so braces balance', () => {
    const e = bibtexEscape('{ } \\ $ & % # _ ^ ~');
    expect(e).toBe('\\{ \\} \\textbackslash{} \\$ \\& \\% \\# \\_ \\textasciicircum{} \\textasciitilde{}');
    const depth = [...e.replace(/\\[{}]/g, '')].reduce((d, c) => (d < 0 ? d : d + (c === '{' ? 1 : c === '}' ? -1 : 0)), 0);
    expect(depth).toBe(0);
  });

  it('citation keys are stable and unique', () => {
    expect(citationKey(papers[0]!)).toBe('masked-trajectory-models-aaaaaaaa');
    expect(new Set(papers.map(citationKey)).size).toBe(papers.length);
  });

  it('citation keys are unique across the real catalog', () => {
    const { papers: all } = buildCatalog({ seedsDir: 'seeds', strict: false });
    expect(all.length).toBe(536);
    expect(new Set(all.map(citationKey)).size).toBe(all.length);
  });

  it('Markdown parses back to one link per paper with the exact title', () => {
    const md = toMarkdown(papers, stateWithNotes(), 'My *list*');
    const tokens = new Lexer().lex(md);
    expect(tokens[0]).toMatchObject({ type: 'heading', text: 'My \\*list\\*' });
    const list = tokens.find((t) => t.type === 'list') as Tokens.List;
    expect(list.items).toHaveLength(2);
    const links = list.items.map((item) => (item.tokens[0] as Tokens.Text).tokens!.find((t) => t.type === 'link') as Tokens.Link);
    expect(links.map((l) => l.href)).toEqual(papers.map((p) => p.url));
    expect(links.map((l) => l.tokens.map((t) => ('text' in t ? t.text : '')).join(''))).toEqual(papers.map((p) => p.title.replace(/\s+/g, ' ')));
    expect(markdownEscape('a_b')).toBe('a\\_b');
  });

  it('CSV is RFC 4180 and parses back', () => {
    const csv = toCsv(papers, stateWithNotes());
    expect(csv).toContain('\r\n');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data.map((r) => r.title)).toEqual(papers.map((p) => p.title));
    expect(parsed.data[0]).toMatchObject({ saved: 'yes', status: 'read', note: 'Great', topics: 'Robotics; Offline RL' });
  });

  it('JSON round-trips through import', () => {
    const s = stateWithNotes();
    const r = parseImport(toJson(papers, s, 'Saved papers', T));
    expect(r).toEqual({ ok: true, state: s, count: 2 });
  });

  it('bad imports give a clear error', () => {
    expect(parseImport('{oops')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(parseImport('{"format":"other"}')).toMatchObject({ ok: false, error: expect.stringMatching(/not a Lectern reading-list export/) });
    expect(parseImport(JSON.stringify({ format: 'lectern-reading-list', version: 1, papers: [{ id: 'x' }] }))).toMatchObject({ ok: false });
    expect(parseImport(JSON.stringify({ format: 'lectern-reading-list', version: 1, papers: [{ id: A, status: 'done' }] }))).toMatchObject({ ok: false });
  });
});

describe('links out', () => {
  it('builds encoded title searches on four services', () => {
    const links = searchLinks('Q&A: a/b  test?');
    expect(links.map((l) => l.label)).toEqual(['arXiv', 'Semantic Scholar', 'Google Scholar', 'Hugging Face Papers']);
    for (const l of links) {
      const u = new URL(l.href);
      expect(u.protocol).toBe('https:');
      expect([...u.searchParams.values()]).toContain('Q&A: a/b test?');
    }
  });

  it('finds arXiv ids in URLs and text', () => {
    expect(findArxivId(undefined, 'see arXiv:2401.01234v2 for details')).toBe('2401.01234v2');
    expect(findArxivId('https://arxiv.org/pdf/2305.12345', 'arXiv:1111.11111')).toBe('2305.12345');
    expect(findArxivId('https://arxiv.org/abs/hep-th/9901001')).toBe('hep-th/9901001');
    expect(findArxivId('no id here', 'We use 1234.5678 samples')).toBeUndefined();
    expect(arxivLinks('2401.01234').map((l) => l.href)).toEqual(['https://arxiv.org/abs/2401.01234', 'https://arxiv.org/pdf/2401.01234']);
  });
});

describe('JSON-LD', () => {
  it('cannot break out of its script element and parses back', () => {
    const evil = { title: '</script><script>alert(1)</script>', abstract: '<!-- \u2028 & </SCRIPT>', topics: ['a'], url: 'https://e.org/p/' };
    const json = safeJsonForScript(scholarlyArticle(evil));
    expect(json).not.toMatch(/[<>]/);
    expect(json.toLowerCase()).not.toContain('</script');
    const html = `<script type="application/ld+json">${json}</script>`;
    expect(SyntaxValidator.validate(`<r>${html.replace('type="application/ld+json"', '')}</r>`)).toBe(true);
    const back = JSON.parse(json) as Record<string, unknown>;
    expect(back).toMatchObject({ '@type': 'ScholarlyArticle', name: evil.title, abstract: evil.abstract });
  });
});

describe('feed items', () => {
  it('link below the base and carry topic names', async () => {
    const { feedItems } = await import('../../src/lib/site/feed.ts');
    const [item] = feedItems([{ slug: 'a-b', titleText: 'T <x>', excerpt: 'word word…', topics: ['rl'] }], '/lectern/', new Map([['rl', 'Reinforcement learning']]));
    expect(item).toMatchObject({ title: 'T <x>', link: '/lectern/papers/a-b/', description: 'word word…', categories: ['Reinforcement learning'] });
  });
});
