import type { Features } from './features';
import { type LinearModelData, lazyModel, linearProbabilities } from './linear-model';
import modelData from './sarcasm-model.json';

/**
 * The fitted sarcasm model's reading of one message, rescaled so that its fitted decision
 * threshold sits at 0.5. Phrase cues explain sarcasm; this catches the quieter kind
 * ("The only thing I got from college is a caffeine addiction") the cues cannot name.
 */

const getModel = lazyModel(modelData as LinearModelData);

const logit = (p: number) => Math.log(p / (1 - p));

/** In [0, 1]; 0.5 is the fitted threshold. 0 when no model is shipped. */
export function sarcasmModelScore(features: Features): number {
  const m = getModel();
  if (!m) return 0;
  const p = Math.min(1 - 1e-6, Math.max(1e-6, linearProbabilities(m, features)[0] ?? 0));
  return 1 / (1 + Math.exp(-(logit(p) - logit(m.threshold))));
}
