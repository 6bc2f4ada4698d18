import { CONTRAST_WORDS, DOWNTONERS, EMOJI_POLARITY, INTENSIFIERS, NEGATORS } from '../nlp/modifiers';
import { polarityLexicon } from '../nlp/polarity-lexicon';
import type { Token } from '../nlp/tokenize';

/**
 * Rule-based valence of one message: the prior lexicon adjusted for negation, intensifiers
 * and downtoners, ALL CAPS, elongation, repeated "!" and "but" clauses. It is both a readable
 * fallback and a set of features for the fitted model, which cannot learn these
 * interactions from unigrams alone.
 */
export interface LexiconScore {
  /** Sum of positive contributions (>= 0). */
  pos: number;
  /** Sum of negative contributions, as a positive number. */
  neg: number;
  /** Squashed total in [-1, 1]. */
  compound: number;
  /** Token indexes of polar words with their adjusted valence, for the sarcasm cues. */
  hits: { index: number; valence: number; negated: boolean }[];
}

/** How many words a negator reaches: "not very good at all" stays negated for "good". */
const NEGATION_REACH = 3;
/** VADER-style squashing constant: a total of about 4 maps to 0.7. */
const SQUASH = 15;
const NEGATION_FLIP = -0.6;
const SQUASH_ALL_RE = /(\p{L})\1+/gu;
const CAPS_BOOST = 1.3;
const ELONGATION_BOOST = 1.2;
const BEFORE_BUT = 0.5;
const AFTER_BUT = 1.4;

function isClauseBreak(token: Token): boolean {
  return token.kind === 'punct' && /[.!?;,:]/.test(token.text);
}

/** Scores tokens of one message; pure and linear in the number of tokens. */
export function lexiconScore(tokens: readonly Token[]): LexiconScore {
  const lexicon = polarityLexicon();
  const hits: LexiconScore['hits'] = [];
  let negationLeft = 0;
  let weight = 1;
  let exclamations = 0;
  let letters = 0;
  let capsWords = 0;
  for (const t of tokens) {
    if (t.kind === 'word') {
      letters++;
      if (t.caps) capsWords++;
    }
  }
  // When everything is shouted, caps carry no contrast.
  const shoutingAll = letters > 0 && capsWords === letters;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') {
      if (t.text.includes('!')) exclamations += t.text.length;
      if (isClauseBreak(t)) negationLeft = 0;
      continue;
    }
    const norm = t.norm;
    if (t.kind === 'word' && CONTRAST_WORDS.has(norm)) {
      for (const h of hits) h.valence *= BEFORE_BUT;
      weight = AFTER_BUT;
      negationLeft = 0;
      continue;
    }
    if (t.kind === 'word' && NEGATORS.has(norm)) {
      negationLeft = NEGATION_REACH;
      continue;
    }
    let valence: number | undefined;
    if (t.kind === 'emoji' || t.kind === 'emoticon') valence = EMOJI_POLARITY.get(t.norm);
    else if (t.kind === 'word' || t.kind === 'hashtag')
      valence = lexicon.get(t.kind === 'hashtag' ? norm.slice(1) : norm);
    if (valence === undefined) {
      if (t.kind === 'word' && !INTENSIFIERS.has(norm) && !DOWNTONERS.has(norm))
        negationLeft = Math.max(0, negationLeft - 1);
      continue;
    }
    let v = valence;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    for (const p of [prev, prev2]) {
      if (p?.kind !== 'word') continue;
      // "sooo good": the squashed form "soo" is still the intensifier "so", said with feeling.
      const key = p.elongated ? p.norm.replace(SQUASH_ALL_RE, '$1') : p.norm;
      v *= INTENSIFIERS.get(key) ?? DOWNTONERS.get(key) ?? 1;
      if ((p.caps || p.elongated) && INTENSIFIERS.has(key)) v *= 1.1;
    }
    if (t.caps && !shoutingAll) v *= CAPS_BOOST;
    if (t.elongated) v *= ELONGATION_BOOST;
    const negated = negationLeft > 0 && t.kind !== 'emoji' && t.kind !== 'emoticon';
    if (negated) v *= NEGATION_FLIP;
    negationLeft = Math.max(0, negationLeft - 1);
    hits.push({ index: i, valence: v * weight, negated });
  }

  let pos = 0;
  let neg = 0;
  for (const h of hits) {
    if (h.valence > 0) pos += h.valence;
    else neg -= h.valence;
  }
  const boost = 1 + 0.08 * Math.min(exclamations, 4) + (shoutingAll && letters > 1 ? 0.15 : 0);
  pos *= boost;
  neg *= boost;
  const total = pos - neg;
  return { pos, neg, compound: total / Math.sqrt(total * total + SQUASH), hits };
}
