import { CONTRAST_WORDS, NEGATORS } from '../nlp/modifiers';
import type { Token } from '../nlp/tokenize';
import type { LexiconScore } from './lexicon-score';

/**
 * Turns one message into the sparse features the fitted linear models read. The fit script
 * (tests/bench/fit-signals.ts) calls this same function, so training and use can never drift.
 *
 * Features: unigrams (negation-marked with a leading "!" inside a negation's reach),
 * bigrams of adjacent words, placeholders for mentions/urls/numbers, punctuation shape, and
 * the rule-based lexicon scores as real-valued features.
 */
export interface Features {
  names: string[];
  values: number[];
}

const NEGATION_REACH = 3;
/** Weight of one character n-gram: many fire per word, so each says little. */
const CHAR_GRAM_VALUE = 0.3;

/** Options a model was fitted with; the model's data file names them, so use always matches the fit. */
export interface FeatureOptions {
  /**
   * Add character n-grams of each word, from 2 up to this length (0: none). They help where a
   * small training set meets rich morphology (Arabic, French); cross-validation picks them per
   * language (tests/bench/fit-signals.ts). @default 0
   */
  charGrams?: number;
}

/** Extracts features; linear in the number of tokens. */
export function extractFeatures(tokens: readonly Token[], lex: LexiconScore, options?: FeatureOptions): Features {
  const names: string[] = [];
  const values: number[] = [];
  const push = (name: string, value = 1) => {
    names.push(name);
    values.push(value);
  };
  let negationLeft = 0;
  let prevWord: string | null = null;
  let caps = 0;
  let words = 0;
  for (const t of tokens) {
    switch (t.kind) {
      case 'word': {
        const w = t.norm;
        words++;
        if (t.caps) caps++;
        push(negationLeft > 0 ? `!${w}` : w);
        if (prevWord !== null) push(`${prevWord} ${w}`);
        prevWord = w;
        if (NEGATORS.has(w)) negationLeft = NEGATION_REACH;
        else if (CONTRAST_WORDS.has(w)) negationLeft = 0;
        else if (negationLeft > 0) negationLeft--;
        break;
      }
      case 'hashtag':
        push(t.norm);
        push(t.norm.slice(1));
        prevWord = null;
        break;
      case 'emoji':
      case 'emoticon':
        push(t.norm);
        prevWord = null;
        break;
      case 'mention':
        push('<user>');
        prevWord = null;
        break;
      case 'url':
        push('<url>');
        prevWord = null;
        break;
      case 'number':
        push('<num>');
        prevWord = '<num>';
        break;
      default:
        if (t.text.includes('!')) push(t.text.length > 1 ? '<!!>' : '<!>');
        else if (t.text.includes('?')) push('<?>');
        else if (t.text.startsWith('..')) push('<...>');
        negationLeft = 0;
        prevWord = null;
    }
  }
  const grams = options?.charGrams ?? 0;
  if (grams > 0) {
    for (const t of tokens) {
      if (t.kind !== 'word' && t.kind !== 'hashtag') continue;
      const w = `^${t.kind === 'hashtag' ? t.norm.slice(1) : t.norm}$`;
      for (let n = 2; n <= grams; n++)
        for (let i = 0; i + n <= w.length; i++) push(`c:${w.slice(i, i + n)}`, CHAR_GRAM_VALUE);
    }
  }
  push('<lexpos>', Math.min(lex.pos, 8) / 4);
  push('<lexneg>', Math.min(lex.neg, 8) / 4);
  push('<compound>', lex.compound);
  if (words > 1 && caps / words > 0.5) push('<shout>');
  return { names, values };
}
