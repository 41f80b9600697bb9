/**
 * Export of papers (the saved list, a topic or a collection) as BibTeX, Markdown, CSV and JSON,
 * and validation of JSON imports. Pure functions; the browser glue lives in src/scripts/list.ts.
 *
 * BibTeX is written by a small serialiser here rather than a library: the maintained BibTeX
 * libraries are parsers (e.g. @retorquere/bibtex-parser, used in the tests to read our output
 * back) or large converters (citation-js, >100 kB) that would weigh on a client-side download for
 * four `@misc` fields. Every value goes through {@link bibtexEscape}, which is unit-tested against
 * the parser with hostile input. CSV is written by papaparse (RFC 4180).
 */
import Papa from 'papaparse';
import * as z from 'zod/mini';
import { STATE_VERSION, STATUS_LABELS, STATUSES, entrySchema, paperIdSchema, type Entry, type ReadingState } from './state.ts';

/** A paper as exports need it (a subset of `/data/papers.json` entries, `url` absolute). */
export interface ExportPaper {
  id: string;
  slug: string;
  title: string;
  abstract: string;
  /** Absolute URL of the paper's page. */
  url: string;
  /** Topic names (not slugs). */
  topics: string[];
  /** The paper's own page (e.g. arXiv), when an override gives it. */
  paperUrl?: string | undefined;
}

/** Export formats, with file extension and MIME type. */
export const EXPORT_FORMATS = {
  bibtex: { ext: 'bib', mime: 'application/x-bibtex', label: 'BibTeX' },
  markdown: { ext: 'md', mime: 'text/markdown', label: 'Markdown' },
  csv: { ext: 'csv', mime: 'text/csv', label: 'CSV' },
  json: { ext: 'json', mime: 'application/json', label: 'JSON' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** `format` marker of JSON exports, so imports can recognise them. */
export const JSON_EXPORT_FORMAT = 'lectern-reading-list';

/**
 * Stable BibTeX citation key: up to the first three words of the slug and the first 8 hex digits
 * of the paper id (ids are content hashes, so the key survives rebuilds and re-orderings).
 * Contains only `a-z0-9-`, valid in BibTeX and biber keys.
 */
export function citationKey(paper: Pick<ExportPaper, 'id' | 'slug'>): string {
  const words = paper.slug.split('-').filter(Boolean).slice(0, 3).join('-') || 'paper';
  return `${words}-${paper.id.slice(0, 8)}`;
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '`': '{`}',
};

/**
 * Escape text for a brace-delimited BibTeX field: the LaTeX specials `\ { } $ & % # _ ^ ~` and
 * `< > |` (which OT1 fonts print as other glyphs) get their text-mode commands, so braces always
 * balance and no value can close its field; the ligatures `--`, `---`, `''` and backtick pairs are
 * broken with braces so dashes and quotes survive as typed; whitespace runs
 * (newlines included) become one space. Non-ASCII is kept (biber/biblatex read UTF-8).
 */
export function bibtexEscape(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}$&%#_^~<>|`]/g, (c) => BIBTEX_SPECIALS[c]!)
    .replace(/-(?=-)/g, '-{}')
    .replace(/'(?=')/g, "'{}");
}

/** One-line summary of a paper's reading state for notes: "Read. My note". */
function stateNote(entry: Entry | undefined): string {
  if (!entry) return '';
  return [entry.saved ? STATUS_LABELS[entry.status] : '', entry.note.trim()].filter(Boolean).join('. ');
}

/**
 * BibTeX: one `@misc` per paper with title (double-braced to keep its capitalisation), abstract,
 * url (the paper's own page when known, else its page on this site), note (reading status, private
 * note and topics) and keywords (topics).
 */
