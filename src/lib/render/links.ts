/**
 * URLs in abstracts: finding them (with linkify-it, https://github.com/markdown-it/linkify-it) and
 * classifying them as code or project pages, for links in rendered text and the paper page's
 * "Code" / "Project page" links.
 */
import { LinkifyIt } from 'linkify-it';

/** Schemes a link from seed text may use; anything else (`javascript:`, `data:`, …) stays text. */
const SAFE_SCHEMES = new Set(['http:', 'https:']);

/**
 * linkify-it with only web links: http(s), protocol-relative `//host/…` (as left by damaged
 * "https: //host" in scraped text) and scheme-less ("fuzzy") links; e-mail addresses, IP addresses,
 * `ftp:` and `mailto:` disabled.
 */
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false }).add('ftp:', null).add('mailto:', null);

/** One URL found in text. */
export interface UrlMatch {
  /** Offset of the first character of the URL in the text (UTF-16 code units). */
  index: number;
  /** Offset just past the URL. */
  lastIndex: number;
  /** The URL as written in the text, e.g. `github.com/user/repo`. */
  text: string;
  /** The absolute URL to link to, e.g. `https://github.com/user/repo`. */
  url: string;
}

/**
 * Find the http(s) URLs in plain text. Trailing punctuation (`.`, `,`, `)` closing an outer
 * parenthesis, …) is not part of a URL (linkify-it's rules). A scheme-less match counts only when it
 * starts with `www.` or has a path (`github.com/user/repo`), so words like `ASP.NET` or `train.py`
 * stay text; it is linked with `https://`.
 * @param text - plain text (not HTML).
 * @returns matches in text order; empty when there are none.
 */
export function findUrls(text: string): UrlMatch[] {
  // Every URL accepted below has a "/" (scheme, protocol-relative or path) or starts with "www.":
  // text with neither cannot match, and skipping linkify-it's large regex there saves most of its cost.
  if ((!text.includes('/') && !/www\./i.test(text)) || !linkify.test(text)) return [];
  const out: UrlMatch[] = [];
  for (const m of linkify.match(text) ?? []) {
    let url: URL;
    try {
      // Scheme-less and protocol-relative links get https (linkify-it would add http or nothing).
      url = new URL(m.schema === '' ? `https://${m.raw}` : m.schema === '//' ? `https:${m.raw}` : m.url);
    } catch {
      continue;
    }
    if (!SAFE_SCHEMES.has(url.protocol)) continue;
    if (m.schema === '' && !/^www\./i.test(m.raw) && !/^[^/]+\/./.test(m.raw)) continue;
    out.push({ index: m.index, lastIndex: m.lastIndex, text: m.raw, url: url.href });
  }
  return out;
}

/** What a link in an abstract points to. */
export type PaperLinkKind = 'code' | 'project';

/** A link of a paper, derived from its abstract. */
export interface PaperLink {
  kind: PaperLinkKind;
  /** Absolute http(s) URL. */
  url: string;
  /** Host name without `www.`, e.g. `github.com`, for display. */
  host: string;
}

/**
 * Hosts of code and model repositories: GitHub, GitLab, Bitbucket, Codeberg, Hugging Face (and its
 * `hf.co` short host, Spaces and the `hf-mirror` mirrors that appear in scraped listings).
 */
const CODE_HOST = /^(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co|hf\.co|[\w-]+\.hf\.space|hf-mirror\.[\w.-]+)$/i;

/**
 * Is a URL a code (or model) repository rather than a project site?
 * `github.com/user/repo` is code, `user.github.io` is a project page.
 * @param url - absolute URL.
 */
export function isCodeUrl(url: string): boolean {
  try {
    return CODE_HOST.test(new URL(url).hostname.replace(/^www\./, ''));
  } catch {
    return false;
  }
}

/**
 * The code and project-page links named in an abstract, in order of appearance, without
 * duplicates (same URL ignoring case, scheme, `www.`, a trailing slash or `.git`).
 * @param abstract - abstract text as ingested (plain text; TeX is fine).
 * @returns `code` links (GitHub, GitLab, Hugging Face, …) and `project` links (every other http(s)
 *   site, e.g. `*.github.io`, `sites.google.com/view/…`).
 */
export function paperLinks(abstract: string): PaperLink[] {
  const seen = new Set<string>();
  const out: PaperLink[] = [];
  for (const m of findUrls(abstract)) {
    const key = m.url.replace(/^https?:\/\/(?:www\.)?/, '').replace(/(?:\.git)?\/?$/, '').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: isCodeUrl(m.url) ? 'code' : 'project', url: m.url, host: new URL(m.url).hostname.replace(/^www\./, '') });
  }
  return out;
}

/** `rel` of every link to a URL taken from seed text. */
export const EXTERNAL_REL = 'noopener noreferrer';
