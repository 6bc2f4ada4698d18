/**
 * The training half of lib/engine/signals/linear-model.ts: softmax (or logistic) regression by
 * AdaGrad SGD over hashed sparse features, the quantisation the shipped data file uses, and the
 * measures the fit's cross-validation reads. Used by tests/bench/fit-signals.ts and by the
 * accuracy benchmark (which re-runs the irony cross-validation); nothing here is shipped.
 */
import { seededRandom } from '../../../lib/demo/random';
import { encodeKeys, encodeWeights, type LinearModelData } from '../../../lib/engine/signals/linear-model';

/**
 * One training example. `polar` marks a two-class label (negative / positive only, from a set
 * with no neutral class): its loss compares the two polar classes and says nothing about
 * neutral, so such sets teach direction without teaching that everything is polar.
 */
export interface Example {
  keys: Int32Array;
  values: Float32Array;
  y: number;
  weight: number;
  polar: boolean;
}

/** A fitted model in full precision, over a fixed vocabulary of keys. */
export interface Model {
  vocab: Int32Array;
  index: Map<number, number>;
  k: number;
  w: Float64Array;
  b: Float64Array;
}

/** Settings of one fit. */
export interface FitSettings {
  epochs: number;
  /** L2 penalty applied to the weights an example touches. */
  l2: number;
  /** AdaGrad base learning rate. @default 0.1 */
  lr?: number;
  seed: number;
  /** Class indexes of negative and positive, for `polar` examples (k = 3). @default [0, 2] */
  polarClasses?: readonly [number, number];
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Keys seen in at least `minDf` examples (plus `always`). */
export function buildVocab(examples: readonly Example[], minDf: number, always?: ReadonlySet<number>): Int32Array {
  const df = new Map<number, number>();
  for (const e of examples) {
    const seen = new Set<number>();
    for (const key of e.keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      df.set(key, (df.get(key) ?? 0) + 1);
    }
  }
  const out: number[] = [];
  for (const [key, n] of df) if (n >= minDf || always?.has(key)) out.push(key);
  return Int32Array.from(out);
}

/** Example features mapped to vocabulary slots once per fit (the inner loop then reads arrays). */
interface Indexed {
  ids: Int32Array;
  vals: Float32Array;
}

function indexAll(examples: readonly Example[], index: Map<number, number>): Indexed[] {
  return examples.map((e) => {
    const ids: number[] = [];
    const vals: number[] = [];
    for (let j = 0; j < e.keys.length; j++) {
      const at = index.get(e.keys[j] as number);
      if (at !== undefined) {
        ids.push(at);
        vals.push(e.values[j] as number);
      }
    }
    return { ids: Int32Array.from(ids), vals: Float32Array.from(vals) };
  });
}

/** Softmax (k > 1) or logistic (k = 1) regression. */
export function fitLinear(examples: readonly Example[], vocab: Int32Array, k: number, s: FitSettings): Model {
  const index = new Map<number, number>();
  for (let i = 0; i < vocab.length; i++) index.set(vocab[i] as number, i);
  const w = new Float64Array(vocab.length * k);
  const g2 = new Float64Array(vocab.length * k).fill(1e-8);
  const b = new Float64Array(k);
  const bg2 = new Float64Array(k).fill(1e-8);
  const lr = s.lr ?? 0.1;
  const [neg, pos] = s.polarClasses ?? [0, 2];
  const random = seededRandom(s.seed);
  const rows = indexAll(examples, index);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(Math.max(k, 2));
  const grad = new Float64Array(Math.max(k, 2));
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const e = examples[i] as Example;
      const { ids, vals } = rows[i] as Indexed;
      logits(w, b, k, ids, vals, z);
      if (k === 1) {
        grad[0] = (1 / (1 + Math.exp(-(z[0] as number))) - e.y) * e.weight;
      } else if (e.polar) {
        // Two-class label: the loss is -log p(y | y is negative or positive).
        const m = Math.max(z[neg] as number, z[pos] as number);
        const a = Math.exp((z[neg] as number) - m);
        const c = Math.exp((z[pos] as number) - m);
        grad.fill(0);
        grad[neg] = (a / (a + c) - (e.y === neg ? 1 : 0)) * e.weight;
        grad[pos] = (c / (a + c) - (e.y === pos ? 1 : 0)) * e.weight;
      } else {
        softmaxInPlace(z, k);
        for (let c = 0; c < k; c++) grad[c] = ((z[c] as number) - (e.y === c ? 1 : 0)) * e.weight;
      }
      for (let c = 0; c < k; c++) {
        const gb = grad[c] as number;
        if (gb === 0) continue;
        bg2[c] = (bg2[c] as number) + gb * gb;
        b[c] = (b[c] as number) - (lr * gb) / Math.sqrt(bg2[c] as number);
      }
      for (let j = 0; j < ids.length; j++) {
        const base = (ids[j] as number) * k;
        const v = vals[j] as number;
        for (let c = 0; c < k; c++) {
          const at = base + c;
          const g = (grad[c] as number) * v + s.l2 * (w[at] as number);
          if (g === 0) continue;
          g2[at] = (g2[at] as number) + g * g;
          w[at] = (w[at] as number) - (lr * g) / Math.sqrt(g2[at] as number);
        }
      }
    }
  }
  return { vocab, index, k, w, b };
}

