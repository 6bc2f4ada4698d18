import { describe, expect, it } from 'vitest';
import {
  decodeModel,
  encodeKeys,
  encodeWeights,
  featureKey,
  type LinearModelData,
  linearScores,
  lookup,
} from '@/lib/engine/signals/linear-model';

/** A model shaped like the shipped one, small enough to check by hand. */
function tinyModel(names: string[], weights: number[][]): LinearModelData {
  const keyed = names.map((n, i) => ({ key: featureKey(n, 24), w: weights[i] as number[] }));
  keyed.sort((a, b) => a.key - b.key);
  return {
    version: 3,
    classes: ['negative', 'neutral', 'positive'],
    scale: 0.5,
    bias: [0.25, 0, -0.25],
    hashBits: 24,
    keys: encodeKeys(
      keyed.map((k) => k.key),
      11,
    ),
    riceBits: 11,
    reference: 'neutral',
    levels: 15,
    weights: encodeWeights(
      keyed.flatMap((k) => k.w),
      15,
    ),
  };
}

describe('linear model encoding', () => {
  it('decodes what the fit script encodes: keys, quantised weights, the reference class', () => {
    const model = decodeModel(
      tinyModel(
        ['awful', 'great', 'not good'],
        [
          [4, -2],
          [-15, 15],
          [7, 0],
        ],
      ),
    );
    const scores = (names: string[]) => Array.from(linearScores(model, { names, values: names.map(() => 1) }));
    expect(scores([])).toEqual([0.25, 0, -0.25]);
    expect(scores(['great'])).toEqual([0.25 - 7.5, 0, -0.25 + 7.5]);
    expect(scores(['awful', 'not good', 'unknown words'])).toEqual([0.25 + 2 + 3.5, 0, -0.25 - 1]);
  });

  it('writes keys far apart and close together, and only characters a JSON string keeps as is', () => {
    const keys = [0, 1, 43, 44, 45, 2000, 2 ** 24 - 1];
    const data = tinyModel([], []);
    data.keys = encodeKeys(keys, 11);
    data.weights = encodeWeights(
      keys.flatMap(() => [1, -1]),
      15,
    );
    const { index } = decodeModel(data);
    expect(keys.map((key) => lookup(index, key))).toEqual(keys.map((_, i) => i * 3));
    expect(lookup(index, 2)).toBe(-1);
    expect(lookup(index, 1999)).toBe(-1);
    expect(JSON.parse(JSON.stringify(data.keys + data.weights))).toBe(data.keys + data.weights);
    expect(/["\\`$\s]/.test(data.keys + data.weights)).toBe(false);
  });

  it('refuses a data file of another format version', () => {
    const old = { ...tinyModel([], []), version: 2 } as unknown as LinearModelData;
    expect(() => decodeModel(old)).toThrow(/version/);
  });
});
