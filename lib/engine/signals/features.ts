import { isArabicWord, normaliseArabic, stripArabicPrefixes } from '../nlp/arabic';
import { CONTRAST_WORDS, NEGATION_WORDS, NEGATORS } from '../nlp/modifiers';
import type { Token } from '../nlp/tokenize';
import type { LexiconScore } from './lexicon-score';

/**
 * Turns one message into the hashed sparse features the fitted linear models read. The fit script
 * (tests/bench/fit-signals.ts) calls this same function, so training and use can never drift.
 *
 * Features: unigrams (negation-marked inside a negation's reach), bigrams of adjacent words,
 * hashtags with and without their "#", emoji and emoticons, placeholders for mentions, urls and
 * numbers, punctuation shape, shouting, the rule-based lexicon scores as real-valued features,
 * and (per model, `FeatureOptions`) character n-grams of each word, Arabic normalisation and the
 * negators of the model's own language.
 *
 * No feature is ever written out as a string: each is a 32-bit hash built from the hash of its
 * token (one pass over the token's characters), so a message costs a few hundred integer
 * operations and no allocation beyond the reusable buffers. Models read the top bits of the hash
 * as the index of their weights (linear-model.ts), so a collision is learned by the fit, never
 * met for the first time in use.
 */
export class Features {
  /** 32-bit feature hashes (as signed integers); only the first `length` are set. */
  keys: Int32Array;
  /** The value of each feature (1 for presence). */
  values: Float32Array;
  length = 0;

  constructor(capacity = 256) {
    this.keys = new Int32Array(capacity);
    this.values = new Float32Array(capacity);
  }