function logits(w: Float64Array, b: Float64Array, k: number, ids: Int32Array, vals: Float32Array, out: Float64Array) {
  for (let c = 0; c < k; c++) out[c] = b[c] as number;
  for (let j = 0; j < ids.length; j++) {
    const base = (ids[j] as number) * k;
    const v = vals[j] as number;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + (w[base + c] as number) * v;
  }
}

function softmaxInPlace(z: Float64Array, k: number): void {
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, z[c] as number);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    z[c] = Math.exp((z[c] as number) - max);
    sum += z[c] as number;
  }
  for (let c = 0; c < k; c++) z[c] = (z[c] as number) / sum;
}

/** Raw scores (logits), one per class. */
export function scores(model: Model, e: Example): Float64Array {
  const out = Float64Array.from(model.b);
  for (let j = 0; j < e.keys.length; j++) {
    const at = model.index.get(e.keys[j] as number);
    if (at === undefined) continue;
    const v = e.values[j] as number;
    for (let c = 0; c < model.k; c++) out[c] = (out[c] as number) + (model.w[at * model.k + c] as number) * v;
  }
  return out;
}

/** Probabilities: softmax, or [p] for a logistic model. */
export function predict(model: Model, e: Example): Float64Array {
  const z = scores(model, e);
  if (model.k === 1) return Float64Array.of(1 / (1 + Math.exp(-(z[0] as number))));
  softmaxInPlace(z, model.k);
  return z;
}

/** The `keep` keys with the largest weight spread across classes (after centring). */
export function topFeatures(model: Model, keep: number): Int32Array {
  if (keep >= model.vocab.length) return model.vocab;
  const k = model.k;
  const strength = new Float64Array(model.vocab.length);
  for (let i = 0; i < model.vocab.length; i++) {
    let mean = 0;
    for (let c = 0; c < k; c++) mean += model.w[i * k + c] as number;
    mean = k === 1 ? 0 : mean / k;
    let s = 0;
    for (let c = 0; c < k; c++) s += Math.abs((model.w[i * k + c] as number) - mean);
    strength[i] = s;
  }
  const order = Array.from(model.vocab.keys()).sort((a, b) => (strength[b] as number) - (strength[a] as number));
  return Int32Array.from(order.slice(0, keep).map((i) => model.vocab[i] as number));
}

/** The model as it ships: weights shifted to the reference class and rounded to `levels` steps. */
export function quantised(model: Model, levels: number, ref: number): Model {
  const k = model.k;
  const shifted = new Float64Array(model.w.length);
  for (let i = 0; i < model.vocab.length; i++)
    for (let c = 0; c < k; c++)
      shifted[i * k + c] = (model.w[i * k + c] as number) - (ref < 0 ? 0 : (model.w[i * k + ref] as number));
  let max = 0;
  for (const x of shifted) max = Math.max(max, Math.abs(x));
  const scale = max / levels || 1;
  const w = shifted.map((x) => Math.round(x / scale) * scale);
  const b = model.b.map((x) => x - (ref < 0 ? 0 : (model.b[ref] as number)));
  return { ...model, w, b };
}

/** The Rice parameter that writes these ascending keys in the fewest bits. */
function riceBits(keys: readonly number[], hashBits: number): number {
  let best = { bits: 0, length: Infinity };
  for (let b = 0; b < hashBits; b++) {
    let length = 0;
    let previous = 0;
    for (const key of keys) {
      length += Math.floor((key - previous) / 2 ** b) + 1 + b;
      previous = key;
    }
    if (length < best.length) best = { bits: b, length };
  }
  return best.bits;
}

