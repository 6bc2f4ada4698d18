import { describe, expect, it } from 'vitest';
import { tokenize } from '@/lib/engine/nlp/tokenize';
import { extractFeatures, type FeatureOptions, Features, namedKey } from '@/lib/engine/signals/features';
import { lexiconScore } from '@/lib/engine/signals/lexicon-score';
import { linearScores, readBlob, writeBlob } from '@/lib/engine/signals/linear-model';

const BITS = 8;
const row = (key: number) => key >>> (32 - BITS);

/** A three-class model (neutral as reference) with the given weights on the rows of named features. */
function tinyBlob(weights: Record<string, [number, number]>, features?: FeatureOptions): Uint8Array {
  const table = new Int8Array(2 ** BITS * 2);
  for (const [name, [neg, pos]] of Object.entries(weights)) {
    const r = row(namedKey(name));
    table[r * 2] = neg;
    table[r * 2 + 1] = pos;
  }
  return writeBlob({
    'sentiment:xx': {
      header: {
        classes: ['negative', 'neutral', 'positive'],
        reference: 'neutral',
        bits: BITS,
        scale: 0.5,
        bias: [0.25, 0, -0.25],
        ...(features ? { features } : {}),
      },
      table,
    },
  });
}

function features(names: string[]): Features {
  const f = new Features(2);
  for (const n of names) f.push(namedKey(n));
  return f;
}

describe('linear model blob', () => {
  it('scores from the rows the hashes index, times the scale, with the reference class at zero', () => {
    const model = readBlob(tinyBlob({ '<lexpos>': [-4, 6], '<shout>': [2, 0] })).get('sentiment:xx');
    if (!model) throw new Error('model missing');
    const scores = (names: string[]) => Array.from(linearScores(model, features(names)));
    expect(scores([])).toEqual([0.25, 0, -0.25]);
    expect(scores(['<lexpos>'])).toEqual([0.25 - 2, 0, -0.25 + 3]);
    // Three pushes grow a two-slot buffer; a repeated feature counts each time.
    expect(scores(['<lexpos>', '<shout>', '<shout>'])).toEqual([0.25 - 2 + 2, 0, -0.25 + 3]);
  });

  it('scores a model of more than three classes (the language identifier) the same way', () => {
    const classes = ['en', 'de', 'es', 'fr', 'hi'];
    const table = new Int8Array(2 ** BITS * 4);
    const r = row(namedKey('<shout>'));
    table.set([1, -2, 3, 4], r * 4);
    const blob = writeBlob({
      wide: { header: { classes, reference: 'en', bits: BITS, scale: 0.5, bias: [0, 1, 0, 0, -1] }, table },
    });
    const model = readBlob(blob).get('wide');
    if (!model) throw new Error('model missing');
    expect(Array.from(linearScores(model, features(['<shout>', '<shout>'])))).toEqual([0, 1 + 1, -2, 3, -1 + 4]);
  });

  it('keeps the feature options the model was fitted with', () => {
    const model = readBlob(tinyBlob({}, { charGrams: 4 })).get('sentiment:xx');
    expect(model?.features.charGrams).toBe(4);
  });

  it('refuses bytes of another format and a table of the wrong size', () => {
    const blob = tinyBlob({});
    const other = blob.slice();
    other[3] = 0x33;
    expect(() => readBlob(other)).toThrow(/format/);
    expect(() => readBlob(blob.slice(0, blob.length - 1))).toThrow(/ends early/);
  });
});

describe('hashed features', () => {
  const of = (text: string, options?: FeatureOptions) => {
    const tokens = tokenize(text);
    return extractFeatures(tokens, lexiconScore(tokens), options).trimmed();
  };

  it('are the same for the same text, and differ when a word is negated', () => {
    expect(of('this is good')).toEqual(of('this is good'));
    const plain = new Set(of('good').keys);
    const negated = new Set(of('not good').keys);
    expect([...negated].filter((k) => plain.has(k)).length).toBeLessThan(negated.size);
  });

  it('add character n-grams only when asked, each worth less than a word', () => {
    const words = of('refund');
    const grams = of('refund', { charGrams: 4 });
    // "^refund$": 7 bigrams, 6 trigrams, 5 four-grams.
    expect(grams.keys.length - words.keys.length).toBe(18);
    expect(grams.values.filter((v) => Math.abs(v - 0.3) < 1e-6).length).toBe(18);
  });

  it('read Arabic spellings of one word alike only when asked', () => {
    // With tashkeel and tatweel, another alef form, the article and "and" glued on: one word.
    const variants = ['خدمة', 'خِدْمَة', 'خدمـــة', 'والخدمه', 'بالخدمة'];
    const keysOf = (options?: FeatureOptions) => variants.map((v) => of(v, options).keys[0]);
    expect(new Set(keysOf({ arabic: true })).size).toBe(1);
    expect(new Set(keysOf()).size).toBe(variants.length);
    expect(of('أحمد', { arabic: true }).keys[0]).toBe(of('احمد', { arabic: true }).keys[0]);
    // Latin words are untouched by the option.
    expect(of('refund please', { arabic: true })).toEqual(of('refund please'));
  });

  it("mark negation with the model's own language's negators when asked", () => {
    const share = (a: string, b: string, options?: FeatureOptions) => {
      const left = new Set(of(a, options).keys);
      return of(b, options).keys.filter((k) => left.has(k)).length;
    };
    // "piace" after "non" is a negated word only when Italian negators are read.
    expect(share('mi piace', 'non mi piace')).toBeGreaterThan(share('mi piace', 'non mi piace', { negation: 'it' }));
    // A contrast word ends the negation's reach: "ma" (but).
    const italian = { negation: 'it' };
    const buono = of('buono', italian).keys[0];
    expect(of('non buono', italian).keys).not.toContain(buono);
    expect(of('non lento ma buono', italian).keys).toContain(buono);
  });

  it('reuse the buffer they are given', () => {
    const scratch = new Features(1);
    const tokens = tokenize('so so so so so so so so');
    const f = extractFeatures(tokens, lexiconScore(tokens), undefined, scratch);
    expect(f).toBe(scratch);
    expect(f.length).toBeGreaterThan(1);
  });
});
