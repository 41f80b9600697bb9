/**
 * Thin wrapper over wink-nlp (https://winkjs.org/wink-nlp/) with its English "lite web" model:
 * tokenising, stop-word flags and Porter2 stemming. Loaded once per process.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const its = nlp.its;

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
  const types = doc.tokens().out(its.type) as string[];
  const words = doc.tokens().out(its.normal) as string[];
  const stems = doc.tokens().out(its.stem) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as boolean[];
  const out: Term[] = [];
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'word' && types[i] !== 'number') continue;
    out.push({ word: words[i]!, stem: stems[i]!.toLowerCase(), stop: stops[i]! });
  }
  return out;
}

/** Stems of a text's tokens, in order (convenience over {@link terms}). */
export function stems(text: string): string[] {
  return terms(text).map((t) => t.stem);
}
