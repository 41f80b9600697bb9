/**
 * Topic assignment from a maintainer-editable taxonomy (`seeds/topics.yaml`).
 *
 * Each topic lists phrases; a phrase matches a run of words in a paper's title or abstract when
 * their Porter2 stems (wink-nlp) are equal, so "world models" matches "world model". A paper's
 * score for a topic is its abstract hits plus {@link TITLE_WEIGHT} × its title hits.
 */
import { loadYamlFile } from './config-file.ts';
import { z } from 'zod';
import { stems } from './nlp.ts';

/** How much more a phrase hit in the title counts than one in the abstract. */
export const TITLE_WEIGHT = 3;
/** Most topics a paper is given. */
export const MAX_TOPICS_PER_PAPER = 4;
/** Default hits needed for a topic to be assigned. */
export const DEFAULT_MIN_SCORE = 2;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Schema of one taxonomy entry. */
export const topicDefinitionSchema = z.object({
  slug: z.string().regex(slugPattern, 'slug must be lower-case words joined by hyphens'),
  name: z.string().min(1),
  description: z.string().min(1),
  phrases: z.array(z.string().min(1)).min(1),
  minScore: z.number().int().positive().optional(),
  fallback: z.boolean().optional(),
});

/** Schema of the taxonomy file. */
export const taxonomySchema = z
  .object({ topics: z.array(topicDefinitionSchema).min(1) })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.topics.forEach((topic, i) => {
      if (seen.has(topic.slug)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'slug'], message: `duplicate topic slug "${topic.slug}"` });
      seen.add(topic.slug);
    });
    const fallbacks = t.topics.filter((x) => x.fallback).length;
    if (fallbacks !== 1) ctx.addIssue({ code: 'custom', path: ['topics'], message: `exactly one topic must have "fallback: true" (found ${fallbacks})` });
  });

export type TopicDefinition = z.infer<typeof topicDefinitionSchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;

/**
 * Read and validate a taxonomy YAML file.
 * @throws Error naming the file and the offending key when the YAML or a field is invalid.
 */
export function loadTaxonomy(path: string): Taxonomy {
  return loadYamlFile(path, taxonomySchema);
}

/** A topic's score for one paper. */
export interface TopicScore {
  slug: string;
  score: number;
}

/** A compiled matcher: phrases as stem sequences, indexed by first stem. */
export class TopicMatcher {
  private readonly byFirstStem = new Map<string, { topic: number; seq: string[] }[]>();
  readonly taxonomy: Taxonomy;
  private readonly fallbackSlug: string;

  constructor(taxonomy: Taxonomy) {
    this.taxonomy = taxonomy;
    this.fallbackSlug = taxonomy.topics.find((t) => t.fallback)!.slug;
    taxonomy.topics.forEach((topic, i) => {
      for (const phrase of topic.phrases) {
        const seq = stems(phrase);
        if (seq.length === 0) continue;
        const list = this.byFirstStem.get(seq[0]!) ?? [];
        list.push({ topic: i, seq });
        this.byFirstStem.set(seq[0]!, list);
      }
    });
  }

  private hits(tokens: string[], into: number[], weight: number): void {
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirstStem.get(tokens[i]!);
      if (!candidates) continue;
      for (const { topic, seq } of candidates) {
        let ok = true;
        for (let k = 1; k < seq.length; k++) {
          if (tokens[i + k] !== seq[k]) { ok = false; break; }
        }
        if (ok) into[topic]! += weight;
      }
    }
  }

  /**
   * Score every topic against a paper.
   * @returns scores > 0, highest first (ties in taxonomy order).
   */
  score(title: string, abstract: string): TopicScore[] {
    return this.scoreStems(stems(title), stems(abstract));
  }

  /**
   * {@link score} over already-stemmed text (lets the catalog tokenise each paper once).
   * @param titleStems - Porter2 stems of the title, in order.
   * @param abstractStems - Porter2 stems of the abstract, in order.
   */
  scoreStems(titleStems: string[], abstractStems: string[]): TopicScore[] {
    const scores = new Array<number>(this.taxonomy.topics.length).fill(0);
    this.hits(titleStems, scores, TITLE_WEIGHT);
    this.hits(abstractStems, scores, 1);
    return this.taxonomy.topics
      .map((t, i) => ({ slug: t.slug, score: scores[i]! }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score);
  }

  /**
   * Assign topics to a paper: every topic whose score reaches its `minScore`, best first, at most
   * {@link MAX_TOPICS_PER_PAPER}; when none does, the best-scoring topic; when nothing matches at
   * all, the fallback topic. Never empty.
   * @returns topic slugs.
   */
  assign(title: string, abstract: string): string[] {
    return this.assignStems(stems(title), stems(abstract));
  }

  /** {@link assign} over already-stemmed title and abstract (see {@link scoreStems}). */
  assignStems(titleStems: string[], abstractStems: string[]): string[] {
    return this.assignDetailed(titleStems, abstractStems).topics;
  }

  /**
   * {@link assignStems}, also telling whether the assignment is weak: no topic reached its
   * `minScore`, so the paper got its best-scoring topic or the fallback (used by the topics audit).
   */
  assignDetailed(titleStems: string[], abstractStems: string[]): { topics: string[]; weak: boolean; scores: TopicScore[] } {
    const all = this.scoreStems(titleStems, abstractStems);
    const scores = all;
    const bySlug = new Map(this.taxonomy.topics.map((t) => [t.slug, t]));
    const strong = scores.filter((s) => s.score >= (bySlug.get(s.slug)!.minScore ?? DEFAULT_MIN_SCORE));
    if (strong.length > 0) return { topics: strong.slice(0, MAX_TOPICS_PER_PAPER).map((s) => s.slug), weak: false, scores: all };
    if (scores.length > 0) return { topics: [scores[0]!.slug], weak: true, scores: all };
    return { topics: [this.fallbackSlug], weak: true, scores: all };
  }
}
