/**
 * Featurised corpora cached on disk (`.cache/features/`, gitignored), so that a cross-validation
 * run does not tokenise a quarter of a million texts again. A cache file is named by a hash of
 * the engine files that shape the features (tokenizer, lexicon, feature extraction) and of the
 * options, so an edit to any of them makes a new file instead of reading stale features.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tokenize } from '../../../lib/engine/nlp/tokenize';
import { extractFeatures, type FeatureOptions, Features } from '../../../lib/engine/signals/features';
import { lexiconScore } from '../../../lib/engine/signals/lexicon-score';
import { repoRoot } from '../datasets';

const SOURCES = [
  'lib/engine/nlp/tokenize.ts',
  'lib/engine/nlp/arabic.ts',
  'lib/engine/nlp/modifiers.ts',
  'lib/engine/nlp/polarity-lexicon.ts',
  'lib/engine/signals/lexicon-score.ts',
  'lib/engine/signals/features.ts',
];

let sourceHash: string | undefined;

function engineHash(): string {
  if (sourceHash) return sourceHash;
  const h = createHash('sha1');
  for (const f of SOURCES) h.update(readFileSync(path.join(repoRoot, f)));
  sourceHash = h.digest('hex').slice(0, 12);
  return sourceHash;
}

/** Hashed features of one text, as the engine extracts them. */
export interface Featurised {
  keys: Int32Array;
  values: Float32Array;
}

/** Features of one text (no cache). */
export function featuriseText(text: string, options?: FeatureOptions, scratch = new Features()): Featurised {
  const tokens = tokenize(text);
  return extractFeatures(tokens, lexiconScore(tokens), options, scratch).trimmed();
}

/** Features of every text of a corpus, from the cache when the texts and the engine are unchanged. */
export function featuriseAll(name: string, texts: readonly string[], options?: FeatureOptions): Featurised[] {
  const textHash = createHash('sha1');
  for (const t of texts) textHash.update(t).update('\u0000');
  const id = `${name}-g${options?.charGrams ?? 0}${options?.arabic ? '-ar' : ''}${options?.negation ? `-n${options.negation}` : ''}-${engineHash()}-${textHash.digest('hex').slice(0, 12)}`;
  const dir = path.join(repoRoot, '.cache', 'features');
  const file = path.join(dir, `${id}.bin`);
  if (existsSync(file)) {
    const buf = readFileSync(file);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength).slice();
    const view = new DataView(bytes.buffer);
    const n = view.getUint32(0, true);
    const offsets = new Uint32Array(bytes.buffer, 4, n + 1);
    const total = offsets[n] as number;
    const keys = new Int32Array(bytes.buffer, 4 + 4 * (n + 1), total);
    const values = new Float32Array(bytes.buffer, 4 + 4 * (n + 1) + 4 * total, total);
    return Array.from({ length: n }, (_, i) => ({
      keys: keys.subarray(offsets[i] as number, offsets[i + 1] as number),
      values: values.subarray(offsets[i] as number, offsets[i + 1] as number),
    }));
  }
  const scratch = new Features();
  const out = texts.map((t) => featuriseText(t, options, scratch));
  const total = out.reduce((s, f) => s + f.keys.length, 0);
  const bytes = new Uint8Array(4 + 4 * (out.length + 1) + 8 * total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, out.length, true);
  const offsets = new Uint32Array(bytes.buffer, 4, out.length + 1);
  const keys = new Int32Array(bytes.buffer, 4 + 4 * (out.length + 1), total);
  const values = new Float32Array(bytes.buffer, 4 + 4 * (out.length + 1) + 4 * total, total);
  let at = 0;
  out.forEach((f, i) => {
    offsets[i] = at;
    keys.set(f.keys, at);
    values.set(f.values, at);
    at += f.keys.length;
  });
  offsets[out.length] = at;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, bytes);
  return out;
}
