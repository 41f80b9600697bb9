/**
 * Format detection and parsing of one seed file. Pure: text in, records and a report out.
 *
 * Three format families occur in scraped dumps of paper listings:
 * - `huggingface`: Hugging Face Papers listing pages: a title line followed by its abstract line,
 *   with or without blank lines between records, wrapped in page boilerplate.
 * - `arxiv`: one abstract per line, each prefixed "Abstract:", possibly a header line, and titles
 *   only when given on a "Title:" line before their abstract.
 * - `bare`: one abstract per line, nothing else.
 * Detection looks at the shape of the lines, never at the file name.
 */
import { normaliseLine, splitLines } from './text.ts';

/** The format family of a seed file. */
export type SeedFormat = 'huggingface' | 'arxiv' | 'bare';

/** Where a record came from: seed file name and 1-based line number. */
export interface SourceRef {
  file: string;
  line: number;
}

/** A problem with one line of a seed file. `line` is 1-based. */
export interface IngestWarning {
  line: number;
  message: string;
}

/** One abstract as found in a seed file, with its title when the file gives one. */
export interface SeedRecord {
  /** Title line text, when the format carries titles. */
  title?: string;
  /** Abstract text, normalised (NFC, single spaces, no "Abstract:" prefix). */
  abstract: string;
  /** File and line where the record starts (the title line when there is one). */
  source: SourceRef;
  /** Line numbers (1-based) that belong to this record. */
  lines: number[];
  /** True when the abstract stops mid-sentence. */
  truncated: boolean;
}

/** What one line of a seed file turned out to be. */
export type LineKind = 'paper' | 'boilerplate' | 'blank' | 'warning';

/** The result of parsing one seed file. */
export interface ParsedSource {
  file: string;
  format: SeedFormat;
  /** A header line that labels the file (e.g. an affiliation such as "UC Berkeley"), if any. */
  label?: string;
  /** Number of lines in the file. */
  lines: number;
  records: SeedRecord[];
  /** Lines recognised as page boilerplate or a header label. */
  boilerplateLines: number;
  blankLines: number;
  /** Lines that are part of a record. */
  paperLines: number;
  warnings: IngestWarning[];
  /**
   * The account of every line: `lineKinds[n - 1]` is what line `n` became. Its length is `lines`,
   * and its counts equal `paperLines`, `boilerplateLines`, `blankLines` and `warnings.length`.
   */
  lineKinds: LineKind[];
}

/**
 * Page chrome of Hugging Face Papers listings (https://huggingface.co/papers), matched against a
 * whole normalised line, case-insensitively.
 */
export const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /^get trending papers in your email inbox( once a day)?!?$/i,
  /^subscribe$/i,
  /^new$/i,
  /^daily papers$/i,
  /^by ak and the research community$/i,
];

/**
 * Longest line (in characters) taken for a header label that names the collection (e.g. "UC
 * Berkeley" above an arXiv listing). Longer unknown lines before the first paper are warnings.
 */
export const LABEL_MAX_LENGTH = 80;

/** "Subscribe" glued to the front of the first title by the scraper, e.g. "SubscribeReWiND: …". */
const GLUED_SUBSCRIBE = /^Subscribe(?=[\p{Lu}\p{N}"'“(])/u;

/** "Abstract:" prefix of arXiv-style listings, with or without a following space. */
const ABSTRACT_PREFIX = /^abstract\s*:\s*/i;

/** "Title:" prefix of arXiv listings copied with their titles ("Title: …" then "Abstract: …"). */
const TITLE_PREFIX = /^title\s*:\s*/i;

/**
 * Length (in characters) under which any line is taken for a title. Titles in the seeds are at
 * most ~150 characters; abstracts are at least ~300.
 */
export const TITLE_MAX_LENGTH = 160;
/** Length under which a line that is a single sentence is still taken for a title. */
export const SINGLE_SENTENCE_TITLE_MAX_LENGTH = 250;

/** @returns true when `line` (normalised) is known page boilerplate. */
export function isBoilerplate(line: string): boolean {
  return BOILERPLATE_PATTERNS.some((re) => re.test(line));
}

/**
 * Decide whether a normalised, non-empty line reads as a title rather than an abstract:
 * under {@link TITLE_MAX_LENGTH} characters, or under {@link SINGLE_SENTENCE_TITLE_MAX_LENGTH}
 * and a single sentence.
 */
export function isTitleLike(line: string): boolean {
  if (line.length < TITLE_MAX_LENGTH) return true;
  if (line.length >= SINGLE_SENTENCE_TITLE_MAX_LENGTH) return false;
  return !/[.!?]\s+\p{Lu}/u.test(line);
}

/**
 * Decide whether an abstract stops mid-sentence: its last character is not terminal punctuation,
 * a closing bracket/quote, or the end of a URL.
 */
export function looksTruncated(abstract: string): boolean {
  const lastToken = abstract.split(' ').pop() ?? '';
  if (/^(https?:\/\/|www\.)|\.(com|org|io|net|edu|ai)\b|\/\S*$/i.test(lastToken)) return false;
  return !/[.!?…)\]}"'”’]$/.test(abstract);
}

interface ContentLine {
  /** 1-based line number. */
  n: number;
  text: string;
}

/**
 * Detect the format family of a file from the shape of its content lines.
 *
 * Rules: a majority of long lines prefixed "Abstract:" → `arxiv`; page boilerplate, or at least one
 * title-like line for every two abstract lines → `huggingface`; otherwise `bare`.
 *
 * @param lines - normalised lines of the file.
 */
