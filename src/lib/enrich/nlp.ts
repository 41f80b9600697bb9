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
  const tokens = doc.tokens();
  const types = tokens.out(its.type) as string[];
  const words = tokens.out(its.normal) as string[];
  const values = tokens.out(its.value) as string[];
  const stops = tokens.out(its.stopWordFlag) as boolean[];
  // Stem only the values not seen before (the stemmer dominates the cost otherwise).
  // wink-nlp types its.stem with a narrower signature than out() accepts; it works at run time.
  // Only the unseen ones become token items (itemAt): making an item per token cost more than stemming.
  for (let i = 0; i < values.length; i++) {
    if (!stemCache.has(values[i]!)) stemCache.set(values[i]!, (tokens.itemAt(i).out(its.stem as unknown as typeof its.normal) as string).toLowerCase());
  }
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
    out.push({ word: words[i]!, text: values[i]!, stem: stemCache.get(values[i]!)!, stop: stops[i]!, breakBefore: broken, hyphenBefore: hyphen && !broken });
    broken = false;
    hyphen = false;
  }
  return out;
}

/** Stems of a text's tokens, in order (convenience over {@link terms}). */
export function stems(text: string): string[] {
  return terms(text).map((t) => t.stem);
}

/**
 * Words that say little about a paper's subject: the boilerplate of abstracts ("we propose a novel
 * method…") and common adverbs and verbs that wink-nlp's stop-word list keeps. Related-paper terms
 * and keyphrases ignore them. Chosen by reading the most frequent and the "why" terms of the real
 * seeds; matched on the lower-cased word.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'paper papers approach approaches method methods result results propose proposed proposes proposing show shows shown showing ' +
    'demonstrate demonstrates demonstrated demonstrating novel new existing work works working performance task tasks use uses ' +
    'using used based significant significantly effective effectively outperform outperforms outperforming outperformed state art ' +
    'prior previous previously recent recently various different large key challenge challenges challenging problem problems ' +
    'framework frameworks study studies studied present presents presented introduce introduces introduced improve improves ' +
    'improved improving improvement improvements achieve achieves achieved achieving experiment experiments experimental ' +
    'evaluate evaluated evaluation extensive extensively code available model models learning learn learns learned able ' +
    'abilities ability capability capabilities data set sets setting settings including include includes included enable ' +
    'enables enabling leverage leverages leveraging however furthermore moreover high higher low lower better best strong ' +
    'stronger simple simply general generally specific specifically first second additionally also well often typically ' +
    'usually commonly widely largely highly particularly especially notably surprisingly unfortunately importantly ' +
    'alongside called desired despite given whereas whether while within without across towards toward via thereby ' +
    'remains remain remaining require requires required requiring lack lacks limited limitations limitation address ' +
    'addresses addressing aim aims consider considers considered provide provides provided providing allow allows allowing ' +
    'make makes making many much number numbers several way ways yet still even less more most one two three ' +
    'furthermore respectively empirical empirically overall crucial critical important essential ' +
    'fundamental potential potentially successfully success successful reach attempt consistently inherent reveal reveals ' +
    'substantially substantial greatly able broad range wide variety et al ie eg ' +
    'remarkable remarkably impressive promising emerging emerge emerges yield yields yielding exceed exceeds exceeding ' +
    'traditional conventional classical generic usage open series sota role roles subset appropriate specialized explicit ' +
    'explicitly reliance rely relies relying simultaneously finally instead rather toward whole entire diverse diversity ' +
    'obtain obtains obtained perform performs performed performing attain attains demonstrating evaluating propose ' +
    'holds hold holding requires typical arbitrary certain'
  ).split(/\s+/),
);
