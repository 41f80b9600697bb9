/**
 * Small pure helpers for page rendering: URLs under the configured base, excerpts, ordering.
 */

/**
 * Join a site-relative path onto the deployment base (Astro `base`, e.g. `/` or `/lectern/`).
 * @param base - `import.meta.env.BASE_URL`.
 * @param path - path without the base, e.g. `papers/foo/`; a leading slash is ignored.
 * @returns an absolute path such as `/lectern/papers/foo/`.
 */
export function withBase(base: string, path = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}

/** Longest excerpt, in characters, shown in listings. */
export const EXCERPT_LENGTH = 220;

/**
 * Shorten an abstract for listings: cut at a word boundary and end with an ellipsis.
 * @param text - plain text.
 * @param max - maximum length in characters.
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Sort items by title as read (`titleText`, the plain-text title: `E$^{2}$GAN` sorts as "E2GAN"),
 * case- and accent-insensitively (Intl.Collator, `en`), ties by id, so the order is stable across
 * builds. O(n log n) comparisons on precomputed text.
 */
export function byTitle<T extends { titleText: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => collator.compare(a.titleText, b.titleText) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** English plural: `count(3, 'paper')` → "3 papers". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
}
