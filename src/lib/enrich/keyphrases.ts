/**
 * Keyphrases: tf-idf over word n-grams (1–3 words) of each paper's title and abstract.
 *
 * Candidates are runs of non-stop words inside one clause (punctuation ends a run; a hyphen does
 * not), as in RAKE (Rose et al. 2010, "Automatic Keyword Extraction from Individual Documents").
 * A candidate is scored by its frequency in the paper (title hits count {@link TITLE_BOOST}×)
 * times its inverse document frequency over the corpus, with longer phrases favoured by
 * {@link LENGTH_BOOST}. Tokenising and stemming is wink-nlp's (see nlp.ts).
 */
import { GENERIC_WORDS, type Term } from './nlp.ts';

/** Longest keyphrase, in words. */
export const MAX_WORDS = 3;
/** Keyphrases per paper: at least / at most. */
export const MIN_KEYPHRASES = 3;
export const MAX_KEYPHRASES = 6;
/** Weight of a title occurrence against an abstract occurrence. */
export const TITLE_BOOST = 2;
/** Score multiplier per extra word of a phrase (a 2-word phrase × 1.5, 3-word × 2). */
export const LENGTH_BOOST = 0.5;
/** Beyond {@link MIN_KEYPHRASES}, a phrase must score at least this share of the paper's best. */
export const MIN_RELATIVE_SCORE = 0.4;
/** A single word held by more than this share of papers is too common to be a keyphrase. */
export const MAX_UNIGRAM_DF_SHARE = 0.1;

interface Candidate {
  /** Stems joined by spaces. */
  key: string;
  words: number;
  /** Surface forms seen in this paper's abstract, with counts. */
  forms: Map<string, number>;
  /** Surface forms seen in the title (often Title Case; used only when the abstract has none). */
  titleForms: Map<string, number>;
  titleHits: number;
  abstractHits: number;
}

function isContent(t: Term): boolean {
  return !t.stop && t.stem.length > 1 && !/^\d+(?:\.\d+)?$/.test(t.word) && !t.word.startsWith("'");
}

function collect(tokens: Term[], into: Map<string, Candidate>, inTitle: boolean): void {
  const content = tokens.map(isContent);
  const generic = tokens.map((t) => GENERIC_WORDS.has(t.word));
  for (let i = 0; i < tokens.length; i++) {
    if (!content[i] || generic[i]) continue;
    let key = '';
    let form = '';
    for (let n = 1; n <= MAX_WORDS && i + n <= tokens.length; n++) {
      const t = tokens[i + n - 1]!;
      if (n > 1 && (t.breakBefore || !content[i + n - 1])) break;
      key = n === 1 ? t.stem : `${key} ${t.stem}`;
      form = n === 1 ? t.text : `${form}${t.hyphenBefore ? '-' : ' '}${t.text}`;
      if (generic[i + n - 1]) continue;
      let c = into.get(key);
      if (!c) into.set(key, (c = { key, words: n, forms: new Map(), titleForms: new Map(), titleHits: 0, abstractHits: 0 }));
      const forms = inTitle ? c.titleForms : c.forms;
      forms.set(form, (forms.get(form) ?? 0) + 1);
      if (inTitle) c.titleHits++;
      else c.abstractHits++;
    }
  }
}

/** A candidate kept for scoring once document frequencies are known (compact, per paper). */
interface Kept {
  key: string;
  words: number;
  /** {@link TITLE_BOOST} × title hits + abstract hits. */
  tf: number;
  incidental: boolean;
  form: string;
}

/** Candidates kept per paper: the repeated or title ones, and a few incidental ones as fallback. */
export const KEPT_CANDIDATES = 40;
export const KEPT_INCIDENTAL = 12;

/**
 * Keyphrase extraction fed one paper at a time: each paper's candidates are counted into corpus
 * document frequencies and only a compact shortlist is kept, so memory stays small at 50,000
 * papers. Call {@link select} once all papers are added.
 */
export class KeyphraseIndex {
  private readonly docs: Kept[][] = [];
  private readonly df = new Map<string, number>();

  /** Add the next paper's title and abstract tokens ({@link terms}). */
  add(title: Term[], abstract: Term[]): void {
    const m = new Map<string, Candidate>();
    collect(title, m, true);
    collect(abstract, m, false);
    const strong: Kept[] = [];
    const weak: Kept[] = [];
    for (const c of m.values()) {
      this.df.set(c.key, (this.df.get(c.key) ?? 0) + 1);
      // A phrase seen once, only in the abstract, is usually incidental: kept as a last resort.
      const incidental = c.titleHits === 0 && c.abstractHits < 2;
      const kept = { key: c.key, words: c.words, tf: TITLE_BOOST * c.titleHits + c.abstractHits, incidental, form: displayForm(c.forms.size > 0 ? c.forms : c.titleForms) };
      (incidental ? weak : strong).push(kept);
    }
    const byPromise = (a: Kept, b: Kept) => b.tf * b.words - a.tf * a.words || (a.key < b.key ? -1 : 1);
    this.docs.push([...strong.sort(byPromise).slice(0, KEPT_CANDIDATES), ...weak.sort(byPromise).slice(0, KEPT_INCIDENTAL)]);
  }

  /**
   * Keyphrases of every added paper, in order: {@link MIN_KEYPHRASES}–{@link MAX_KEYPHRASES}
   * phrases (fewer only when the paper has fewer distinct content words), best first, in their
   * most frequent written form; no phrase repeats a word of a better one.
   */
  select(): string[][] {
    const n = this.docs.length;
    const df = this.df;
    return this.docs.map((cands) => {
      const scored = cands
        .filter((c) => c.words > 1 || df.get(c.key)! <= Math.max(2, MAX_UNIGRAM_DF_SHARE * n))
        .map((c) => ({ c, score: c.tf * Math.log((n + 1) / (df.get(c.key)! + 0.5)) * (1 + LENGTH_BOOST * (c.words - 1)) }))
        .sort((a, b) => Number(a.c.incidental) - Number(b.c.incidental) || b.score - a.score || (a.c.key < b.c.key ? -1 : 1));
      const chosen: Kept[] = [];
      const usedStems = new Set<string>();
      const top = scored[0]?.score ?? 0;
      for (const { c, score } of scored) {
        if (chosen.length >= MAX_KEYPHRASES) break;
        if (chosen.length >= MIN_KEYPHRASES && (c.incidental || score < MIN_RELATIVE_SCORE * top)) break;
        const stems = c.key.split(' ');
        if (stems.some((s) => usedStems.has(s))) continue;
        chosen.push(c);
        for (const s of stems) usedStems.add(s);
      }
      return chosen.map((c) => c.form);
    });
  }
}

/**
 * Keyphrases of every paper of a corpus (convenience over {@link KeyphraseIndex}).
 * @param docs - each paper's title and abstract tokens ({@link terms}).
 */
export function extractKeyphrases(docs: { title: Term[]; abstract: Term[] }[]): string[][] {
  const index = new KeyphraseIndex();
  for (const d of docs) index.add(d.title, d.abstract);
  return index.select();
}

/** Most frequent written form; ties: the one with fewer capitals (mid-sentence form). */
function displayForm(forms: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  const caps = (s: string) => (s.match(/[A-Z]/g) ?? []).length;
  for (const [f, c] of forms) {
    if (c > bestCount || (c === bestCount && caps(f) < caps(best))) { best = f; bestCount = c; }
  }
  return best;
}
