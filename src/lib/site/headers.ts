/**
 * The `_headers` file of Netlify and Cloudflare Pages
 * (https://docs.netlify.com/routing/headers/#syntax-for-the-headers-file,
 * https://developers.cloudflare.com/pages/configuration/headers/): parse it, look up the headers of
 * a path, and add `'sha256-…'` sources for inline scripts to its Content-Security-Policy.
 */
import { createHash } from 'node:crypto';

/** One block of `_headers`: a URL pattern and the headers sent for paths that match it. */
export interface HeaderRule {
  /** Pattern as written, e.g. `/*` or `/_astro/*`. */
  pattern: string;
  /** Headers in file order; names as written. */
  headers: [name: string, value: string][];
}

/**
 * Parse a `_headers` file: an unindented line starting with `/` opens a block, indented
 * `Name: value` lines add headers to it, `#` lines are comments.
 * @throws Error naming the line when a header line comes before any pattern or has no colon.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: trimmed, headers: [] });
      return;
    }
    const colon = trimmed.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon <= 0) throw new Error(`_headers line ${i + 1}: expected "Name: value" under a path pattern, got "${trimmed}"`);
    rule.headers.push([trimmed.slice(0, colon).trim(), trimmed.slice(colon + 1).trim()]);
  });
  return rules;
}

/**
 * Whether a path matches a pattern: `*` matches any run of characters (including `/`), `:name`
 * one path segment, as in Netlify's syntax.
 */
export function matchesPattern(pattern: string, path: string): boolean {
  const re = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`).test(path);
}

/**
 * Every header a path gets: all matching blocks, in file order (Netlify joins the values of a
 * header set by several blocks with `, `).
 * @returns lower-cased header name → value.
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    if (!matchesPattern(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out.set(key, out.has(key) ? `${out.get(key)}, ${value}` : value);
    }
  }
  return out;
}

/** The CSP source expression of a script's text: `'sha256-<base64>'` of its UTF-8 bytes (CSP Level 2, §4.2.4). */
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * Add hash sources to the `script-src` directive of a Content-Security-Policy value.
 * Hashes are de-duplicated and sorted, so the output does not depend on page order.
 * @throws Error when the policy has no `script-src` directive (hashes would then have to go to
 *   `default-src`, which is surprising).
 */
export function addScriptHashesToPolicy(policy: string, hashes: Iterable<string>): string {
  const sorted = [...new Set(hashes)].sort();
  if (sorted.length === 0) return policy;
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
  const at = directives.findIndex((d) => d.split(/\s+/)[0]!.toLowerCase() === 'script-src');
  if (at < 0) throw new Error(`Content-Security-Policy has no script-src directive to add hashes to: ${policy}`);
  const existing = new Set(directives[at]!.split(/\s+/));
  directives[at] = [directives[at], ...sorted.filter((h) => !existing.has(h))].join(' ');
  return directives.join('; ');
}

/**
 * Add hash sources to every `Content-Security-Policy` line of a `_headers` file, keeping the rest
 * of the file (comments, order, other headers) as written.
 * @throws as {@link addScriptHashesToPolicy}.
 */
export function addScriptHashesToHeadersFile(text: string, hashes: Iterable<string>): string {
  const list = [...hashes];
  return text.replace(/^(\s+Content-Security-Policy\s*:\s*)(.*)$/gim, (_, head: string, policy: string) => head + addScriptHashesToPolicy(policy, list));
}
