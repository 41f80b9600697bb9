/**
 * Thin wrapper over wink-nlp (https://winkjs.org/wink-nlp/) with its English "lite web" model:
 * tokenising, stop-word flags and Porter2 stemming. Loaded once per process.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * An empty pipeline: tokenisation only. Sentence boundaries, negation, sentiment, POS and named
 * entities (wink-nlp's default pipe) are not used here and cost ~60 % of the time; token types,
 * normal forms, stems and stop-word flags are identical without them (checked on the seeds and a
 * 10,000-paper synthetic corpus, see BENCHMARKS.md).
 */
const nlp = winkNLP(model, []);
const its = nlp.its;

/**
 * Porter2 stems by token value (the surface string wink-nlp stems). Stemming is a pure function of
 * it, and a corpus repeats a small vocabulary, so each distinct value is stemmed once per process
 * (a 50,000-paper corpus has ~10⁵ distinct values: a few MB).
 */
const stemCache = new Map<string, string>();

/** One word token of a text. */
export interface Term {
  /** Lower-cased surface form. */
  word: string;
  /** Porter2 stem (wink-nlp `its.stem`). */
  stem: string;
  /** True for English stop words (wink-nlp `its.stopWordFlag`). */
  stop: boolean;
}

/**
 * Tokenise a text into its word and number tokens (punctuation, symbols, URLs and e-mails dropped).
 * Hyphenated compounds are split by the tokenizer ("vision-language" → "vision", "language").
 * @param text - any English text.
 * @returns tokens in reading order.
 */
export function terms(text: string): Term[] {
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const types = tokens.out(its.type) as string[];
  const words = tokens.out(its.normal) as string[];
  const values = tokens.out(its.value) as string[];
  const stops = tokens.out(its.stopWordFlag) as boolean[];
  // Stem only the values not seen before (the stemmer dominates the cost otherwise).
  const unseen = tokens.filter((t) => !stemCache.has(t.out(its.value) as string));
  if (unseen.length() > 0) {
    const newValues = unseen.out(its.value) as string[];
    const newStems = unseen.out(its.stem) as string[];
    newValues.forEach((v, i) => stemCache.set(v, newStems[i]!.toLowerCase()));
  }
  const out: Term[] = [];
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'word' && types[i] !== 'number') continue;
    out.push({ word: words[i]!, stem: stemCache.get(values[i]!)!, stop: stops[i]! });
  }
  return out;
}

/** Stems of a text's tokens, in order (convenience over {@link terms}). */
export function stems(text: string): string[] {
  return terms(text).map((t) => t.stem);
}
