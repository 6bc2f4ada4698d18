import type { Token } from '../nlp/tokenize';
import { extractFeatures, type Features, namedKey } from './features';
import type { LexiconScore } from './lexicon-score';
import { type LinearModel, linearProbabilities } from './linear-model';
import { shippedModel } from './models';
import type { SentimentProbabilities } from './sentiment';

/**
 * The fitted sarcasm model's reading of one message, rescaled so that its shipped decision
 * threshold sits at 0.5. Phrase cues explain sarcasm; this catches the quieter kind
 * ("The only thing I got from college is a caffeine addiction") the cues cannot name.
 */

/** The shipped sarcasm model (null when none is shipped). */
export function sarcasmModel(): LinearModel | null {
  return shippedModel('sarcasm');
}

const logit = (p: number) => Math.log(p / (1 - p));
const clampP = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));
const SENT_NEG = namedKey('<sent:neg>');
const SENT_POS = namedKey('<sent:pos>');

/**
 * The sarcasm model reads the message's own features plus how the sentiment model reads it:
 * sarcasm is positive words about a negative situation, so the two polarities' odds are
 * evidence the words alone do not carry. The fit script builds its examples with this same
 * function.
 */
export function sarcasmFeatures(
  tokens: readonly Token[],
  lex: LexiconScore,
  sentiment: SentimentProbabilities,
  model: LinearModel | null = sarcasmModel(),
  scratch?: Features,
): Features {
  const f = extractFeatures(tokens, lex, model?.features, scratch);
  f.push(SENT_NEG, logit(clampP(sentiment.negative)) / 4);
  f.push(SENT_POS, logit(clampP(sentiment.positive)) / 4);
  return f;
}

/**
 * Sarcasm says the opposite of what it means, so it has something positive on its surface: a
 * praise word, a positive emoji ("Great, another outage", "Thanks 🙃"). The model's score counts
 * only then; a plain complaint ("The box arrived crushed") is not sarcasm, however much it
 * resembles the negative situations of ironic tweets.
 */
export function sarcasmSurface(lex: LexiconScore): boolean {
  return lex.pos > 0;
}

/** In [0, 1]; 0.5 is the model's shipped threshold. 0 when no model is shipped. */
export function sarcasmModelScore(features: Features, model: LinearModel | null = sarcasmModel()): number {
  if (!model) return 0;
  const p = clampP(linearProbabilities(model, features)[0] ?? 0);
  return 1 / (1 + Math.exp(-(logit(p) - logit(model.threshold))));
}
