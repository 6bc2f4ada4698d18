import type { Features } from './features';

/**
 * A fitted linear model shipped as data, written by tests/bench/fit-signals.ts and read here.
 * It is encoded for the content-script budget (DESIGN.md: 150 KB gzip for everything):
 *
 * - features are named by a hash, not by their text: the sorted hashes, Rice-coded gaps six
 *   bits a character, gzip to under half of the sorted feature names they replace. The fit
 *   works on the same hashes, so a collision (two features sharing a key) is learned, not met
 *   at run time;
 * - weights are quantised to small integers and written one character each, which gzips to
 *   three quarters of a JSON array of the same integers.
 */
export interface LinearModelData {
  /** Format version, so an old data file fails loudly instead of scoring garbage. */
  version: 3;
  /** Output classes; one class means a binary logistic model. */
  classes: string[];
  /** Integer weights are multiplied by this. */
  scale: number;
  /** One bias per class. */
  bias: number[];
  /** Features are keyed by the top `hashBits` bits of their FNV-1a hash (see `featureKey`). */
  hashBits: number;
  /**
   * The feature keys, ascending, as a bit stream six bits a character (see `encodeKeys`): each
   * gap from the previous key Rice-coded with `riceBits` low bits. Feature i owns
   * weights[i*s .. i*s+s), where s is k, or k - 1 when `reference` is set. Empty: no model.
   */
  keys: string;
  /** Low bits written as is per key gap; about log2 of the mean gap. */
  riceBits: number;
  /**
   * A class whose weights are all zero and so not stored (softmax only cares about
   * differences between classes); saves a third of the weights of a three-class model.
   */
  reference?: string;
  /** Weights are integers in [-levels, levels]. */
  levels: number;
  /** One character per weight: its index in `DIGITS`, minus `levels`. */
  weights: string;
  /** Character n-grams the features carried at fit time (features.ts `charGrams`). @default 0 */
  charGrams?: number;
  /** Decision threshold on the probability for a binary model (fitted by cross-validation). */
  threshold?: number;
  /** Free-form note on what it was fitted on, for people reading the file. */
  note?: string;
}

/** Decoded model: feature key → offset into `weights` (see `KeyTable`). */
export interface LinearModel {
  classes: readonly string[];
  k: number;
  hashBits: number;
  index: KeyTable;
  weights: Float32Array;
  bias: Float32Array;
  threshold: number;
  charGrams: number;
}

/**
 * Feature key → weight offset. The keys arrive sorted (they are stored as gaps), so the index is
 * the sorted array itself plus where each run of keys sharing their top bits starts: building it
 * is one linear pass (a `Map` of the English model's quarter of a million keys took most of its
 * load time), and a lookup scans a run of three or four keys.
 */
export interface KeyTable {
  /** Every key, ascending. */
  keys: Int32Array;
  /** starts[b] is the first index of a key whose top bits are b; one extra entry at the end. */
  starts: Int32Array;
  /** Right shift that leaves a key's top bits. */
  shift: number;
  /** Floats per feature in `weights`. */
  k: number;
}

function buildTable(keys: Int32Array, k: number, hashBits: number): KeyTable {
  let bucketBits = 1;
  while (bucketBits < hashBits && 2 ** bucketBits < keys.length / 2) bucketBits++;
  const shift = Math.max(0, hashBits - bucketBits);
  const buckets = 2 ** (hashBits - shift);
  const starts = new Int32Array(buckets + 1);
  let at = 0;
  for (let b = 0; b <= buckets; b++) {
    while (at < keys.length && (keys[at] as number) >>> shift < b) at++;
    starts[b] = at;
  }
  return { keys, starts, shift, k };
}

/** The weight offset of a feature key, or -1 when the model has no such feature. */
export function lookup(table: KeyTable, key: number): number {
  const b = key >>> table.shift;
  const end = table.starts[b + 1] ?? 0;
  for (let i = table.starts[b] ?? 0; i < end; i++) {
    const stored = table.keys[i] as number;
    if (stored === key) return i * table.k;
    if (stored > key) return -1;
  }
  return -1;
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
  return out.slice(0, 64);
})();
const BITS_PER_DIGIT = 6;
/** Character code → digit value (-1 for characters outside `DIGITS`). */
const DIGIT_CODES = (() => {
  const out = new Int8Array(128).fill(-1);
  for (let d = 0; d < DIGITS.length; d++) out[DIGITS.charCodeAt(d)] = d;
  return out;
})();

