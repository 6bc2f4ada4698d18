import type { Features } from './features';

/**
 * A fitted linear model shipped as data: a vocabulary, quantised integer weights and biases.
 * Written by tests/bench/fit-signals.ts; read here. Small on purpose: the content script
 * budget leaves a few tens of KB for all of the engine's data.
 */
export interface LinearModelData {
  /** Format version, so an old data file fails loudly instead of scoring garbage. */
  version: 1;
  /** Output classes; one class means a binary logistic model. */
  classes: string[];
  /** Integer weights are multiplied by this. */
  scale: number;
  /** One bias per class. */
  bias: number[];
  /**
   * Feature names joined by "\n", sorted (it compresses better). Feature i owns
   * weights[i*s .. i*s+s), where s is k, or k - 1 when `reference` is set.
   */
  vocab: string;
  /**
   * A class whose weights are all zero and so not stored (softmax only cares about
   * differences between classes); saves a third of the weights of a three-class model.
   */
  reference?: string;
  weights: number[];
  /** Decision threshold on the probability for a binary model (fitted by cross-validation). */
  threshold?: number;
  /** Free-form note on what it was fitted on, for people reading the file. */
  note?: string;
}

/** Decoded model: feature name → offset into `weights`. */
export interface LinearModel {
  classes: readonly string[];
  k: number;
  index: Map<string, number>;
  weights: Float32Array;
  bias: Float32Array;
  threshold: number;
}

/** Decodes the data file once. */
export function decodeModel(data: LinearModelData): LinearModel {
  const k = data.classes.length;
  const index = new Map<string, number>();
  const names = data.vocab === '' ? [] : data.vocab.split('\n');
  const ref = data.reference === undefined ? -1 : data.classes.indexOf(data.reference);
  const stored = ref < 0 ? k : k - 1;
  const weights = new Float32Array(names.length * k);
  for (let i = 0; i < names.length; i++) {
    index.set(names[i] as string, i * k);
    for (let c = 0, from = i * stored; c < k; c++) {
      if (c === ref) continue;
      weights[i * k + c] = (data.weights[from++] ?? 0) * data.scale;
    }
  }
  return {
    classes: data.classes,
    k,
    index,
    weights,
    bias: Float32Array.from(data.bias),
    threshold: data.threshold ?? 0.5,
  };
}

/** Raw scores (logits), one per class. */
export function linearScores(model: LinearModel, features: Features): Float64Array {
  const out = Float64Array.from(model.bias);
  const { names, values } = features;
  for (let i = 0; i < names.length; i++) {
    const at = model.index.get(names[i] as string);
    if (at === undefined) continue;
    const v = values[i] as number;
    for (let c = 0; c < model.k; c++) out[c] = (out[c] as number) + (model.weights[at + c] as number) * v;
  }
  return out;
}

/** Probabilities: softmax over classes, or the logistic function for a binary model. */
export function linearProbabilities(model: LinearModel, features: Features): Float64Array {
  const s = linearScores(model, features);
  if (model.k === 1) return Float64Array.of(1 / (1 + Math.exp(-(s[0] as number))));
  let max = -Infinity;
  for (const x of s) max = Math.max(max, x);
  let sum = 0;
  for (let c = 0; c < s.length; c++) {
    s[c] = Math.exp((s[c] as number) - max);
    sum += s[c] as number;
  }
  for (let c = 0; c < s.length; c++) s[c] = (s[c] as number) / sum;
  return s;
}
