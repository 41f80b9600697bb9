/**
 * Rendering of untrusted seed text (titles, abstracts) that may hold LaTeX: inline math is typeset
 * server-side with KaTeX (https://katex.org/docs/options), LaTeX text macros become text, URLs
 * become links, and everything else is HTML-escaped (escape-html). The output is the only HTML from
 * seed text that pages may insert with `set:html`.
 */
import escapeHtml from 'escape-html';
import katex from 'katex';
import { EXTERNAL_REL, findUrls } from './links.ts';

/** Rendered text: HTML for pages and the same content as plain text for indexes and meta tags. */
export interface RichText {
  /** Safe HTML: escaped text, `<em>`/`<strong>`/`<code>`, links, KaTeX markup. */
  html: string;
  /** Readable plain text: macros resolved, math as its readable source (`O(1/t)`), no markup. */
  text: string;
  /** Whether any math was typeset (the page then needs KaTeX's CSS). */
  hasMath: boolean;
}

/** Options of {@link renderRichText}. */
export interface RichTextOptions {
  /** Turn URLs into links (default true; false for titles that sit inside a link). */
  links?: boolean;
}

/**
 * KaTeX settings for untrusted input (https://katex.org/docs/options, https://katex.org/docs/security):
 * no `\href`/`\url`/`\html*` (trust false; they show as their name), at most 1000 macro expansions
 * and 10 em sizes, no exceptions, and errors in the surrounding text colour instead of red.
 */
export const KATEX_OPTIONS = {
  trust: false,
  throwOnError: false,
  strict: 'ignore',
  errorColor: 'inherit',
  maxExpand: 1000,
  maxSize: 10,
  output: 'htmlAndMathml',
  displayMode: false,
} as const satisfies katex.KatexOptions;

/** Longest inline math, in characters, before a `$` is read as a literal dollar sign. */
const MAX_MATH_LENGTH = 300;

// ---------------------------------------------------------------------------------------------
// LaTeX text-mode tables (LaTeX2e "ltoutenc"/"textcomp" names; Unicode combining marks).

/** `\'e` → é: accent command → Unicode combining mark. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', d: '\u0323', b: '\u0331',
};

/** Letter macros: `\L{}` → Ł, `\ss` → ß, … */
const LETTERS: Record<string, string> = {
  L: 'Ł', l: 'ł', o: 'ø', O: 'Ø', ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å',
  i: 'ı', j: 'ȷ', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ',
  ldots: '…', dots: '…', textellipsis: '…', textendash: '–', textemdash: '—', textbullet: '•',
  textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”',
  S: '§', P: '¶', copyright: '©', textregistered: '®', texttrademark: '™', textdegree: '°',
  textasciitilde: '~', textbackslash: '\\', textbar: '|', textless: '<', textgreater: '>',
  LaTeX: 'LaTeX', TeX: 'TeX', quad: ' ', qquad: ' ', ',': ' ', ';': ' ', ' ': ' ', '\\': ' ', newline: ' ',
};

/** Abbreviation macros common in paper sources (e.g. CVPR's `\eg`, `\ie`, `\etal`). */
const ABBREVIATIONS: Record<string, string> = {
  eg: 'e.g.', Eg: 'E.g.', ie: 'i.e.', Ie: 'I.e.', etal: 'et al.', etc: 'etc.', vs: 'vs.', cf: 'cf.', Cf: 'Cf.',
  wrt: 'w.r.t.', dof: 'd.o.f.', iid: 'i.i.d.', aka: 'a.k.a.',
};

type Style = 'em' | 'strong' | 'code' | 'plain';

/** Macros whose one argument is text in a style. */
const STYLED: Record<string, Style> = {
  emph: 'em', textit: 'em', textsl: 'em', underline: 'em',
  textbf: 'strong',
  texttt: 'code', url: 'code', path: 'code',
  textsc: 'plain', textrm: 'plain', textsf: 'plain', textup: 'plain', textnormal: 'plain', textmd: 'plain',
  mbox: 'plain', text: 'plain', hbox: 'plain',
};

/** Macros whose first argument is dropped and second is text: `\textcolor{red}{x}` → x. */
const SECOND_ARG = new Set(['textcolor', 'colorbox', 'href']);

