import type { Token } from '../nlp/tokenize';
import type { SentimentLabel } from '../types';
import { extractFeatures, type Features } from './features';
import type { LexiconScore } from './lexicon-score';
import { type LinearModel, type LinearModelData, lazyModel, linearProbabilities } from './linear-model';
import languageModels from './sentiment-languages.json';
import modelData from './sentiment-model.json';

/**
 * Three-class sentiment of one message: a fitted linear model (unigrams, bigrams,
 * negation-marked words and the rule-based lexicon scores; character n-grams for some
 * languages) for English and for each language in `sentiment-languages.json`, else the English
 * lexicon score alone.
 */

/** Probability of each class, summing to 1. */
export interface SentimentProbabilities {
  negative: number;
  neutral: number;
  positive: number;
}

const getEnglish = lazyModel(modelData as LinearModelData);
const getLanguage = new Map(
  Object.entries(languageModels as unknown as Record<string, LinearModelData>).map(([lang, data]) => [
    lang,
    lazyModel(data),
  ]),
);

/** Languages with a sentiment model of their own (ISO 639-1), English included. */
export const SENTIMENT_LANGUAGES: readonly string[] = ['en', ...getLanguage.keys()];

/** The model for a language: its own when fitted, else English (many messages mix in English words). */
export function sentimentModel(language = 'en'): LinearModel | null {
  return (getLanguage.get(language) ?? getEnglish)();
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

/**
 * Class probabilities of one message in `language` (ISO 639-1; English when omitted or not
 * fitted). `features` may be passed when already extracted with the model's options.
 */
export function sentimentProbabilities(
  tokens: readonly Token[],
  lex: LexiconScore,
  features?: Features,
  language?: string,
): SentimentProbabilities {
  const m = sentimentModel(language);
  if (!m) return fromLexicon(lex);
  const f = features && m.charGrams === 0 ? features : extractFeatures(tokens, lex, { charGrams: m.charGrams });
  const p = linearProbabilities(m, f);
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
