import type { Token } from '../nlp/tokenize';
import type { SentimentLabel } from '../types';
import { extractFeatures, type Features, namedKey } from './features';
import type { LexiconScore } from './lexicon-score';
import { type LinearModel, linearProbabilities } from './linear-model';
import { shippedModel } from './models';

/**
 * Three-class sentiment of one message: a fitted linear model (unigrams, bigrams,
 * negation-marked words, character n-grams and the rule-based lexicon scores) for English and for
 * each language with a model of its own (`SENTIMENT_LANGUAGES`), else the English lexicon score
 * alone.
 */

/** Probability of each class, summing to 1. */
export interface SentimentProbabilities {
  negative: number;
  neutral: number;
  positive: number;
}

/** Languages with a sentiment model of their own (ISO 639-1), English first. */
export const SENTIMENT_LANGUAGES: readonly string[] = ['en', 'ar', 'de', 'es', 'fr', 'hi', 'it', 'pt'];

/** The model for a language: its own when fitted, else English (many messages mix in English words). */
export function sentimentModel(language = 'en'): LinearModel | null {
  return shippedModel(`sentiment:${language}`) ?? shippedModel('sentiment:en');
}

/** The two features a model fitted with `englishOdds` reads (features.ts `FeatureOptions`). */
export const ENGLISH_NEG = namedKey('<en:neg>');
export const ENGLISH_POS = namedKey('<en:pos>');

/** The value of an English-odds feature: the class's log-odds, scaled like the sarcasm model's. */
export function englishOdds(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q)) / 4;
}

/** Lexicon-only fallback: a soft three-way split around a neutral band. */
function fromLexicon(lex: LexiconScore): SentimentProbabilities {
  const c = lex.compound;
  const positive = 1 / (1 + Math.exp(-10 * (c - 0.2)));
  const negative = 1 / (1 + Math.exp(10 * (c + 0.2)));
  const neutral = Math.max(0, 1 - positive - negative);
  const sum = positive + negative + neutral;
  return { negative: negative / sum, neutral: neutral / sum, positive: positive / sum };
}

/** Class probabilities of one message in `language` (ISO 639-1; English when omitted or not fitted). */
export function sentimentProbabilities(
  tokens: readonly Token[],
  lex: LexiconScore,
  language?: string,
  scratch?: Features,
): SentimentProbabilities {
  const m = sentimentModel(language);
  if (!m) return fromLexicon(lex);
  let odds: Float64Array | null = null;
  if (m.features.englishOdds) {
    const en = shippedModel('sentiment:en');
    if (en) odds = linearProbabilities(en, extractFeatures(tokens, lex, en.features, scratch));
  }
  const features = extractFeatures(tokens, lex, m.features, scratch);
  if (odds) {
    features.push(ENGLISH_NEG, englishOdds(odds[0] as number));
    features.push(ENGLISH_POS, englishOdds(odds[2] as number));
  }
  const p = linearProbabilities(m, features);
  const at = (name: string) => p[m.classes.indexOf(name)] ?? 0;
  return { negative: at('negative'), neutral: at('neutral'), positive: at('positive') };
}

/** The most probable class and a signed score in [-1, 1] (positive minus negative mass). */
export function sentimentFromProbabilities(p: SentimentProbabilities): { label: SentimentLabel; score: number } {
  let label: SentimentLabel = 'neutral';
  if (p.positive > p.neutral && p.positive >= p.negative) label = 'positive';
  else if (p.negative > p.neutral && p.negative > p.positive) label = 'negative';
  const score = Math.max(-1, Math.min(1, p.positive - p.negative));
  return { label, score: Math.round(score * 1000) / 1000 };
}
