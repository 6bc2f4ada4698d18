import type { FeatureOptions, Features } from './features';

/**
 * Fitted linear models shipped as one binary blob, written by tests/bench/fit-signals.ts and read
 * here. The budget is a model load under 50 ms in the background (issue 15), so nothing is parsed
 * or decoded per feature:
 *
 * - a model is a dense table of 2^bits rows indexed by the top bits of a feature's hash
 *   (features.ts): no key list, no map, no search. The fit works on the same rows, so features
 *   that share a row are learned together;
 * - a row holds one signed byte per stored class (weights quantised to integers, times `scale`);
 *   the reference class of a softmax model is all zeros and not stored (softmax only cares about
 *   differences between classes);
 * - the blob is a small JSON header (classes, biases, thresholds, where each table starts) and the
 *   tables; using a table is taking an `Int8Array` view of the bytes.
 *
 * Layout: "RGM4", header length (u32, little endian), the header as UTF-8 JSON, then the tables.
 */

/** What the header says about one model. */
export interface ModelHeader {
  /** Output classes; one class means a binary logistic model. */
  classes: string[];
  /** A class whose weights are all zero and not stored. */
  reference?: string;
  /** The table has 2^bits rows. */
  bits: number;
  /** Weights are the stored integers times this. */
  scale: number;
  /** One bias per class (the reference class's is 0). */
  bias: number[];
  /** Decision threshold on the probability of a binary model (chosen by cross-validation). */
  threshold?: number;
  /** Feature options the model was fitted with. */
  features?: FeatureOptions;
  /** Where its table starts in the blob, and its length in bytes. */
  offset: number;
  length: number;
  /** What it was fitted on, for people reading the header. */
  note?: string;
}

/** The blob's header. */
export interface BlobHeader {
  models: Record<string, ModelHeader>;
}

const MAGIC = 'RGM4';

/** A model ready to score: its table is a view of the blob's bytes. */
export interface LinearModel {
  classes: readonly string[];
  /** Number of classes. */
  k: number;
  /** Bytes per row: k, or k - 1 with a reference class. */
  stored: number;
  /** Index of the reference class, or -1. */
  reference: number;
  /** Right shift from a 32-bit hash to a row. */
  shift: number;
  table: Int8Array;
  scale: number;
  bias: Float64Array;
  threshold: number;
  features: FeatureOptions;
}

/** Reads every model of a blob; the tables are views of `bytes`, not copies. */
export function readBlob(bytes: Uint8Array): Map<string, LinearModel> {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new Error(`linear model: not a model blob (format ${magic})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as BlobHeader;
  const base = 8 + headerLength;
  const out = new Map<string, LinearModel>();
  for (const [name, h] of Object.entries(header.models)) {
    const k = h.classes.length;
    const reference = h.reference === undefined ? -1 : h.classes.indexOf(h.reference);
    const stored = reference < 0 ? k : k - 1;
    if (h.length !== 2 ** h.bits * stored) throw new Error(`linear model ${name}: table size does not match`);
    if (base + h.offset + h.length > bytes.byteLength) throw new Error(`linear model ${name}: blob ends early`);
    out.set(name, {
      classes: h.classes,
      k,
      stored,
      reference,
      shift: 32 - h.bits,
      table: new Int8Array(bytes.buffer, bytes.byteOffset + base + h.offset, h.length),
      scale: h.scale,
      bias: Float64Array.from(h.bias),
      threshold: h.threshold ?? 0.5,
      features: h.features ?? {},
    });
  }
  return out;
}

/** Writes a blob from headers (offsets and lengths filled in here) and their tables; the fit script's half. */
export function writeBlob(
  models: Record<string, { header: Omit<ModelHeader, 'offset' | 'length'>; table: Int8Array }>,
): Uint8Array {
  const headers: Record<string, ModelHeader> = {};
  let offset = 0;
  for (const [name, m] of Object.entries(models)) {
    headers[name] = { ...m.header, offset, length: m.table.length };
    offset += m.table.length;
  }
  const header = new TextEncoder().encode(JSON.stringify({ models: headers } satisfies BlobHeader));
  const out = new Uint8Array(8 + header.length + offset);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, 8);
  let at = 8 + header.length;
  for (const m of Object.values(models)) {
    out.set(new Uint8Array(m.table.buffer, m.table.byteOffset, m.table.length), at);
    at += m.table.length;
  }
  return out;
}

/** Raw scores (logits), one per class, into `out` (allocated when not given). */
export function linearScores(model: LinearModel, features: Features, out = new Float64Array(model.k)): Float64Array {
  const { keys, values, length } = features;
  const { table, shift, stored } = model;
  if (stored === 1) {
    let s = 0;
    for (let i = 0; i < length; i++) s += (table[(keys[i] as number) >>> shift] as number) * (values[i] as number);
    out[0] = (model.bias[0] as number) + s * model.scale;
    return out;
  }
  if (stored > 3) return wideScores(model, features, out);
  let a = 0;
  let b = 0;
  let c = 0;
  for (let i = 0; i < length; i++) {
    const row = ((keys[i] as number) >>> shift) * stored;
    const v = values[i] as number;
    a += (table[row] as number) * v;
    b += (table[row + 1] as number) * v;
    if (stored > 2) c += (table[row + 2] as number) * v;
  }
  const sums = [a, b, c];
  for (let cls = 0, s = 0; cls < model.k; cls++) {
    if (cls === model.reference) out[cls] = 0;
    else out[cls] = (model.bias[cls] as number) + (sums[s++] as number) * model.scale;
  }
  return out;
}

/** `linearScores` for a model with more than three stored classes (the language identifier's seven). */
function wideScores(model: LinearModel, features: Features, out: Float64Array): Float64Array {
  const { keys, values, length } = features;
  const { table, shift, stored } = model;
  const sums = new Float64Array(stored);
  for (let i = 0; i < length; i++) {
    const row = ((keys[i] as number) >>> shift) * stored;
    const v = values[i] as number;
    for (let s = 0; s < stored; s++) sums[s] = (sums[s] as number) + (table[row + s] as number) * v;
  }
  for (let cls = 0, s = 0; cls < model.k; cls++) {
    if (cls === model.reference) out[cls] = 0;
    else out[cls] = (model.bias[cls] as number) + (sums[s++] as number) * model.scale;
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
