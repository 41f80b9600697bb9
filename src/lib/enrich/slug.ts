/**
 * URL slugs for papers, topics and collections.
 */

/** Longest slug, in characters, before the id suffix; cut at a word boundary. */
export const SLUG_MAX_LENGTH = 72;

/**
 * Turn a title into a URL slug: diacritics folded (NFKD, combining marks removed), lower case,
 * runs of anything but a–z and 0–9 turned into one hyphen, cut at a word boundary to at most
 * {@link SLUG_MAX_LENGTH} characters.
 * @returns the slug; `"paper"` when nothing usable remains.
 */
export function slugify(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= SLUG_MAX_LENGTH) return base || 'paper';
  const cut = base.slice(0, SLUG_MAX_LENGTH + 1);
  const at = cut.lastIndexOf('-');
  return (at > 20 ? cut.slice(0, at) : cut.slice(0, SLUG_MAX_LENGTH)).replace(/-+$/g, '');
}

/**
 * Give every item a unique slug. Items whose slug is shared get `-<first 6 id characters>`
 * appended, so the result does not depend on input order.
 * @param items - `{ id, base }` pairs, `base` from {@link slugify}; ids must be unique.
 * @returns map from id to unique slug.
 */
export function uniqueSlugs(items: readonly { id: string; base: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const { base } of items) count.set(base, (count.get(base) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const { id, base } of items) out.set(id, count.get(base)! > 1 ? `${base}-${id.slice(0, 6)}` : base);
  return out;
}
