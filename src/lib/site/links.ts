/**
 * Links out from a paper to external indexes: title searches on arXiv, Semantic Scholar, Google
 * Scholar and Hugging Face Papers, and direct arXiv abstract/PDF links when an arXiv id is known.
 */

/** A labelled external link. */
export interface LinkOut {
  label: string;
  href: string;
}

/**
 * Title-search links, in display order. The query is the title with whitespace collapsed,
 * encoded with `encodeURIComponent`. URL patterns are the services' public search pages
 * (arxiv.org/search, semanticscholar.org/search, scholar.google.com/scholar, huggingface.co/papers).
 */
export function searchLinks(title: string): LinkOut[] {
  const q = encodeURIComponent(title.replace(/\s+/g, ' ').trim());
  return [
    { label: 'arXiv', href: `https://arxiv.org/search/?query=${q}&searchtype=title` },
    { label: 'Semantic Scholar', href: `https://www.semanticscholar.org/search?q=${q}` },
    { label: 'Google Scholar', href: `https://scholar.google.com/scholar?q=${q}` },
    { label: 'Hugging Face Papers', href: `https://huggingface.co/papers?q=${q}` },
  ];
}

/**
 * New-style arXiv identifiers (YYMM.NNNN or YYMM.NNNNN since 2015, optional version), per
 * https://info.arxiv.org/help/arxiv_identifier.html; old-style ids (`hep-th/9901001`) too.
 */
const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)`;
const ARXIV_URL = new RegExp(String.raw`arxiv\.org/(?:abs|pdf|html)/${ARXIV_ID}`, 'i');
const ARXIV_PREFIX = new RegExp(String.raw`\barXiv:\s*${ARXIV_ID}`, 'i');

/**
 * Find an arXiv id in a URL (arxiv.org/abs|pdf|html/…) or in text ("arXiv:2401.01234").
 * @param sources - strings to look through, in priority order (e.g. the paper's url, then abstract).
 * @returns the id without version suffix handling (a version, if written, is kept), or `undefined`.
 */
export function findArxivId(...sources: (string | undefined)[]): string | undefined {
  for (const s of sources) {
    if (!s) continue;
    const m = ARXIV_URL.exec(s) ?? ARXIV_PREFIX.exec(s);
    if (m) return m[1]!.replace(/\.pdf$/i, '');
  }
  return undefined;
}

/** Direct arXiv links for an id: abstract page and PDF. */
export function arxivLinks(id: string): LinkOut[] {
  return [
    { label: 'arXiv abstract', href: `https://arxiv.org/abs/${id}` },
    { label: 'PDF', href: `https://arxiv.org/pdf/${id}` },
  ];
}
