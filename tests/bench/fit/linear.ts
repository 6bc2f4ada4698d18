/**
 * The training half of lib/engine/signals/linear-model.ts: softmax (or logistic) regression by
 * AdaGrad SGD over hashed sparse features, the quantisation the shipped data file uses, and the
 * measures the fit's cross-validation reads. Used by tests/bench/fit-signals.ts and by the
 * accuracy benchmark (which re-runs the irony cross-validation); nothing here is shipped.
 */
import { seededRandom } from '../../../lib/demo/random';
import type { FeatureOptions } from '../../../lib/engine/signals/features';
import type { ModelHeader } from '../../../lib/engine/signals/linear-model';

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

/** A fitted model in full precision: a dense table of 2^bits rows, as the shipped one. */
export interface Model {
  bits: number;
  k: number;
  /** Row r, class c at r * k + c. */
  w: Float32Array;
  b: Float64Array;
  /** Rows the fit may use (seen in enough training texts); the others stay zero. */
  live: Uint8Array;
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

/** Rows of a 2^bits table seen in at least `minDf` examples. */
export function liveRows(examples: readonly Example[], bits: number, minDf: number): Uint8Array {
  const shift = 32 - bits;
  const df = new Uint16Array(2 ** bits);
  const last = new Int32Array(2 ** bits).fill(-1);
  examples.forEach((e, n) => {
    for (const key of e.keys) {
      const r = key >>> shift;
      if (last[r] === n) continue;
      last[r] = n;
      if ((df[r] as number) < 65535) df[r] = (df[r] as number) + 1;
    }
  });
  const live = new Uint8Array(2 ** bits);
  for (let r = 0; r < live.length; r++) live[r] = (df[r] as number) >= minDf ? 1 : 0;
  return live;
}

/** Softmax (k > 1) or logistic (k = 1) regression over the rows `live` marks. */
export function fitLinear(examples: readonly Example[], bits: number, minDf: number, k: number, s: FitSettings): Model {
  const live = liveRows(examples, bits, minDf);
  const shift = 32 - bits;
  const w = new Float32Array(2 ** bits * k);
  const g2 = new Float32Array(2 ** bits * k).fill(1e-8);
  const b = new Float64Array(k);
  const bg2 = new Float64Array(k).fill(1e-8);
  const lr = s.lr ?? 0.1;
  const [neg, pos] = s.polarClasses ?? [0, 2];
  const random = seededRandom(s.seed);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(Math.max(k, 2));
  const grad = new Float64Array(Math.max(k, 2));
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const e = examples[i] as Example;
      const { keys, values } = e;
      for (let c = 0; c < k; c++) z[c] = b[c] as number;
      for (let j = 0; j < keys.length; j++) {
        const r = (keys[j] as number) >>> shift;
        if (live[r] === 0) continue;
        const v = values[j] as number;
        for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (w[r * k + c] as number) * v;
      }
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
      for (let j = 0; j < keys.length; j++) {
        const r = (keys[j] as number) >>> shift;
        if (live[r] === 0) continue;
        const v = values[j] as number;
        for (let c = 0; c < k; c++) {
          const at = r * k + c;
          const g = (grad[c] as number) * v + s.l2 * (w[at] as number);
          if (g === 0) continue;
          g2[at] = (g2[at] as number) + g * g;
          w[at] = (w[at] as number) - (lr * g) / Math.sqrt(g2[at] as number);
        }
      }
    }
  }
  return { bits, k, w, b, live };
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
export function scores(model: Model, e: { keys: Int32Array; values: Float32Array }): Float64Array {
  const out = Float64Array.from(model.b);
  const shift = 32 - model.bits;
  for (let j = 0; j < e.keys.length; j++) {
    const r = (e.keys[j] as number) >>> shift;
    const v = e.values[j] as number;
    for (let c = 0; c < model.k; c++) out[c] = (out[c] as number) + (model.w[r * model.k + c] as number) * v;
  }
  return out;
}

/** Probabilities: softmax, or [p] for a logistic model. */
export function predict(model: Model, e: { keys: Int32Array; values: Float32Array }): Float64Array {
  const z = scores(model, e);
  if (model.k === 1) return Float64Array.of(1 / (1 + Math.exp(-(z[0] as number))));
  softmaxInPlace(z, model.k);
  return z;
}

/** Weights shifted to the reference class (-1: none) and rounded to integers in [-levels, levels]. */
function quantise(model: Model, levels: number, ref: number): { table: Int8Array; scale: number; stored: number } {
  const k = model.k;
  const stored = ref < 0 ? k : k - 1;
  const rows = 2 ** model.bits;
  let max = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < k; c++) {
      const x = (model.w[r * k + c] as number) - (ref < 0 ? 0 : (model.w[r * k + ref] as number));
      max = Math.max(max, Math.abs(x));
    }
  const scale = max / levels || 1;
  const table = new Int8Array(rows * stored);
  for (let r = 0; r < rows; r++)
    for (let c = 0, s = 0; c < k; c++) {
      if (c === ref) continue;
      const x = (model.w[r * k + c] as number) - (ref < 0 ? 0 : (model.w[r * k + ref] as number));
      table[r * stored + s++] = Math.round(x / scale);
    }
  return { table, scale, stored };
}

/** The model as it ships (quantised, reference class zero), in full-precision form for the CV. */
export function quantised(model: Model, levels: number, ref: number): Model {
  const { table, scale, stored } = quantise(model, levels, ref);
  const k = model.k;
  const w = new Float32Array(model.w.length);
  for (let r = 0; r < 2 ** model.bits; r++)
    for (let c = 0, s = 0; c < k; c++) if (c !== ref) w[r * k + c] = (table[r * stored + s++] as number) * scale;
  const b = model.b.map((x) => x - (ref < 0 ? 0 : (model.b[ref] as number)));
  return { ...model, w, b };
}

/** The feature options a header names: only those set (a model with none has no `features`). */
function shippedOptions(options: FeatureOptions | undefined): { features: FeatureOptions } | undefined {
  const set = Object.entries(options ?? {}).filter(([, v]) => v !== undefined && v !== 0 && v !== false);
  return set.length > 0 ? { features: Object.fromEntries(set) as FeatureOptions } : undefined;
}

/** The shipped form of a model: its header and table for the blob (linear-model.ts `writeBlob`). */
export function toShipped(
  model: Model,
  classes: string[],
  note: string,
  options: {
    levels: number;
    reference?: string;
    threshold?: number;
    features?: FeatureOptions;
    bias?: readonly number[];
  },
): { header: Omit<ModelHeader, 'offset' | 'length'>; table: Int8Array } {
  const ref = options.reference === undefined ? -1 : classes.indexOf(options.reference);
  const { table, scale } = quantise(model, options.levels, ref);
  const offsets = options.bias ?? new Array(model.k).fill(0);
  const bias = Array.from(
    model.b,
    (x, c) => x + (offsets[c] ?? 0) - (ref < 0 ? 0 : (model.b[ref] as number) + (offsets[ref] ?? 0)),
  );
  return {
    header: {
      classes,
      ...(options.reference === undefined ? {} : { reference: options.reference }),
      bits: model.bits,
      scale: Number(scale.toPrecision(6)),
      bias: bias.map((x) => Number(x.toFixed(4))),
      ...(options.threshold === undefined ? {} : { threshold: Number(options.threshold.toFixed(4)) }),
      ...(shippedOptions(options.features) ?? {}),
      note,
    },
    table,
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