/** Encodes a model as the shipped data file (linear-model.ts). */
export function toData(
  model: Model,
  classes: string[],
  note: string,
  options: { levels: number; hashBits: number; threshold?: number; reference?: string; bias?: readonly number[] },
): LinearModelData {
  const k = model.k;
  const ref = options.reference === undefined ? -1 : classes.indexOf(options.reference);
  const shifted = new Float64Array(model.w.length);
  for (let i = 0; i < model.vocab.length; i++) {
    const base = ref < 0 ? 0 : (model.w[i * k + ref] as number);
    for (let c = 0; c < k; c++) shifted[i * k + c] = (model.w[i * k + c] as number) - base;
  }
  let max = 0;
  for (const x of shifted) max = Math.max(max, Math.abs(x));
  const scale = max / options.levels || 1;
  const order = Array.from(model.vocab.keys()).sort((a, b) => (model.vocab[a] as number) - (model.vocab[b] as number));
  const keptVocab: number[] = [];
  const keptWeights: number[] = [];
  for (const i of order) {
    const slice: number[] = [];
    for (let c = 0; c < k; c++) if (c !== ref) slice.push(Math.round((shifted[i * k + c] as number) / scale));
    // Features whose weights all quantise to zero cost bytes and change nothing.
    if (slice.every((x) => x === 0)) continue;
    keptVocab.push(model.vocab[i] as number);
    keptWeights.push(...slice);
  }
  const offsets = options.bias ?? new Array(k).fill(0);
  const bias = Array.from(
    model.b,
    (x, c) => x + (offsets[c] ?? 0) - (ref < 0 ? 0 : (model.b[ref] as number) + (offsets[ref] ?? 0)),
  );
  const rice = riceBits(keptVocab, options.hashBits);
  return {
    version: 3,
    classes,
    scale: Number(scale.toPrecision(6)),
    bias: bias.map((x) => Number(x.toFixed(4))),
    hashBits: options.hashBits,
    keys: encodeKeys(keptVocab, rice),
    riceBits: rice,
    levels: options.levels,
    weights: encodeWeights(keptWeights, options.levels),
    ...(options.reference === undefined ? {} : { reference: options.reference }),
    ...(options.threshold === undefined ? {} : { threshold: Number(options.threshold.toFixed(4)) }),
    note,
  };
}

/** Accuracy, macro-F1 over `k` classes, and the confusion matrix (rows: gold, columns: predicted). */
export function classScores(
  gold: readonly number[],
  pred: readonly number[],
  k: number,
): { acc: number; f1: number; perClass: number[]; confusion: number[][] } {
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] as number;
    const p = pred[i] as number;
    (confusion[g] as number[])[p] = ((confusion[g] as number[])[p] as number) + 1;
    if (g === p) correct++;
  }
  const perClass: number[] = [];
  for (let c = 0; c < k; c++) {
    const tp = (confusion[c] as number[])[c] as number;
    let fp = 0;
    let fn = 0;
    for (let o = 0; o < k; o++) {
      if (o === c) continue;
      fp += (confusion[o] as number[])[c] as number;
      fn += (confusion[c] as number[])[o] as number;
    }
    perClass.push(tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
  }
  return {
    acc: gold.length === 0 ? 0 : correct / gold.length,
    f1: perClass.reduce((s, x) => s + x, 0) / k,
    perClass,
    confusion,
  };
}

/** F1 of the positive class of a binary decision. */
export function binaryF1(gold: readonly boolean[], pred: readonly boolean[]): { f1: number; p: number; r: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] && gold[i]) tp++;
    else if (pred[i]) fp++;
    else if (gold[i]) fn++;
  }
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn), p, r };
}

/** The threshold on scores (0.05..0.95) that maximises positive-class F1. */
export function bestThreshold(probs: readonly number[], gold: readonly boolean[]): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: 0 };
  for (let t = 0.05; t <= 0.95; t += 0.01) {
    const f1 = binaryF1(
      gold,
      probs.map((p) => p >= t),
    ).f1;
    if (f1 > best.f1) best = { threshold: t, f1 };
  }
  return best;
}

/** Gives every class the same total weight, so the model does not just learn the majority. */
export function balance(examples: readonly Example[], k: number): void {
  const totals = new Array<number>(k).fill(0);
  for (const e of examples) totals[e.y] = (totals[e.y] as number) + e.weight;
  const target = examples.reduce((s, e) => s + e.weight, 0) / k;
  for (const e of examples) e.weight *= target / (totals[e.y] as number);
}

/** Fold of example i in k-fold cross-validation, after a seeded shuffle of the indexes. */
export function foldsOf(n: number, folds: number, seed: number): Int8Array {
  const order = shuffle(
    Array.from({ length: n }, (_, i) => i),
    seededRandom(seed),
  );
  const out = new Int8Array(n);
  order.forEach((i, at) => {
    out[i] = at % folds;
  });
  return out;
}