  push(key: number, value = 1): void {
    if (this.length === this.keys.length) {
      const keys = new Int32Array(this.keys.length * 2);
      keys.set(this.keys);
      const values = new Float32Array(this.values.length * 2);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    this.keys[this.length] = key;
    this.values[this.length] = value;
    this.length++;
  }

  /** A copy holding exactly the features set (the fit script keeps one per example). */
  trimmed(): { keys: Int32Array; values: Float32Array } {
    return { keys: this.keys.slice(0, this.length), values: this.values.slice(0, this.length) };
  }
}

/** Options a model was fitted with; the model's data names them, so use always matches the fit. */
export interface FeatureOptions {
  /**
   * Add character n-grams of each word, from 2 up to this length (0: none). They help where a
   * small training set meets rich morphology and spelling variety; cross-validation picks them
   * per model (tests/bench/fit-signals.ts). @default 0
   */
  charGrams?: number;
  /**
   * Read Arabic words in their light-normalised form (nlp/arabic.ts): tashkeel and tatweel
   * removed, alef, ya and ta-marbuta forms folded, and the word's feature taken without its clitic
   * prefixes (و, the article); character n-grams are of the folded word, prefixes included.
   * @default false
   */
  arabic?: boolean;
  /**
   * A language (ISO 639-1) whose negators and contrast words (`NEGATION_WORDS`) mark negation too,
   * besides the English ones. @default none
   */
  negation?: string;
  /**
   * Also read the message with the English model and add its negative and positive log-odds as two
   * features (sentiment.ts `withEnglishOdds`): XLM-T's romanised Hindi mixes in English words and
   * whole English tweets, which the English model, fitted on far more tweets, reads better.
   * Not a feature of `extractFeatures` itself. @default false
   */
  englishOdds?: boolean;
}

const NEGATION_REACH = 3;
/** Weight of one character n-gram: many fire per word, so each says little. */
const CHAR_GRAM_VALUE = 0.3;

// Salts keep the kinds of feature apart: the word "great" and the character gram "great" must
// not share a weight.
const UNIGRAM = 0x1b873593;
const NEGATED = 0x2c1b3c6d;
const BIGRAM = 0x297a2d39;
const HASHTAG = 0x5bd1e995;
const SYMBOL = 0x68e31da4;
const CHAR_GRAM = 0x3c6ef372;

/** FNV-1a over UTF-16 code units. */
export function hashText(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Murmur3's finaliser: spreads every input bit over the top bits that models index by. */
export function finalMix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** The key of a feature made of one or two token hashes under a salt. */
function key(salt: number, a: number, b = 0): number {
  return finalMix(Math.imul(a ^ salt, 0x9e3779b1) + Math.imul(b, 0x85ebca77));
}

/** The key of a named feature (placeholders, punctuation shape, the lexicon scores). */
export function namedKey(name: string): number {
  return key(SYMBOL, hashText(name));
}

const USER = namedKey('<user>');
const URL = namedKey('<url>');
const NUM = namedKey('<num>');
const BANG = namedKey('<!>');
const BANGS = namedKey('<!!>');
const QUESTION = namedKey('<?>');
const ELLIPSIS = namedKey('<...>');
const LEX_POS = namedKey('<lexpos>');
const LEX_NEG = namedKey('<lexneg>');
const COMPOUND = namedKey('<compound>');
const SHOUT = namedKey('<shout>');

function charGrams(out: Features, word: string, from: number, grams: number): void {
  // "^word$": the boundaries make prefixes and suffixes features of their own.
  const length = word.length - from + 2;
  for (let start = 0; start < length - 1; start++) {
    let h = CHAR_GRAM;
    for (let n = 0; n < grams && start + n < length; n++) {
      const at = start + n;
      const code = at === 0 ? 0x5e : at === length - 1 ? 0x24 : word.charCodeAt(from + at - 1);
      h = Math.imul(h ^ code, 0x01000193);
      if (n >= 1) out.push(finalMix(h + n), CHAR_GRAM_VALUE);
    }
  }
}

/** Extracts the features of one message into `out` (cleared first); linear in its length. */
export function extractFeatures(
  tokens: readonly Token[],
  lex: LexiconScore,
  options?: FeatureOptions,
  out: Features = new Features(),
): Features {
  out.length = 0;
  const arabic = options?.arabic === true;
  const own = options?.negation ? NEGATION_WORDS[options.negation] : undefined;
  let negationLeft = 0;
  let prev = 0;
  let hasPrev = false;
  let caps = 0;
  let words = 0;
  for (const t of tokens) {
    switch (t.kind) {
      case 'word': {
        let w = t.norm;
        let h: number;
        if (arabic && isArabicWord(w)) {
          w = normaliseArabic(w);
          h = hashText(stripArabicPrefixes(w));
        } else h = hashText(w);
        words++;
        if (t.caps) caps++;
        out.push(key(negationLeft > 0 ? NEGATED : UNIGRAM, h));
        if (hasPrev) out.push(key(BIGRAM, prev, h));
        prev = h;
        hasPrev = true;
        if (NEGATORS.has(w) || own?.negators.has(w)) negationLeft = NEGATION_REACH;
        else if (CONTRAST_WORDS.has(w) || own?.contrast.has(w)) negationLeft = 0;
        else if (negationLeft > 0) negationLeft--;
        break;
      }
      case 'hashtag': {
        const bare = hashText(t.norm, hashText('#'));
        out.push(key(HASHTAG, bare));
        // The bare word ("#fail" also says "fail") shares the unigram's weight.
        out.push(key(UNIGRAM, hashText(t.norm.slice(1))));
        hasPrev = false;
        break;
      }
      case 'emoji':
      case 'emoticon':
        out.push(key(SYMBOL, hashText(t.norm)));
        hasPrev = false;
        break;
      case 'mention':
        out.push(USER);
        hasPrev = false;
        break;
      case 'url':
        out.push(URL);
        hasPrev = false;
        break;
      case 'number':
        out.push(NUM);
        prev = NUM;
        hasPrev = true;
        break;
      default:
        if (t.text.includes('!')) out.push(t.text.length > 1 ? BANGS : BANG);
        else if (t.text.includes('?')) out.push(QUESTION);
        else if (t.text.startsWith('..')) out.push(ELLIPSIS);
        negationLeft = 0;
        hasPrev = false;
    }
  }
  const grams = options?.charGrams ?? 0;
  if (grams > 1) {
    for (const t of tokens) {
      if (t.kind === 'word')
        charGrams(out, arabic && isArabicWord(t.norm) ? normaliseArabic(t.norm) : t.norm, 0, grams);
      else if (t.kind === 'hashtag') charGrams(out, t.norm, 1, grams);
    }
  }
  out.push(LEX_POS, Math.min(lex.pos, 8) / 4);
  out.push(LEX_NEG, Math.min(lex.neg, 8) / 4);
  out.push(COMPOUND, lex.compound);
  if (words > 1 && caps / words > 0.5) out.push(SHOUT);
  return out;
}
