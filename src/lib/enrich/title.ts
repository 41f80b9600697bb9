/**
 * Titles for papers whose seeds give none, derived from the abstract.
 *
 * Order of preference:
 * 1. the contribution's name with its acronym, "Masked Trajectory Models (MTM)", when the acronym
 *    follows from the capitalised words before it;
 * 2. the name after "we propose / introduce / present …" ("we propose Video Adapter, which …"),
 *    with an appositive description when one follows ("ReWiND, a framework for …");
 * 3. the first sentence, condensed to at most {@link DERIVED_TITLE_MAX_WORDS} words.
 */

/** Longest derived title, in words, before it is cut with an ellipsis. */
export const DERIVED_TITLE_MAX_WORDS = 12;

/** Acronyms of the field that name a topic, never a paper's contribution. */
const COMMON_ACRONYMS = new Set([
  'AI', 'ML', 'RL', 'LLM', 'LLMS', 'LM', 'LMS', 'VLM', 'VLMS', 'MDP', 'MDPS', 'POMDP', 'NLP', 'CV',
  'GPU', 'GPUS', 'CNN', 'CNNS', 'RNN', 'RNNS', 'GNN', 'GNNS', 'MPC', 'IL', 'BC', 'SSM', 'SSMS',
  'VAE', 'VAES', 'GAN', 'GANS', 'MLP', 'MLPS', 'QA', 'KL', 'SGD', 'RLHF', 'LORA', 'PEFT', 'VLA',
  'VLAS', 'MARL', 'HRL', 'TD', 'DRL', 'IRL', 'OOD', 'SOTA', 'API', 'APIS', 'MCTS', 'PPO', 'SAC',
]);

const LOWER_JOINERS = new Set(['of', 'for', 'and', 'in', 'on', 'with', 'to', 'the', 'a', 'via', 'from', 'by']);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function condenseWords(text: string, maxWords = DERIVED_TITLE_MAX_WORDS): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= maxWords) return words.join(' ').replace(/[,;:.]+$/, '');
  // Do not end on a joiner word ("… of the").
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

/** 1. "Full Name (ACRONYM)" where the acronym fits the capitalised words before it. */
function nameWithAcronym(abstract: string): string | undefined {
  const re = /((?:[A-Z][\w-]*\s+(?:(?:of|for|and|in|on|with|to|via|the)\s+)?){1,7})\(([A-Z][A-Za-z0-9-]{1,14})\)/g;
  for (const m of abstract.matchAll(re)) {
    const acronym = m[2]!;
    if (COMMON_ACRONYMS.has(acronym.toUpperCase())) continue;
    const words = m[1]!.trim().split(/\s+/);
    // Keep the longest tail of words that the acronym fits.
    const capitalised = words.filter((w) => !LOWER_JOINERS.has(w));
    for (let start = 0; start < words.length; start++) {
      const tail = words.slice(start);
      const caps = tail.filter((w) => !LOWER_JOINERS.has(w));
      if (caps.length >= 2 && !LOWER_JOINERS.has(tail[0]!) && acronymFits(acronym, caps)) {
        // Skip sentence-initial function words such as "We", "This", "Our".
        if (/^(We|This|Our|In|The|A|An|To|Here|These)$/.test(tail[0]!)) continue;
        return `${tail.join(' ')} (${acronym})`;
      }
    }
    void capitalised;
  }
  return undefined;
}

/** 2. "we propose Video Adapter, which …" / "we introduce ReWiND, a framework for …". */
function proposedName(abstract: string): string | undefined {
  const m = abstract.match(
    /\b(?:we|this paper|this work)\s+(?:propose|introduce|present|develop|call|dub|name)s?\s+(?:a\s+|an\s+|the\s+)?(?:new\s+|novel\s+)?(?:(?:method|framework|approach|model|algorithm|system|benchmark|dataset|technique|architecture)\s+(?:called|named|dubbed|termed)\s+)?((?:[A-Z0-9][\w-]*(?:\s+|(?=[,.:;(]))){1,5})([,:]\s*(?:a|an|the)\s+([^.;()]{10,120}))?/,
  );
  if (!m) return undefined;
  const name = m[1]!.trim();
  // A name has an upper-case letter beyond the first character or several capitalised words.
  const words = name.split(/\s+/);
  const looksLikeName = /[A-Z].*[A-Z0-9]|\d/.test(name.slice(1)) || words.length >= 2;
  if (!looksLikeName || COMMON_ACRONYMS.has(name.toUpperCase())) return undefined;
  const description = m[3]?.trim();
  if (description) {
    const short = condenseWords(description, DERIVED_TITLE_MAX_WORDS - words.length);
    return `${name}: ${capitalise(short)}`;
  }
  return name;
}

/** 3. The first sentence, without throat-clearing, condensed. */
function firstSentence(abstract: string): string {
  const sentence = abstract.match(/^.*?[.!?](?=\s+[\p{Lu}\d(]|$)/u)?.[0] ?? abstract;
  const trimmed = sentence
    .replace(/^(?:in this (?:paper|work|study)|here|in this letter),?\s+/i, '')
    .replace(/[.!?]$/, '');
  return capitalise(condenseWords(trimmed));
}

/**
 * Derive a short, readable title from an abstract.
 * @param abstract - normalised abstract text.
 * @returns a title of at most ~{@link DERIVED_TITLE_MAX_WORDS} words; never empty.
 */
export function deriveTitle(abstract: string): string {
  return nameWithAcronym(abstract) ?? proposedName(abstract) ?? firstSentence(abstract);
}