/** Characters that `\` escapes in LaTeX text mode. */
const ESCAPED = new Set(['%', '&', '$', '#', '_', '{', '}']);

// ---------------------------------------------------------------------------------------------
// Parsing into a small tree.

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'styled'; style: Style; children: Node[] }
  | { kind: 'math'; tex: string; source: string }
  | { kind: 'unknown'; name: string };

/** Longest macro argument `{…}`, in characters, looked for (keeps adversarial input linear). */
const MAX_GROUP_LENGTH = 1000;

/** The content of the balanced `{…}` group starting at `open`, or undefined when unbalanced. */
function group(src: string, open: number): { content: string; end: number } | undefined {
  if (src[open] !== '{') return undefined;
  let depth = 0;
  for (let i = open; i < src.length && i - open <= MAX_GROUP_LENGTH; i++) {
    const ch = src[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return { content: src.slice(open + 1, i), end: i + 1 };
  }
  return undefined;
}

/**
 * Where the `$…$` math starting at `open` ends (index of the closing `$`), following Pandoc's
 * `tex_math_dollars` rule (https://pandoc.org/MANUAL.html#extension-tex_math_dollars): the opening
 * `$` is followed by a non-space, the closing `$` is preceded by a non-space and not followed by a
 * digit, so "costs $60 to train" stays text.
 */
function closingDollar(src: string, open: number): number | undefined {
  const first = src[open + 1];
  if (first === undefined || /\s|\$/.test(first)) return undefined;
  for (let i = open + 1; i < src.length && i - open <= MAX_MATH_LENGTH; i++) {
    if (src[i] === '\\') {
      i++;
      continue;
    }
    if (src[i] === '$') {
      if (/\s/.test(src[i - 1]!) || /\d/.test(src[i + 1] ?? '')) return undefined;
      return i;
    }
  }
  return undefined;
}

/** Index of the `\)` closing inline math that starts at `from`, within {@link MAX_MATH_LENGTH}. */
function closingParen(src: string, from: number): number | undefined {
  for (let j = from; j < src.length - 1 && j - from <= MAX_MATH_LENGTH; j++) {
    if (src[j] === '\\' && src[j + 1] === ')') return j;
  }
  return undefined;
}

function parse(src: string): Node[] {
  const nodes: Node[] = [];
  let buf = '';
  const flush = () => {
    if (buf) nodes.push({ kind: 'text', value: buf });
    buf = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '$') {
      const double = src[i + 1] === '$';
      const start = double ? i + 1 : i;
      const close = closingDollar(src, start);
      if (close !== undefined && (!double || src[close + 1] === '$')) {
        flush();
        const end = double ? close + 2 : close + 1;
        nodes.push({ kind: 'math', tex: src.slice(start + 1, close), source: src.slice(i, end) });
        i = end;
      } else {
        buf += double ? '$$' : '$';
        i += double ? 2 : 1;
      }
      continue;
    }
    if (ch !== '\\') {
      buf += ch;
      i++;
      continue;
    }
    // A backslash.
    const next = src[i + 1];
    if (next === undefined) {
      buf += ch;
      i++;
      continue;
    }
    if (next === '(') {
      const close = closingParen(src, i + 2);
      if (close !== undefined) {
        flush();
        nodes.push({ kind: 'math', tex: src.slice(i + 2, close), source: src.slice(i, close + 2) });
        i = close + 2;
      } else {
        buf += '\\(';
        i += 2;
      }
      continue;
    }
    if (ESCAPED.has(next)) {
      buf += next;
      i += 2;
      continue;
    }
    // Symbol accents: \'e, \'{e}, \"{\i}.
    if (ACCENTS[next] && !/[A-Za-z]/.test(next)) {
      const accented = accent(src, i + 2, ACCENTS[next]);
      if (accented) {
        buf += accented.value;
        i = accented.end;
        continue;
      }
      buf += `\\${next}`;
      i += 2;
      continue;
    }
    const name = /^[A-Za-z]+/.exec(src.slice(i + 1, i + 40))?.[0];
    if (!name) {
      buf += LETTERS[next] ?? `\\${next}`;
      i += 2;
      continue;
    }
    let end = i + 1 + name.length;
    // Letter accents: \c{c}, \v{s}, \H{o}.
    if (ACCENTS[name] && src[end] === '{') {
      const accented = accent(src, end, ACCENTS[name]);
      if (accented) {
        buf += accented.value;
        i = accented.end;
        continue;
      }
    }
    const arg = group(src, end);
    if (STYLED[name] && arg) {
      flush();
      nodes.push({ kind: 'styled', style: STYLED[name], children: parse(arg.content) });
      i = arg.end;
      continue;
    }
    if (SECOND_ARG.has(name) && arg) {
      const second = group(src, arg.end);
      if (second) {
        flush();
        nodes.push({ kind: 'styled', style: 'plain', children: parse(second.content) });
        i = second.end;
        continue;
      }
    }
    const emptyGroup = src.startsWith('{}', end) ? 2 : 0;
    if (LETTERS[name] !== undefined || ABBREVIATIONS[name] !== undefined) {
      buf += LETTERS[name] ?? ABBREVIATIONS[name];
      i = end + emptyGroup;
      continue;
    }
    // An unknown macro: its argument's text when it has one, else its name.
    flush();
    if (arg && !emptyGroup) {
      nodes.push({ kind: 'styled', style: 'plain', children: parse(arg.content) });
      end = arg.end;
    } else {
      nodes.push({ kind: 'unknown', name });
      end += emptyGroup;
    }
    i = end;
  }
  flush();
  return nodes;
}

