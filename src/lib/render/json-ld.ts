/**
 * Serialising data for a `<script type="application/ld+json">` element, whose content the HTML
 * parser does not unescape: a title containing `</script>` must not end the element.
 */

/** Characters escaped as JSON `\uXXXX` sequences: `<`, `>`, `&` (HTML) and U+2028/U+2029 (old JS). */
const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/ld+json">` element: `JSON.stringify` with `<`, `>`, `&`,
 * U+2028 and U+2029 written as `\u003c`-style escapes, so no string can close the element or open a
 * comment; `JSON.parse` of the result gives the same data. (The escaping rule of the HTML standard's
 * "restrictions for contents of script elements", as done by e.g. Next.js' `htmlEscapeJsonString`.)
 * Use as `<script type="application/ld+json" set:html={serialiseJsonLd(data)} />`.
 * @param data - JSON-serialisable value (plain text strings; see `plainText` in rich-text.ts).
 * @returns the JSON text.
 * @throws TypeError for values JSON.stringify rejects (cycles, BigInt).
 */
export function serialiseJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
