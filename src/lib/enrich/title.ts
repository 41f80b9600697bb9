/**
 * Titles for papers whose seeds give none, derived from the abstract's plain text (LaTeX macros
 * and math read as text by {@link plainText}).
 *
 * Order of preference, the first that applies wins:
 * 1. the contribution's name:
 *    a. "Full Name (ACRONYM)" in a sentence that speaks of the authors' work ("we", "our", "the
 *       proposed/resulting …"), when the acronym follows from the capitalised words before it:
 *       "We present Video Prediction Rewards (VIPER)", "a new benchmark: Train Offline, Test Online
 *       (TOTO)". A definition in a sentence about prior work ("Cross-Entropy Method (CEM) is
 *       commonly used …") does not count;
 *    b. a name after "we propose / introduce / present …": "we propose Video Adapter, which …",
 *       with an appositive description when one follows ("ReWiND, a framework for …");
 *    c. a name after "coined / dubbed / called …" ("Our approach, coined DPOK"), followed by what
 *       the authors propose ("DPOK: Online reinforcement learning to fine-tune …");
 * 2. the thesis: "we conclude that X" → X;
 * 3. an opening "We show / prove / find that X" → X;
 * 4. the first "we <verb> <object>" clause that states the work: propose / present / study /
 *    uncover … → the object ("A gradient-free structured pruning framework that …"); extend / cast
 *    / formulate … → the verb as a gerund with its object ("Extending diffusion models to discrete
 *    variables"). Objects that point back ("this approach", "such tools", "whether …") are skipped;
 * 5. the first sentence without throat-clearing ("In this paper, …").
 * Every candidate is condensed to at most {@link DERIVED_TITLE_MAX_WORDS} words (a clause of one
 * word more is kept whole rather than cut).
 */
import { plainText } from '../render/rich-text.ts';

/** Longest derived title, in words, before it is cut with an ellipsis. */
export const DERIVED_TITLE_MAX_WORDS = 12;

/** Acronyms of the field that name a topic, never a paper's contribution. */
const COMMON_ACRONYMS = new Set([
  'AI', 'ML', 'RL', 'LLM', 'LLMS', 'LM', 'LMS', 'VLM', 'VLMS', 'MDP', 'MDPS', 'POMDP', 'NLP', 'CV',
  'GPU', 'GPUS', 'CNN', 'CNNS', 'RNN', 'RNNS', 'GNN', 'GNNS', 'MPC', 'IL', 'BC', 'SSM', 'SSMS',
  'VAE', 'VAES', 'GAN', 'GANS', 'MLP', 'MLPS', 'QA', 'KL', 'SGD', 'RLHF', 'LORA', 'PEFT', 'VLA',
  'VLAS', 'MARL', 'HRL', 'TD', 'DRL', 'IRL', 'OOD', 'SOTA', 'API', 'APIS', 'MCTS', 'PPO', 'SAC',
  'MBRL', 'MOE', 'SDE', 'SDES', 'ODE', 'ODES', 'NPG', 'LQR', 'UCB', 'FID', 'NAS', 'VIT', 'VITS', 'DIT',
]);

const LOWER_JOINERS = new Set(['of', 'for', 'and', 'in', 'on', 'with', 'to', 'the', 'a', 'an', 'via', 'from', 'by', 'that', 'which', 'as', 'at', 'or']);

/** Words that make a sentence about the authors' own work. */
const OWN_WORK = /\b(?:we|our|this (?:paper|work|letter|study)|the (?:proposed|resulting|new)|here)\b/i;

/** Verbs whose object names the work as a noun phrase ("we propose a framework that …"). */
const NOUN_VERBS = 'propose|present|introduce|provide|develop|design|uncover|identify|reveal|study|examine|survey|review|investigate|analy[sz]e|explore|characteri[sz]e';
/** Verbs that read as a gerund title with their object ("we extend X to Y" → "Extending X to Y"). */
const GERUND_VERBS = 'extend|cast|formulate|reformulate|frame|reframe|generalize|generalise|scale|unify|bridge|connect|revisit|rethink|repurpose|adapt|distill|compress|accelerate|align|ground|combine';

/** Objects that refer back to earlier text and mean nothing on their own. */
const ANAPHORA = /^(?:this|these|that|those|it|its|them|such|whether|if|the (?:above|same|former|latter))\b/i;

