/**
 * Presentation helpers for maintainer-override fields (`seeds/overrides.yaml`) on paper pages.
 */

/**
 * The visible label of a paper's own-page link: "Paper on <host>", host without a leading `www.`,
 * e.g. `https://arxiv.org/abs/2305.02968` → "Paper on arxiv.org".
 * @param url - an absolute http(s) URL (validated by the overrides schema).
 * @returns the label; "Paper page" when the URL cannot be parsed.
 */
export function paperLinkLabel(url: string): string {
  try {
    return `Paper on ${new URL(url).hostname.replace(/^www\./, '')}`;
  } catch {
    return 'Paper page';
  }
}
