/**
 * Thin wrapper over wink-nlp (https://winkjs.org/wink-nlp/) with its English "lite web" model:
 * tokenising, stop-word flags and Porter2 stemming. Loaded once per process.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Tokeniser-only pipeline: stems and stop-word flags are lexical, so no NER/POS pass is needed (≈3× faster). */
const nlp = winkNLP(model, []);
/** wink-nlp's `its` helpers of the shared instance (e.g. `its.bow` for the BM25 vectorizer). */
export const its = nlp.its;

/** One word token of a text. */
export interface Term {
  /** Lower-cased surface form. */
  word: string;
  /** Surface form as written (case kept), for display. */
  text: string;
  /** Porter2 stem (wink-nlp `its.stem`). */
  stem: string;
  /** True for English stop words (wink-nlp `its.stopWordFlag`). */
  stop: boolean;
  /** True when punctuation or a symbol separates this token from the previous word (phrase boundary). */
  breakBefore: boolean;
  /** True when a hyphen joins this token to the previous word ("vision-language"). */
  hyphenBefore: boolean;
}

/**
 * Tokenise a text into its word and number tokens (punctuation, symbols, URLs and e-mails dropped).
 * Hyphenated compounds are split by the tokenizer ("vision-language" → "vision", "language").
 * Each term records whether punctuation preceded it, so callers can keep phrases within clauses.
 * @param text - any English text.
 * @returns tokens in reading order.
 */
export function terms(text: string): Term[] {
  const doc = nlp.readDoc(text);
  const types = doc.tokens().out(its.type) as string[];
  const words = doc.tokens().out(its.normal) as string[];
  const values = doc.tokens().out(its.value) as string[];
  const stems = doc.tokens().out(its.stem) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as boolean[];
  const out: Term[] = [];
  let broken = true;
  let hyphen = false;
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'word' && types[i] !== 'number') {
      // A hyphen joins a compound ("vision-language"), so it is not a phrase boundary.
      if (words[i] === '-' && !broken) hyphen = true;
      else broken = true;
      continue;
    }
    out.push({ word: words[i]!, text: values[i]!, stem: stems[i]!.toLowerCase(), stop: stops[i]!, breakBefore: broken, hyphenBefore: hyphen && !broken });
    broken = false;
    hyphen = false;
  }
  return out;
}

/** Stems of a text's tokens, in order (convenience over {@link terms}). */
export function stems(text: string): string[] {
  return terms(text).map((t) => t.stem);
}