export function toBibTeX(papers: readonly ExportPaper[], state: ReadingState): string {
  return papers
    .map((p) => {
      const entry = state.papers[p.id];
      const note = [stateNote(entry), p.topics.length ? `Topics: ${p.topics.join('; ')}` : ''].filter(Boolean).join('. ');
      const fields: [string, string][] = [
        ['title', `{${bibtexEscape(p.title)}}`],
        ['abstract', bibtexEscape(p.abstract)],
        ['url', bibtexEscape(p.paperUrl ?? p.url)],
        ['note', bibtexEscape(note)],
        ['keywords', bibtexEscape(p.topics.join(', '))],
      ];
      return `@misc{${citationKey(p)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
    })
    .join('\n');
}

/**
 * Escape inline Markdown (CommonMark): backslash-escape ASCII punctuation that could start
 * emphasis, code, links, HTML or entities; collapse whitespace so text stays on its line.
 */
export function markdownEscape(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]()<>!|~&#]/g, '\\$&');
}

/** A URL fit for a Markdown `<…>` destination: spaces and angle brackets percent-encoded. */
function safeUrl(url: string): string {
  return url.replace(/[\s<>]/g, (c) => encodeURIComponent(c));
}

/**
 * Markdown: a heading and one list item per paper — link to its page, then status, topics and
 * note as nested items.
 * @param heading - plain-text heading (escaped here).
 */
export function toMarkdown(papers: readonly ExportPaper[], state: ReadingState, heading: string): string {
  const lines = [`# ${markdownEscape(heading)}`, ''];
  for (const p of papers) {
    const entry = state.papers[p.id];
    lines.push(`- [${markdownEscape(p.title)}](<${safeUrl(p.url)}>)`);
    if (p.paperUrl) lines.push(`  - Paper: <${safeUrl(p.paperUrl)}>`);
    if (entry?.saved) lines.push(`  - Status: ${STATUS_LABELS[entry.status]}`);
    if (p.topics.length) lines.push(`  - Topics: ${p.topics.map(markdownEscape).join(', ')}`);
    if (entry && entry.note.trim()) lines.push(`  - Note: ${markdownEscape(entry.note)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Columns of CSV exports, in order. */
export const CSV_COLUMNS = ['id', 'title', 'url', 'paper_url', 'topics', 'saved', 'status', 'note', 'abstract'] as const;

/** CSV (RFC 4180 via papaparse: CRLF, quotes doubled): one row per paper, topics joined with "; ". */
export function toCsv(papers: readonly ExportPaper[], state: ReadingState): string {
  const rows = papers.map((p) => {
    const e = state.papers[p.id];
    return {
      id: p.id,
      title: p.title,
      url: p.url,
      paper_url: p.paperUrl ?? '',
      topics: p.topics.join('; '),
      saved: e?.saved ? 'yes' : 'no',
      status: e?.saved ? e.status : '',
      note: e?.note ?? '',
      abstract: p.abstract,
    };
  });
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) }, { newline: '\r\n' });
}

/**
 * JSON: a self-describing document that {@link parseImport} reads back. Papers with reading state
 * carry `saved`, `status`, `note` and `updated`.
 * @param scope - what was exported, e.g. "Saved papers" or "Topic: Robotics".
 * @param now - ISO time stamp (injected for tests).
 */
export function toJson(papers: readonly ExportPaper[], state: ReadingState, scope: string, now: string = new Date().toISOString()): string {
  return `${JSON.stringify(
    {
      format: JSON_EXPORT_FORMAT,
      version: STATE_VERSION,
      exported: now,
      scope,
      papers: papers.map((p) => ({ ...p, ...(state.papers[p.id] ?? {}) })),
    },
    null,
    2,
  )}\n`;
}

const importPaperSchema = z.object({
  id: paperIdSchema,
  saved: z.optional(entrySchema.shape.saved),
  status: z.optional(z.enum(STATUSES)),
  note: z.optional(entrySchema.shape.note),
  updated: z.optional(z.string()),
});

/** Schema of an importable JSON file (what {@link toJson} writes; extra fields are ignored). */
export const importSchema = z.object({
  format: z.literal(JSON_EXPORT_FORMAT),
  version: z.literal(STATE_VERSION),
  papers: z.array(importPaperSchema),
});

/** Result of {@link parseImport}. */
export type ImportResult = { ok: true; state: ReadingState; count: number } | { ok: false; error: string };

/**
 * Validate an imported JSON file and turn it into a reading state (only papers that carry state).
 * Never throws; a bad file gives `{ ok: false, error }` with a message for the reader.
 * @param text - the file's text.
 * @param now - ISO time stamp used for entries without `updated`.
 */
export function parseImport(text: string, now: string = new Date().toISOString()): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON. Nothing was changed.' };
  }
  const parsed = importSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `This is not a Lectern reading-list export (${issue?.message ?? 'invalid'}${where}). Nothing was changed.` };
  }
  const papers: Record<string, Entry> = {};
  for (const p of parsed.data.papers) {
    if (p.saved === undefined && p.status === undefined && p.note === undefined) continue;
    papers[p.id] = { saved: p.saved ?? true, status: p.status ?? 'to-read', note: p.note ?? '', updated: p.updated ?? now };
  }
  return { ok: true, state: { version: STATE_VERSION, papers }, count: Object.keys(papers).length };
}