/** Apply a combining accent to the letter at `at` (`e`, `{e}`, `{\i}`); NFC-composed. */
function accent(src: string, at: number, mark: string): { value: string; end: number } | undefined {
  let letter: string | undefined;
  let end = at;
  const g = group(src, at);
  if (g) {
    const inner = g.content.trim();
    letter = inner === '\\i' ? 'i' : inner === '\\j' ? 'j' : /^\p{L}$/u.test(inner) ? inner : undefined;
    end = g.end;
  } else if (/\p{L}/u.test(src[at] ?? '')) {
    letter = src[at];
    end = at + 1;
  }
  return letter ? { value: `${letter}${mark}`.normalize('NFC'), end } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Output.

/** Readable plain text of a TeX math expression: `O(1/t)`, `BERT_{BASE}` → `BERT BASE` (a word sub- or superscript is a word of its own), `\alpha` → alpha. */
export function mathToText(tex: string): string {
  return tex
    // A sub- or superscript that is a word (`_{BASE}`, `^{LARGE}`) reads as its own word.
    .replace(/[_^]\{\s*([A-Za-z]{2,})\s*\}/g, ' $1 ')
    .replace(/\\[,;:! ]|\\q?quad(?![A-Za-z])/g, ' ')
    .replace(/\\(?:text[a-z]*|math[a-z]*|operatorname|mbox|left|right|[bB]igg?[lr]?|displaystyle)(?![A-Za-z])/g, '')
    .replace(/\\([A-Za-z]+)/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/[{}^_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** KaTeX HTML for `tex`; control sequences KaTeX does not know render as upright text (`\scrfd`). */
function typeset(tex: string): string | undefined {
  const macros: Record<string, string> = {};
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      return katex.renderToString(tex, { ...KATEX_OPTIONS, throwOnError: true, macros: { ...macros } });
    } catch (err) {
      const undefinedMacro = err instanceof katex.ParseError ? /Undefined control sequence: (\\[A-Za-z]+)/.exec(err.message)?.[1] : undefined;
      if (!undefinedMacro) return undefined;
      macros[undefinedMacro] = `\\text{${undefinedMacro.slice(1)}}`;
    }
  }
  return undefined;
}

function textHtml(value: string, links: boolean): string {
  if (!links) return escapeHtml(value);
  let html = '';
  let at = 0;
  for (const m of findUrls(value)) {
    html += escapeHtml(value.slice(at, m.index));
    html += `<a href="${escapeHtml(m.url)}" rel="${EXTERNAL_REL}" class="break-words">${escapeHtml(m.text)}</a>`;
    at = m.lastIndex;
  }
  return html + escapeHtml(value.slice(at));
}

const TAGS: Record<Style, [string, string]> = {
  em: ['<em>', '</em>'],
  strong: ['<strong>', '</strong>'],
  code: ['<code>', '</code>'],
  plain: ['', ''],
};

function render(nodes: Node[], links: boolean, out: { html: string; text: string; hasMath: boolean }): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out.html += textHtml(node.value, links);
        out.text += node.value;
        break;
      case 'styled': {
        const [open, close] = TAGS[node.style];
        out.html += open;
        render(node.children, links, out);
        out.html += close;
        break;
      }
      case 'unknown':
        out.html += `<span class="lectern-tex-unknown" title="${escapeHtml(`LaTeX command \\${node.name}, not defined in the source`)}">${escapeHtml(node.name)}</span>`;
        out.text += node.name;
        break;
      case 'math': {
        const typeset_ = node.tex.trim() ? typeset(node.tex) : undefined;
        if (typeset_ === undefined) {
          out.html += escapeHtml(node.source);
          out.text += node.source;
          break;
        }
        // A word subscript right after text (`BERT$_{BASE}$`) is a word of its own: "BERT BASE".
        const plain = `${/^\s*[_^]\{\s*[A-Za-z]{2,}/.test(node.tex) ? ' ' : ''}${mathToText(node.tex)}`;
        // KaTeX markup is left out of the Pagefind index; a hidden plain copy is indexed instead.
        out.html += `<span class="lectern-math"><span data-pagefind-ignore>${typeset_}</span><span class="sr-only" aria-hidden="true">${escapeHtml(plain)}</span></span>`;
        out.text += plain;
        out.hasMath = true;
        break;
      }
    }
  }
}

