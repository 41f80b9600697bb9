/**
 * The topics audit: how well the taxonomy covers a catalog, against the targets of issue 4
 * (every paper ≥ 1 topic, ≤ 4 per paper, no topic over 35% of papers, every topic ≥ 5 papers).
 */
import { terms } from './nlp.ts';
import type { TopicMatcher } from './topics.ts';

/** Target: no topic holds more than this share of the papers. */
export const MAX_TOPIC_SHARE = 0.35;
/** Target: every topic holds at least this many papers. */
export const MIN_TOPIC_PAPERS = 5;
/** Target: most topics per paper. */
export const MAX_TOPICS = 4;

/** Result of {@link auditTopics}. */
export interface TopicsAudit {
  papers: number;
  /** Papers with at least one topic. */
  covered: number;
  /** Topic slug → papers, in taxonomy order. */
  sizes: { slug: string; name: string; count: number; share: number }[];
  /** Papers whose only topic is weak (no topic reached its minScore), with their best scores. */
  weak: { id: string; title: string; topics: string[]; scores: string }[];
  /** Largest number of topics on one paper. */
  maxPerPaper: number;
  /** Broken targets, one sentence each; empty when all hold. */
  failures: string[];
}

/**
 * Audit topic assignment over papers.
 * @param papers - id, title and abstract of each paper.
 * @param matcher - the compiled taxonomy.
 */
export function auditTopics(papers: readonly { id: string; title: string; abstract: string }[], matcher: TopicMatcher): TopicsAudit {
  const counts = new Map<string, number>();
  const weak: TopicsAudit['weak'] = [];
  let covered = 0;
  let maxPerPaper = 0;
  for (const p of papers) {
    const r = matcher.assignDetailed(terms(p.title).map((t) => t.stem), terms(p.abstract).map((t) => t.stem));
    if (r.topics.length > 0) covered++;
    maxPerPaper = Math.max(maxPerPaper, r.topics.length);
    for (const t of r.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    if (r.weak) weak.push({ id: p.id, title: p.title, topics: r.topics, scores: r.scores.slice(0, 3).map((s) => `${s.slug}=${s.score}`).join(' ') });
  }
  const n = papers.length || 1;
  const sizes = matcher.taxonomy.topics.map((t) => ({ slug: t.slug, name: t.name, count: counts.get(t.slug) ?? 0, share: (counts.get(t.slug) ?? 0) / n }));
  const failures: string[] = [];
  if (covered < papers.length) failures.push(`${papers.length - covered} paper(s) have no topic`);
  if (maxPerPaper > MAX_TOPICS) failures.push(`a paper has ${maxPerPaper} topics (max ${MAX_TOPICS})`);
  for (const s of sizes) {
    if (s.share > MAX_TOPIC_SHARE) failures.push(`topic ${s.slug} holds ${(100 * s.share).toFixed(1)}% of papers (max ${100 * MAX_TOPIC_SHARE}%)`);
    if (s.count < MIN_TOPIC_PAPERS) failures.push(`topic ${s.slug} holds ${s.count} paper(s) (min ${MIN_TOPIC_PAPERS})`);
  }
  return { papers: papers.length, covered, sizes, weak, maxPerPaper, failures };
}

/** The audit as plain text for the terminal. */
export function formatAudit(a: TopicsAudit): string {
  const lines = [
    `Coverage: ${a.covered}/${a.papers} papers have a topic; at most ${a.maxPerPaper} topics on one paper.`,
    '',
    'Topic sizes:',
    ...[...a.sizes].sort((x, y) => y.count - x.count).map((s) => `  ${String(s.count).padStart(5)}  ${(100 * s.share).toFixed(1).padStart(5)}%  ${s.slug}`),
    '',
    `Papers whose only topic is weak (${a.weak.length}):`,
    ...a.weak.map((w) => `  ${w.id}  [${w.topics.join(', ')}]  ${w.title.slice(0, 80)}  (${w.scores || 'no hits'})`),
    '',
    a.failures.length === 0 ? 'All targets hold.' : `Targets broken:\n${a.failures.map((f) => `  - ${f}`).join('\n')}`,
  ];
  return lines.join('\n');
}
