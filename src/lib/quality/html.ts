/**
 * Facts about built HTML that the quality gates and the `_headers` integration need, read with
 * htmlparser2 (https://github.com/fb55/htmlparser2), a maintained spec-following tokenizer.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';

/** A URL-valued attribute of an element. */
export interface UrlRef {
  tag: string;
  attr: string;
  url: string;
}

/** What {@link scanHtml} finds in one document. */
export interface HtmlFacts {
  /** Every `href`, `src`, `srcset` candidate, `poster`, `action` and `data` (of `<object>`) value. */
  urls: UrlRef[];
  /** Text of each inline `<script>` that a browser executes (no `src`; classic or module). */
  inlineScripts: string[];
  /** `src` of each external `<script>`, with its `type` (empty for classic). */
  externalScripts: { src: string; type: string }[];
  /** `href` of each `<link rel="stylesheet">`. */
  stylesheets: string[];
  /** Every `id` attribute value. */
  ids: Set<string>;
  /** Inline event handler attributes (`onclick` …), as `tag[attr]`: CSP hashes cannot allow them. */
  eventHandlers: string[];
}

/** Script `type`s a browser executes (HTML §4.12.1: empty, a JavaScript MIME type, or `module`). */
const EXECUTABLE = /^(|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i;

const URL_ATTRS: Record<string, string[]> = {
  '*': ['href', 'src', 'poster', 'action'],
  object: ['data'],
};

/**
 * Scan one HTML document.
 * @param html - the document text.
 */
export function scanHtml(html: string): HtmlFacts {
  const facts: HtmlFacts = { urls: [], inlineScripts: [], externalScripts: [], stylesheets: [], ids: new Set(), eventHandlers: [] };
  let script: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id !== undefined) facts.ids.add(attrs.id);
        // <a name> is an old-style fragment target, still honoured by browsers.
        if (name === 'a' && attrs.name !== undefined) facts.ids.add(attrs.name);
        for (const attr of [...URL_ATTRS['*']!, ...(URL_ATTRS[name] ?? [])]) {
          const v = attrs[attr];
          if (v !== undefined) facts.urls.push({ tag: name, attr, url: v });
        }
        for (const attr of ['srcset', 'imagesrcset']) {
          const v = attrs[attr];
          if (v === undefined) continue;
          for (const candidate of v.split(',')) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) facts.urls.push({ tag: name, attr, url });
          }
        }
        for (const attr of Object.keys(attrs)) if (/^on/i.test(attr)) facts.eventHandlers.push(`${name}[${attr}]`);
        if (name === 'script') {
          const type = (attrs.type ?? '').trim();
          if (attrs.src !== undefined) facts.externalScripts.push({ src: attrs.src, type });
          else if (EXECUTABLE.test(type)) script = '';
        }
        if (name === 'link' && (attrs.rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet') && attrs.href) facts.stylesheets.push(attrs.href);
      },
      ontext(text) {
        if (script !== undefined) script += text;
      },
      onclosetag(name) {
        if (name === 'script' && script !== undefined) {
          facts.inlineScripts.push(script);
          script = undefined;
        }
      },
    },
    // Attribute values are entity-decoded (as the browser sees them); script bodies are raw text
    // either way, byte-for-byte, so their hashes match the browser's.
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return facts;
}

/**
 * The `<script …>…</script>` elements of a document as raw source slices, found by plain string
 * search (no parsing), for callers that parse only the distinct ones: a built site repeats the same
 * few scripts on thousands of pages. Each slice runs from `<script` to the next `</script>`, which
 * is where the HTML tokenizer ends a script element too (HTML §13.2.5.15, script data state).
 * A `<script` inside a comment yields a slice as well; parse the slices with {@link scanHtml}.
 * @param html - the document text.
 * @returns raw element sources in document order; an unterminated element runs to the end.
 */
export function scriptElementSources(html: string): string[] {
  const out: string[] = [];
  let at = html.indexOf('<script');
  while (at >= 0) {
    const close = html.indexOf('</script>', at);
    const end = close < 0 ? html.length : close + '</script>'.length;
    out.push(html.slice(at, end));
    at = html.indexOf('<script', end);
  }
  return out;
}

/**
 * Every file under a directory, as `/`-separated paths relative to it, sorted.
 * @param dir - absolute or working-directory-relative directory.
 */
export function walkFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) visit(p);
      else if (entry.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  visit(dir);
  return out.sort();
}
