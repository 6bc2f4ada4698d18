import type { Features } from './features';

/**
 * A fitted linear model shipped as data, written by tests/bench/fit-signals.ts and read here.
 * It is encoded for the content-script budget (DESIGN.md: 150 KB gzip for everything):
 *
 * - features are named by a hash, not by their text: the sorted hashes, delta-coded as text,
 *   gzip to about half of the sorted feature names they replace. The fit works on the same
 *   hashes, so a collision (two features sharing a key) is learned, not met at run time;
 * - weights are quantised to small integers and written one character each, which gzips to
 *   three quarters of a JSON array of the same integers.
 */
export interface LinearModelData {
  /** Format version, so an old data file fails loudly instead of scoring garbage. */
  version: 2;
  /** Output classes; one class means a binary logistic model. */
  classes: string[];
  /** Integer weights are multiplied by this. */
  scale: number;
  /** One bias per class. */
  bias: number[];
  /** Features are keyed by the top `hashBits` bits of their FNV-1a hash (see `featureKey`). */
  hashBits: number;
  /**
   * The feature keys, ascending, each written as the difference from the previous one in
   * base-`DIGITS.length / 2` digits (see `encodeKeys`). Feature i owns weights[i*s .. i*s+s),
   * where s is k, or k - 1 when `reference` is set. Empty: no model.
   */
  keys: string;
  /**
   * A class whose weights are all zero and so not stored (softmax only cares about
   * differences between classes); saves a third of the weights of a three-class model.
   */
  reference?: string;
  /** Weights are integers in [-levels, levels]. */
  levels: number;
  /** One character per weight: its index in `DIGITS`, minus `levels`. */
  weights: string;
  /** Decision threshold on the probability for a binary model (fitted by cross-validation). */
  threshold?: number;
  /** Free-form note on what it was fitted on, for people reading the file. */
  note?: string;
}

/** Decoded model: feature key → offset into `weights`. */
export interface LinearModel {
  classes: readonly string[];
  k: number;
  hashBits: number;
  index: Map<number, number>;
  weights: Float32Array;
  bias: Float32Array;
  threshold: number;
}

/**
 * Printable ASCII without the characters JSON or a JS string literal would escape (quote,
 * backslash, backtick, dollar), so the encoded strings cost one byte each in the bundle.
 */
const DIGITS = (() => {
  let out = '';
  for (let c = 35; c < 127; c++) {
    const ch = String.fromCharCode(c);
    if (!'\\`$'.includes(ch)) out += ch;
  }
  return out.slice(0, 88);
})();
/** Key deltas use half the digits as "more digits follow" and half as "last digit". */
const BASE = DIGITS.length / 2;

/** The feature's key: the top `bits` bits of the FNV-1a hash of its name (UTF-16 code units). */
export function featureKey(name: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) >>> (32 - bits);
}

/** Writes ascending keys as delta digits; the fit script's half of `decodeKeys`. */
export function encodeKeys(keys: readonly number[]): string {
  let out = '';
  let previous = 0;
  for (const key of keys) {
    let delta = key - previous;
    previous = key;
    let digits = DIGITS[BASE + (delta % BASE)] as string;
    delta = Math.floor(delta / BASE);
    while (delta > 0) {
      digits = (DIGITS[delta % BASE] as string) + digits;
      delta = Math.floor(delta / BASE);
    }
    out += digits;
  }
  return out;
}

function decodeKeys(text: string): number[] {
  const keys: number[] = [];
  let previous = 0;
  let delta = 0;
  for (let i = 0; i < text.length; i++) {
    const d = DIGITS.indexOf(text[i] as string);
    if (d < 0) throw new Error(`linear model: bad key digit at ${i}`);
    if (d < BASE) delta = delta * BASE + d;
    else {
      previous += delta * BASE + (d - BASE);
      keys.push(previous);
      delta = 0;
    }
  }
  return keys;
}

/** Writes integer weights in [-levels, levels] one character each; the fit script's half. */
export function encodeWeights(weights: readonly number[], levels: number): string {
  if (2 * levels + 1 > DIGITS.length) throw new Error('linear model: too many weight levels');
  return weights.map((w) => DIGITS[w + levels] as string).join('');
}

/** Decodes the data file once. */
export function decodeModel(data: LinearModelData): LinearModel {
  if (data.version !== 2) throw new Error(`linear model: unknown format version ${String(data.version)}`);
  const k = data.classes.length;
  const keys = data.keys === '' ? [] : decodeKeys(data.keys);
  const ref = data.reference === undefined ? -1 : data.classes.indexOf(data.reference);
  const stored = ref < 0 ? k : k - 1;
  if (data.weights.length !== keys.length * stored) throw new Error('linear model: weights do not match keys');
  const index = new Map<number, number>();
  const weights = new Float32Array(keys.length * k);
  for (let i = 0; i < keys.length; i++) {
    index.set(keys[i] as number, i * k);
    for (let c = 0, from = i * stored; c < k; c++) {
      if (c === ref) continue;
      weights[i * k + c] = (DIGITS.indexOf(data.weights[from++] as string) - data.levels) * data.scale;
    }
  }
  return {
    classes: data.classes,
    k,
    hashBits: data.hashBits,
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
    const at = model.index.get(featureKey(names[i] as string, model.hashBits));
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
