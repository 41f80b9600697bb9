/**
 * Internal-link resolution for the broken-link gate: which file of a built site a URL found in a
 * page points to, following the site's URL rules (Astro `base`, `trailingSlash: 'always'`,
 * `build.format: 'directory'`).
 */

/** Where a URL points, as far as a static site is concerned. */
export type LinkTarget =
  | { kind: 'external' }
  | { kind: 'fragment'; id: string }
  | { kind: 'file'; file: string; id?: string }
  | { kind: 'outside-base'; path: string }
  | { kind: 'no-trailing-slash'; path: string };

/**
 * The URL path a page file is served at: `papers/x/index.html` → `<base>papers/x/`, `404.html` →
 * `<base>404.html`.
 * @param file - `/`-separated path relative to the output directory.
 * @param base - Astro base with trailing slash, e.g. `/` or `/lectern/`.
 */
export function pageUrlPath(file: string, base: string): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Resolve a URL found in a page.
 * @param url - attribute value, entity-decoded.
 * @param pagePath - the URL path of the page it was found in ({@link pageUrlPath}).
 * @param base - Astro base with trailing slash.
 * @param siteOrigin - origin of absolute URLs that count as internal (Astro `site`), e.g.
 *   `http://localhost:4321`.
 * @param isFile - whether a `/`-separated path relative to the output directory is a file.
 */
export function resolveLink(url: string, pagePath: string, base: string, siteOrigin: string, isFile: (file: string) => boolean): LinkTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return { kind: 'fragment', id: decodeURIComponent(trimmed.slice(1)) };
  let abs: URL;
  try {
    abs = new URL(trimmed, `${siteOrigin}${pagePath}`);
  } catch {
    return { kind: 'outside-base', path: trimmed };
  }
  if (abs.origin !== new URL(siteOrigin).origin) return { kind: 'external' };
  const path = decodeURIComponent(abs.pathname);
  const id = abs.hash ? decodeURIComponent(abs.hash.slice(1)) : undefined;
  if (!path.startsWith(base)) return { kind: 'outside-base', path };
  const rel = path.slice(base.length);
  if (rel === '' || rel.endsWith('/')) return { kind: 'file', file: `${rel}index.html`, id };
  if (isFile(rel)) return { kind: 'file', file: rel, id };
  if (isFile(`${rel}/index.html`)) return { kind: 'no-trailing-slash', path };
  return { kind: 'file', file: rel, id };
}