/** A field acronym, singular or plural ("POMDPs")? */
function isCommonAcronym(word: string): boolean {
  const upper = word.toUpperCase();
  return COMMON_ACRONYMS.has(upper) || (upper.endsWith('S') && COMMON_ACRONYMS.has(upper.slice(0, -1)));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Split plain text into sentences (a period etc. followed by space and a capital, digit or bracket). */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d("“])/u).map((s) => s.trim()).filter(Boolean);
}

/**
 * At most `maxWords` words, cut with "…" and not ending on a joiner ("… of the"); a text of one
 * word more is kept whole. Trailing punctuation is dropped.
 */
function condenseWords(text: string, maxWords = DERIVED_TITLE_MAX_WORDS): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= maxWords + 1) return words.join(' ').replace(/[,;:.]+$/, '');
  let cut = maxWords;
  while (cut > maxWords / 2 && LOWER_JOINERS.has(words[cut - 1]!.toLowerCase())) cut--;
  return `${words.slice(0, cut).join(' ').replace(/[,;:.]+$/, '')}…`;
}

/** Does `acronym` plausibly abbreviate `words` (initials in order, allowing extra letters)? */
function acronymFits(acronym: string, words: string[]): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  const initials = words.map((w) => w.charAt(0).toUpperCase());
  if (letters.charAt(0) !== initials[0]) return false;
  let j = 0;
  for (const ch of letters) {
    if (j < initials.length && ch === initials[j]) j++;
  }
  return j >= Math.min(initials.length, 2);
}

/** 1a. "Full Name (ACRONYM)" in a sentence about the authors' work. */
function nameWithAcronym(text: string): string | undefined {
  const re = /((?:[A-Z][\w-]*,?\s+(?:(?:of|for|and|in|on|with|to|via|the)\s+)?){1,7})\(([A-Z][A-Za-z0-9-]{1,14})\)/g;
  for (const sentence of sentences(text)) {
    if (!OWN_WORK.test(sentence)) continue;
    for (const m of sentence.matchAll(re)) {
      const acronym = m[2]!;
      if (isCommonAcronym(acronym)) continue;
      const words = m[1]!.trim().replace(/,$/, '').split(/\s+/);
      // The longest tail of words that the acronym fits.
      for (let start = 0; start < words.length; start++) {
        const tail = words.slice(start);
        if (LOWER_JOINERS.has(tail[0]!)) continue;
        // Skip sentence-initial function words such as "We", "This", "Our".
        if (/^(?:We|This|Our|In|The|A|An|To|Here|These|Specifically|Finally|Moreover)$/.test(tail[0]!.replace(/,$/, ''))) continue;
        // Initials of the capitalised words, or else of their hyphenated parts ("Learning-to-Modulate" → L, M).
        const whole = tail.filter((w) => !LOWER_JOINERS.has(w));
        const parts = tail.flatMap((w) => w.split('-')).filter((w) => w && !LOWER_JOINERS.has(w.toLowerCase()));
        if ((whole.length >= 2 && acronymFits(acronym, whole)) || (parts.length >= 2 && acronymFits(acronym, parts))) {
          return `${tail.join(' ')} (${acronym})`;
        }
      }
    }
  }
  return undefined;
}

/** Does a phrase read as a name (an inner capital or digit, or several capitalised words)? */
function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/);
  return (/[A-Z0-9]/.test(name.slice(1)) || words.length >= 2) && !isCommonAcronym(name) && !/^(?:Our|We|This|The|In)\b/.test(name);
}

/** 1b. "we propose Video Adapter, which …" / "we introduce ReWiND, a framework for …". */
function proposedName(text: string): string | undefined {
  const m = text.match(
    /\b(?:we|this paper|this work)\s+(?:propose|introduce|present|develop|call|dub|name)s?\s+(?:a\s+|an\s+|the\s+)?(?:new\s+|novel\s+)?(?:(?:method|framework|approach|model|algorithm|system|benchmark|dataset|technique|architecture)\s+(?:called|named|dubbed|termed)\s+)?((?:[A-Z0-9][\w-]*(?:\s+|(?=[,.:;(]))){1,5})([,:]\s*(?:a|an|the)\s+([^.;()]{10,120}))?/,
  );
  if (!m) return undefined;
  const name = m[1]!.trim();
  if (!looksLikeName(name)) return undefined;
  const description = m[3]?.trim().replace(/[\s,;:]+$/, '');
  if (description && description.split(/\s+/).length >= 3) return `${name}: ${capitalise(condenseWords(description, DERIVED_TITLE_MAX_WORDS - name.split(/\s+/).length))}`;
  return name;
}

/** 1c. "Our approach, coined DPOK, …" with what the authors propose as the description. */
function coinedName(text: string): string | undefined {
  const m = [...text.matchAll(/\b(?:coined|dubbed|called|named|termed)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})/g)].find((c) => looksLikeName(c[1]!));
  if (!m) return undefined;
  const name = m[1]!;
  const proposal = workClause(text, 'propose|present|introduce|develop')
    ?.replace(/\s*,?\s*(?:coined|dubbed|called|named|termed)\s+.*$/, '')
    .trim();
  return proposal && proposal.split(/\s+/).length >= 3 ? `${name}: ${condenseWords(proposal, DERIVED_TITLE_MAX_WORDS - name.split(/\s+/).length)}` : name;
}