/** The feature's key: the top `bits` bits of the FNV-1a hash of its name (UTF-16 code units). */
export function featureKey(name: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) >>> (32 - bits);
}

/**
 * Writes ascending keys as a Rice code of their gaps: the gap's high part in unary (ones and a
 * zero), then its low `riceBits` bits; the bit stream is written six bits a character. The
 * fit script's half of `decodeKeys`.
 */
export function encodeKeys(keys: readonly number[], riceBits: number): string {
  const bits: number[] = [];
  let previous = 0;
  for (const key of keys) {
    const gap = key - previous;
    previous = key;
    for (let q = Math.floor(gap / 2 ** riceBits); q > 0; q--) bits.push(1);
    bits.push(0);
    for (let b = riceBits - 1; b >= 0; b--) bits.push(Math.floor(gap / 2 ** b) % 2);
  }
  let out = '';
  for (let i = 0; i < bits.length; i += BITS_PER_DIGIT) {
    let digit = 0;
    for (let j = 0; j < BITS_PER_DIGIT; j++) digit = digit * 2 + (bits[i + j] ?? 0);
    out += DIGITS[digit] as string;
  }
  return out;
}

/** Reads `count` keys back; the padding bits after the last key are ignored. */
function decodeKeys(text: string, riceBits: number, count: number): Int32Array {
  // Bits are first unpacked into a byte array: one pass of table lookups, then the Rice decode
  // reads bytes. This is the hot part of loading a model with a quarter of a million keys.
  const bits = new Uint8Array(text.length * BITS_PER_DIGIT);
  for (let i = 0, o = 0; i < text.length; i++) {
    const digit = DIGIT_CODES[text.charCodeAt(i)] ?? -1;
    if (digit < 0) throw new Error(`linear model: bad key character at ${i}`);
    for (let b = BITS_PER_DIGIT - 1; b >= 0; b--) bits[o++] = (digit >> b) & 1;
  }
  const keys = new Int32Array(count);
  const unit = 2 ** riceBits;
  let at = 0;
  let previous = 0;
  for (let n = 0; n < count; n++) {
    let gap = 0;
    while (bits[at++] === 1) gap += unit;
    let low = 0;
    for (let b = 0; b < riceBits; b++) low = low * 2 + (bits[at++] as number);
    if (at > bits.length) throw new Error('linear model: keys end early');
    previous += gap + low;
    keys[n] = previous;
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
  if (data.version !== 3) throw new Error(`linear model: unknown format version ${String(data.version)}`);
  const k = data.classes.length;
  const ref = data.reference === undefined ? -1 : data.classes.indexOf(data.reference);
  const stored = ref < 0 ? k : k - 1;
  const count = data.weights.length / stored;
  if (!Number.isInteger(count)) throw new Error('linear model: weights do not fill whole features');
  const keys = count === 0 ? new Int32Array(0) : decodeKeys(data.keys, data.riceBits, count);
  const index = buildTable(keys, k, data.hashBits);
  const weights = new Float32Array(keys.length * k);
  for (let i = 0; i < keys.length; i++) {
    for (let c = 0, from = i * stored; c < k; c++) {
      if (c === ref) continue;
      weights[i * k + c] = ((DIGIT_CODES[data.weights.charCodeAt(from++)] as number) - data.levels) * data.scale;
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
    charGrams: data.charGrams ?? 0,
  };
}

/** Raw scores (logits), one per class. */
export function linearScores(model: LinearModel, features: Features): Float64Array {
  const out = Float64Array.from(model.bias);
  const { names, values } = features;
  for (let i = 0; i < names.length; i++) {
    const at = lookup(model.index, featureKey(names[i] as string, model.hashBits));
    if (at < 0) continue;
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

/**
 * A shipped model, decoded on first use (decoding costs a few milliseconds, and a page that never
 * reads a customer never pays it). Null when the data holds no model (`keys` empty).
 */
export function lazyModel(data: LinearModelData): () => LinearModel | null {
  let model: LinearModel | null | undefined;
  return () => {
    if (model === undefined) model = data.keys === '' ? null : decodeModel(data);
    return model;
  };
}