/**
 * Renders of short texts (titles: a site renders each on its page, in every listing and in the
 * related papers of up to five others — about ten times a build). Abstracts are rendered about
 * once each and are not kept. Bounded: cleared past {@link CACHE_ENTRIES} (a 50k-paper site has
 * 50k titles, a few MB).
 */
const cache = new Map<string, RichText>();
/** Longest source kept in {@link cache}, characters (titles are far shorter; abstracts far longer). */
const CACHE_SOURCE_LENGTH = 400;
/** Most entries in {@link cache}. */
const CACHE_ENTRIES = 200_000;

/**
 * Render untrusted text that may hold LaTeX.
 *
 * - Inline math `$…$`, `$$…$$` and `\(…\)` is typeset with KaTeX ({@link KATEX_OPTIONS}); math
 *   KaTeX cannot parse, and an unclosed `$`, show their source text.
 * - Text macros render as text: `\emph`/`\textit` → `<em>`, `\textbf` → `<strong>`, `\texttt` →
 *   `<code>`, `\textcolor{c}{x}` → x, accents (`\'e` → é) and letters (`\L{}` → Ł), `\%` → %,
 *   `\eg` → e.g.; an unknown macro shows its name (`\scrfd` → scrfd), one with an argument its
 *   argument's text.
 * - URLs become links ({@link findUrls}) with `rel="noopener noreferrer"`, unless `links` is false.
 * - All other text is HTML-escaped: `<script>` stays visible text.
 * @param source - title or abstract as ingested.
 * @param options - see {@link RichTextOptions}.
 * @returns HTML safe to insert with `set:html`, and the plain text. Never throws.
 */
export function renderRichText(source: string, options: RichTextOptions = {}): RichText {
  const links = options.links ?? true;
  const cacheable = source.length <= CACHE_SOURCE_LENGTH;
  const key = `${links ? 1 : 0}${source}`;
  const hit = cacheable ? cache.get(key) : undefined;
  if (hit) return hit;
  const out = { html: '', text: '', hasMath: false };
  render(parse(source), links, out);
  const result: RichText = { html: out.html, text: out.text.replace(/\s+/g, ' ').trim(), hasMath: out.hasMath };
  if (cacheable) {
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    cache.set(key, result);
  }
  return result;
}

/**
 * Plain readable text of untrusted text that may hold LaTeX, for `<title>`, meta tags, JSON-LD and
 * excerpts: {@link renderRichText}'s `text`.
 * @param source - title or abstract as ingested.
 */
export function plainText(source: string): string {
  return renderRichText(source, { links: false }).text;
}
