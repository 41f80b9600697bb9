/**
 * JSON-LD (schema.org) metadata for paper pages, serialised so it is safe inside an HTML
 * `<script type="application/ld+json">` element.
 */

/**
 * Serialise a value as JSON that cannot end or confuse its `<script>` element: `<`, `>` and `&`
 * become `\u003c`, `\u003e`, `\u0026` (so neither `</script>` nor `<!--` can appear), and U+2028/
 * U+2029 are escaped too. The result is still valid JSON with the same value (JSON.parse gives it
 * back). Rule source: HTML spec, "Restrictions for contents of script elements".
 */
export function safeJsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A schema.org ScholarlyArticle for a paper.
 * @param paper - title, abstract, topic names (→ `keywords`) and the page's absolute URL.
 * @param sameAs - external URLs of the same work (e.g. its arXiv abstract page), optional.
 */
export function scholarlyArticle(
  paper: { title: string; abstract: string; topics: string[]; url: string },
  sameAs: string[] = [],
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: paper.title.length > 110 ? `${paper.title.slice(0, 109)}…` : paper.title,
    name: paper.title,
    abstract: paper.abstract,
    keywords: paper.topics.join(', '),
    url: paper.url,
    mainEntityOfPage: paper.url,
    ...(sameAs.length ? { sameAs } : {}),
  };
}
