import type { Token } from '../nlp/tokenize';
import type { SentimentLabel } from '../types';
import { extractFeatures, type Features } from './features';
import type { LexiconScore } from './lexicon-score';
import { type LinearModelData, lazyModel, linearProbabilities } from './linear-model';
import modelData from './sentiment-model.json';

/**
 * Three-class sentiment of one message: the fitted linear model (unigrams, bigrams,
 * negation-marked words and the rule-based lexicon scores) when it is present, else the
 * lexicon score alone.
 */

/** Probability of each class, summing to 1. */
export interface SentimentProbabilities {
  negative: number;
  neutral: number;
  positive: number;
}

const getModel = lazyModel(modelData as LinearModelData);

/** Lexicon-only fallback: a soft three-way split around a neutral band. */
function fromLexicon(lex: LexiconScore): SentimentProbabilities {
  const c = lex.compound;
  const positive = 1 / (1 + Math.exp(-10 * (c - 0.2)));
  const negative = 1 / (1 + Math.exp(10 * (c + 0.2)));
  const neutral = Math.max(0, 1 - positive - negative);
  const sum = positive + negative + neutral;
  return { negative: negative / sum, neutral: neutral / sum, positive: positive / sum };
}

/** Class probabilities of one message; `features` may be passed when already extracted. */
export function sentimentProbabilities(
  tokens: readonly Token[],
  lex: LexiconScore,
  features?: Features,
): SentimentProbabilities {
  const m = getModel();
  if (!m) return fromLexicon(lex);
  const p = linearProbabilities(m, features ?? extractFeatures(tokens, lex));
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