/** The object of a verb, up to the end of its clause. */
function clauseObject(rest: string, cutAtBy: boolean): string {
  const end = rest.search(cutAtBy ? /,\s|;|:|\.(?:\s|$)|\s\(?(?:i\.e\.|e\.g\.)|\sby\s/ : /,\s|;|:|\.(?:\s|$)|\s\(?(?:i\.e\.|e\.g\.)/);
  return (end === -1 ? rest : rest.slice(0, end)).trim();
}

/** Tidy an object phrase as a title: no "using"/"novel", no common acronyms in brackets, a/an fixed. */
function tidyObject(object: string): string {
  const tidy = object
    .replace(/^using\s+/i, '')
    .replace(/\s+\(([A-Z][A-Za-z]*)\)/g, (all, acr: string) => (isCommonAcronym(acr) ? '' : all))
    .replace(/^(an?|the)\s+(?:novel|new)\s+/i, '$1 ')
    .replace(/^(?:novel|new)\s+/i, '')
    .replace(/^(a|an)\s+(\S)/i, (_, _a: string, first: string) => `${/[aeiou]/i.test(first) ? 'an' : 'a'} ${first}`);
  return capitalise(tidy);
}

/** Gerund of an English verb: extend → extending, cast → casting, formulate → formulating. */
function gerund(verb: string): string {
  const v = verb.toLowerCase();
  if (/[^e]e$/.test(v)) return `${v.slice(0, -1)}ing`;
  return `${v}ing`;
}

/** 4. The object of the first "we <verb> …" clause with one of `verbs`, tidied; undefined if none. */
function workClause(text: string, verbs: string, gerundVerbs?: string): string | undefined {
  const verbRe = new RegExp(
    `\\bwe\\s+(?:(?:first|further|then|also|here|now|critically|carefully|systematically|thoroughly|empirically|theoretically|formally)\\s+)?(${verbs}${gerundVerbs ? `|${gerundVerbs}` : ''})\\s+(.*)`,
    'i',
  );
  const isGerund = gerundVerbs ? new RegExp(`^(?:${gerundVerbs})$`, 'i') : undefined;
  for (const sentence of sentences(text)) {
    const m = verbRe.exec(sentence);
    if (!m) continue;
    const verb = m[1]!;
    const asGerund = isGerund?.test(verb) ?? false;
    const object = clauseObject(m[2]!, asGerund);
    if (!object || ANAPHORA.test(object) || /^(?:to|that|on|in|with|for)\b/i.test(object) || object.split(/\s+/).length < 3) continue;
    const title = asGerund ? `${capitalise(gerund(verb))} ${object}` : tidyObject(object);
    if (title.split(/\s+/).length >= 3) return title;
  }
  return undefined;
}

/** 2. "we conclude that X" → X. */
function thesis(text: string): string | undefined {
  const m = /\bwe conclude that\s+(.*)/i.exec(text);
  if (!m) return undefined;
  const claim = clauseObject(m[1]!, false);
  return claim.split(/\s+/).length >= 3 ? capitalise(claim) : undefined;
}

/** 3. An opening "We show that X" → X. */
function openingClaim(text: string): string | undefined {
  const first = sentences(text)[0] ?? '';
  const m = /^(?:in this (?:paper|work),?\s+)?we (?:show|prove|demonstrate|find|argue|establish) that\s+(.*)/i.exec(first);
  return m ? capitalise(m[1]!.replace(/[.!?]$/, '')) : undefined;
}

/** 5. The first sentence, without throat-clearing. */
function firstSentence(text: string): string {
  const sentence = sentences(text)[0] ?? text;
  return capitalise(sentence.replace(/^(?:in this (?:paper|work|study|letter)|here),?\s+/i, '').replace(/[.!?]$/, ''));
}

/**
 * Derive a short, readable title from an abstract (rules in the module comment).
 * @param abstract - abstract text as ingested (may hold LaTeX).
 * @returns a plain-text title of at most ~{@link DERIVED_TITLE_MAX_WORDS} words; never empty for a
 *   non-empty abstract.
 */
export function deriveTitle(abstract: string): string {
  const text = plainText(abstract);
  const named = nameWithAcronym(text) ?? proposedName(text) ?? coinedName(text);
  if (named) return named;
  const title =
    thesis(text) ?? openingClaim(text) ?? workClause(text, NOUN_VERBS, GERUND_VERBS) ?? firstSentence(text);
  return condenseWords(title);
}
