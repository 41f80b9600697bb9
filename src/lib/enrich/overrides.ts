/**
 * Maintainer overrides (`seeds/overrides.yaml`, or `seeds/overrides.json`): corrections and
 * additions to individual papers, keyed by paper id (the `id` of `/data/papers.json`).
 *
 * The file is optional; when it is absent nothing changes. Every entry is validated (zod) and
 * checked against the catalog: an unknown id, an unknown field, a malformed URL or an unknown topic
 * slug is an {@link OverrideError} naming the file and the key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** File names looked for in the seeds directory, in order; at most one may exist. */
export const OVERRIDE_FILES = ['overrides.yaml', 'overrides.yml', 'overrides.json'] as const;

/** An absolute http(s) URL. */
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' });

/** An extra link shown on the paper page, e.g. `{ label: Code, url: https://github.com/… }`. */
export const overrideLinkSchema = z.strictObject({
  label: z.string().trim().min(1, 'label must not be empty'),
  url: httpUrl,
});

/** What a maintainer may set for one paper. All fields are optional. */
export const overrideSchema = z.strictObject({
  /** A human title; replaces a seed or derived title and counts as a seed title. */
  title: z.string().trim().min(1, 'title must not be empty').optional(),
  /** The paper's canonical page, e.g. its arXiv abstract page. */
  url: httpUrl.optional(),
  /** Extra links, shown after the canonical URL. */
  links: z.array(overrideLinkSchema).optional(),
  /** Extra topic slugs (must exist in the taxonomy), added after the matched ones. */
  topics: z.array(z.string()).optional(),
  /** A maintainer's note shown on the paper page (plain text). */
  note: z.string().trim().min(1, 'note must not be empty').optional(),
});

/** One paper's override. */
export type Override = z.infer<typeof overrideSchema>;
/** One extra link of an override. */
export type OverrideLink = z.infer<typeof overrideLinkSchema>;

/** A paper id as a key: 12 lower-case hex digits (see merge.ts `paperId`). */
const PAPER_ID = /^[0-9a-f]{12}$/;
const PAPER_ID_MESSAGE = 'key must be a paper id: 12 lower-case hex digits (see /data/papers.json)';

/** The whole overrides file: paper id (12 hex digits) → override. */
export const overridesFileSchema = z.record(z.string().regex(PAPER_ID, PAPER_ID_MESSAGE), overrideSchema);

/** A problem with the overrides file; the message names the file and the key. */
export class OverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverrideError';
  }
}

/** Overrides read from a file, with the file's path for messages. */
export interface LoadedOverrides {
  path: string;
  entries: Map<string, Override>;
}

/**
 * Find and read the overrides file of a seeds directory.
 *
 * @param seedsDir - the seeds directory.
 * @returns the validated overrides, or `undefined` when no overrides file exists.
 * @throws OverrideError naming the file and the key when the file is not valid YAML/JSON, is not a
 *   mapping, has a key that is not a paper id, or an entry with an unknown or malformed field; also
 *   when more than one of {@link OVERRIDE_FILES} exists.
 */
export function loadOverrides(seedsDir: string): LoadedOverrides | undefined {
  const found = OVERRIDE_FILES.map((f) => join(seedsDir, f)).filter((p) => existsSync(p));
  if (found.length === 0) return undefined;
  if (found.length > 1) throw new OverrideError(`${found.join(' and ')}: only one overrides file may exist`);
  const path = found[0]!;
  return { path, entries: parseOverrides(readFileSync(path, 'utf8'), path) };
}

/**
 * Parse and validate the text of an overrides file (YAML 1.2 failsafe schema; JSON is YAML too).
 *
 * @param text - the file's contents.
 * @param path - the file's path, used in messages.
 * @returns paper id → override. An empty file means no overrides.
 * @throws OverrideError as described for {@link loadOverrides}.
 */
export function parseOverrides(text: string, path: string): Map<string, Override> {
  let data: unknown;
  try {
    // Failsafe schema: every scalar is a string, so an all-digit id such as 000000000012 (or one
    // like 1234e5678901) stays the key it looks like instead of becoming a number. All override
    // fields are strings.
    data = parseYaml(text, { schema: 'failsafe' });
  } catch (err) {
    throw new OverrideError(`${path}: not valid YAML: ${(err as Error).message}`);
  }
  if (data === null || data === undefined) return new Map();
  // Keys first, so the message names the bad key (zod reports only "Invalid key in record").
  if (typeof data === 'object' && !Array.isArray(data)) {
    const bad = Object.keys(data).find((k) => !PAPER_ID.test(k));
    if (bad !== undefined) throw new OverrideError(`${path}: ${bad}: ${PAPER_ID_MESSAGE}`);
  }
  const result = overridesFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.map(String).join('.') || '(root)';
    const message = issue.code === 'invalid_type' && issue.path.length === 0 ? 'must be a mapping of paper id → override' : issue.message;
    throw new OverrideError(`${path}: ${where}: ${message}`);
  }
  return new Map(Object.entries(result.data));
}

/**
 * Check overrides against the catalog: every key must be a paper id and every topic a taxonomy
 * slug.
 *
 * @param overrides - the loaded overrides.
 * @param paperIds - ids of all papers.
 * @param topicSlugs - slugs of all taxonomy topics.
 * @throws OverrideError naming the file and the key (`<id>` or `<id>.topics.<i>`).
 */
export function checkOverrides(overrides: LoadedOverrides, paperIds: ReadonlySet<string>, topicSlugs: ReadonlySet<string>): void {
  for (const [id, o] of overrides.entries) {
    if (!paperIds.has(id)) throw new OverrideError(`${overrides.path}: ${id}: no paper has this id (ids are listed in /data/papers.json)`);
    o.topics?.forEach((t, i) => {
      if (!topicSlugs.has(t)) throw new OverrideError(`${overrides.path}: ${id}.topics.${i}: unknown topic "${t}" (not in topics.yaml)`);
    });
  }
}

/**
 * Topics of a paper after an override added some: the matched topics, then the extra ones not
 * already present. The fallback topic is dropped when the override adds a real topic, since it
 * means "matches nothing else".
 *
 * @param matched - topic slugs from the matcher, best first.
 * @param extra - topic slugs from the override.
 * @param fallbackSlug - the taxonomy's fallback topic.
 */
export function mergeTopics(matched: readonly string[], extra: readonly string[] | undefined, fallbackSlug: string | undefined): string[] {
  if (!extra || extra.length === 0) return [...matched];
  const merged = [...matched];
  for (const t of extra) if (!merged.includes(t)) merged.push(t);
  const real = merged.filter((t) => t !== fallbackSlug);
  return real.length > 0 && !extra.includes(fallbackSlug ?? '') ? real : merged;
}