export function detectFormat(lines: readonly string[]): SeedFormat {
  let prefixed = 0;
  let titles = 0;
  let abstracts = 0;
  let boilerplate = 0;
  for (const line of lines) {
    if (line === '') continue;
    if (isBoilerplate(line) || GLUED_SUBSCRIBE.test(line)) {
      boilerplate++;
      if (!GLUED_SUBSCRIBE.test(line)) continue;
    }
    if (ABSTRACT_PREFIX.test(line)) prefixed++;
    if (isTitleLike(line)) titles++;
    else abstracts++;
  }
  if (prefixed > 0 && prefixed * 2 >= abstracts) return 'arxiv';
  if (abstracts > 0 && (boilerplate > 0 || titles * 2 >= abstracts)) return 'huggingface';
  return 'bare';
}

function makeRecord(file: string, abstract: ContentLine, title?: ContentLine): SeedRecord {
  const text = abstract.text.replace(ABSTRACT_PREFIX, '');
  return {
    ...(title ? { title: title.text.replace(TITLE_PREFIX, '') } : {}),
    abstract: text,
    source: { file, line: title ? title.n : abstract.n },
    lines: title ? [title.n, abstract.n] : [abstract.n],
    truncated: looksTruncated(text),
  };
}

/**
 * Parse the text of one seed file.
 *
 * Every line ends up in exactly one bucket: part of a record, boilerplate (page chrome or a
 * header label), blank, or a warning naming its line. So
 * `paperLines + boilerplateLines + blankLines + warnings.length === lines`.
 *
 * @param file - the file name, recorded as provenance (e.g. `001_3f9a.txt`).
 * @param text - the decoded file contents (any line endings).
 */
export function parseSeed(file: string, text: string): ParsedSource {
  const raw = splitLines(text.replace(/^\uFEFF/, ''));
  const normalised = raw.map(normaliseLine);
  const format = detectFormat(normalised);
  const out: ParsedSource = {
    file,
    format,
    lines: raw.length,
    records: [],
    boilerplateLines: 0,
    blankLines: 0,
    paperLines: 0,
    warnings: [],
    lineKinds: new Array<LineKind>(raw.length),
  };
  const mark = (n: number, kind: LineKind) => {
    out.lineKinds[n - 1] = kind;
  };

  const content: ContentLine[] = [];
  normalised.forEach((text, i) => {
    const n = i + 1;
    if (text === '') mark(n, 'blank');
    else if (format === 'huggingface' && isBoilerplate(text)) mark(n, 'boilerplate');
    else content.push({ n, text: format === 'huggingface' ? text.replace(GLUED_SUBSCRIBE, '') : text });
  });

  const warn = (line: ContentLine, message: string) => {
    out.warnings.push({ line: line.n, message });
    mark(line.n, 'warning');
  };
  const record = (abstract: ContentLine, title?: ContentLine) => {
    const r = makeRecord(file, abstract, title);
    out.records.push(r);
    for (const n of r.lines) mark(n, 'paper');
  };
  /** A short unknown line before the first paper names the collection; only the first one. */
  const takeAsLabel = (line: ContentLine): boolean => {
    if (out.records.length > 0 || out.label !== undefined || line.text.length > LABEL_MAX_LENGTH) return false;
    out.label = line.text;
    mark(line.n, 'boilerplate');
    return true;
  };
  const preview = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

  if (format === 'huggingface') {
    let pendingTitle: ContentLine | undefined;
    for (const line of content) {
      if (isTitleLike(line.text)) {
        if (pendingTitle && !takeAsLabel(pendingTitle)) warn(pendingTitle, `title with no abstract after it, ignored: "${preview(pendingTitle.text)}"`);
        pendingTitle = line;
      } else {
        record(line, pendingTitle);
        pendingTitle = undefined;
      }
    }
    if (pendingTitle) warn(pendingTitle, `title with no abstract after it (end of file), ignored: "${preview(pendingTitle.text)}"`);
  } else {
    // arxiv and bare: one abstract per line; a short line before the first abstract is a header
    // label; in arxiv listings a "Title:" line names the abstract that follows it.
    let pendingTitle: ContentLine | undefined;
    const dropPendingTitle = (why: string) => {
      if (pendingTitle) warn(pendingTitle, `title with no abstract after it${why}, ignored: "${preview(pendingTitle.text)}"`);
      pendingTitle = undefined;
    };
    for (const line of content) {
      const isAbstract = format === 'arxiv' ? ABSTRACT_PREFIX.test(line.text) || !isTitleLike(line.text) : !isTitleLike(line.text);
      if (isAbstract) {
        record(line, pendingTitle);
        pendingTitle = undefined;
      } else if (format === 'arxiv' && TITLE_PREFIX.test(line.text)) {
        dropPendingTitle('');
        pendingTitle = line;
      } else if (pendingTitle !== undefined || !takeAsLabel(line)) {
        warn(line, `line is neither an abstract nor a header, ignored: "${preview(line.text)}"`);
      }
    }
    dropPendingTitle(' (end of file)');
  }

  for (const kind of out.lineKinds) {
    if (kind === 'paper') out.paperLines++;
    else if (kind === 'boilerplate') out.boilerplateLines++;
    else if (kind === 'blank') out.blankLines++;
  }
  out.warnings.sort((a, b) => a.line - b.line);
  return out;
}
