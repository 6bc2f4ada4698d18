import { afterEach, describe, expect, it } from 'vitest';
import { loadModelsFromDisk } from '@/lib/cli/load-models';
import { tokenize } from '@/lib/engine/nlp/tokenize';
import { analyzeCustomer } from '@/lib/engine/signals';
import { type FeatureOptions, namedKey } from '@/lib/engine/signals/features';
import { lexiconScore } from '@/lib/engine/signals/lexicon-score';
import { writeBlob } from '@/lib/engine/signals/linear-model';
import { installModels } from '@/lib/engine/signals/models';
import { ENGLISH_NEG, sentimentProbabilities } from '@/lib/engine/signals/sentiment';

const label = (text: string) => analyzeCustomer([text])?.sentiment.label;
const score = (text: string) => analyzeCustomer([text])?.sentiment.score ?? 0;
const lex = (text: string) => lexiconScore(tokenize(text)).compound;

describe('sentiment labels', () => {
  it.each([
    ['This is fantastic, thank you so much!', 'positive'],
    ['I love the new dashboard', 'positive'],
    ['This is the worst service I have ever had', 'negative'],
    ['My package is broken and nobody answers', 'negative'],
    ['It looked nice but it broke after a day', 'negative'],
    ['Terrible. Absolutely useless.', 'negative'],
  ] as const)('"%s" is %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('scores stay within [-1, 1]', () => {
    for (const t of ['GOOD GOOD GOOD!!!!!!!', 'awful awful awful awful!!!!', '']) {
      const s = score(t);
      expect(s).toBeGreaterThanOrEqual(-1);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});

describe('negation', () => {
  it.each([
    ['not bad', 'bad'],
    ['not unhappy', 'unhappy'],
    ["I don't hate it", 'I hate it'],
  ])('"%s" reads better than "%s"', (negated, plain) => {
    expect(lex(negated)).toBeGreaterThan(lex(plain));
    expect(lex(negated)).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['not good', 'good'],
    ['never happy with this', 'happy with this'],
  ])('"%s" reads worse than "%s"', (negated, plain) => {
    expect(lex(negated)).toBeLessThan(0);
    expect(lex(plain)).toBeGreaterThan(0);
  });

  it('a clause break ends negation', () => {
    expect(lex('not sure. great work')).toBeGreaterThan(0);
  });
});

describe('intensifiers, downtoners, caps, punctuation, emoji, but', () => {
  it.each([
    ['very good', 'good'],
    ['extremely slow', 'slow'],
    ['GREAT service', 'great service'],
    ['great!!!', 'great'],
    ['sooo good', 'good'],
  ])('"%s" is stronger than "%s"', (strong, plain) => {
    expect(Math.abs(lex(strong))).toBeGreaterThan(Math.abs(lex(plain)));
  });

  it.each([
    ['slightly annoying', 'annoying'],
    ['somewhat slow', 'slow'],
  ])('"%s" is weaker than "%s"', (weak, plain) => {
    expect(Math.abs(lex(weak))).toBeLessThan(Math.abs(lex(plain)));
  });

  it('reads emoji and emoticons', () => {
    expect(lex('ok 😡')).toBeLessThan(0);
    expect(lex('ok 😍')).toBeGreaterThan(0);
    expect(lex('ok :(')).toBeLessThan(0);
  });

  it('weighs what follows "but" more', () => {
    expect(lex('The app is great but the support is terrible')).toBeLessThan(0);
    expect(lex('The support was terrible but the app is great')).toBeGreaterThan(0);
  });

  it('reads a mixed message by its overall balance', () => {
    expect(label('Delivery was fast and the box looks nice, but the screen is cracked and I am furious')).toBe(
      'negative',
    );
  });
});

describe('context', () => {
  it('returns null without messages', () => {
    expect(analyzeCustomer([])).toBeNull();
  });

  it('earlier anger lowers the reading of a neutral latest message', () => {
    const alone = score('Any update on ticket 4411?');
    const after = analyzeCustomer(['This is absolutely unacceptable and I am furious.', 'Any update on ticket 4411?']);
    expect(after?.sentiment.score ?? 0).toBeLessThan(alone);
  });
});

describe('escalation colours sentiment', () => {
  it.each(['I will sue you', "We're switching to your competitor", "I'll be leaving a one-star review"])(
    '"%s" is negative',
    (text) => {
      expect(label(text)).toBe('negative');
    },
  );

  it('asking for a human alone is not negative', () => {
    expect(label('Can I talk to a human please?')).not.toBe('negative');
  });
});

describe('re-reading the same conversation', () => {
  it('gives the same answer without recomputing, and a new one when a message changes', () => {
    const a = analyzeCustomer(['My order is late', 'Still nothing']);
    expect(analyzeCustomer(['My order is late', 'Still nothing'])).toBe(a);
    const b = analyzeCustomer(['My order is late', 'It arrived, thanks so much!']);
    expect(b).not.toBe(a);
    expect(b?.sentiment.label).toBe('positive');
  });
});

describe("a language model fitted with the English model's odds", () => {
  afterEach(() => loadModelsFromDisk());

  const BITS = 12;
  /** A three-class table (neutral the reference) with a negative weight on one feature's row. */
  const table = (key: number) => {
    const t = new Int8Array(2 ** BITS * 2);
    t[(key >>> (32 - BITS)) * 2] = 20;
    return t;
  };
  const header = (features?: FeatureOptions) => ({
    classes: ['negative', 'neutral', 'positive'],
    reference: 'neutral',
    bits: BITS,
    scale: 0.5,
    bias: [0, 0, 0],
    ...(features ? { features } : {}),
  });
  const negative = (features?: FeatureOptions) => {
    installModels(
      writeBlob({
        // English: negative when the lexicon reads negative words.
        'sentiment:en': { header: header(), table: table(namedKey('<lexneg>')) },
        // xx: negative only through the English model's negative odds.
        'sentiment:xx': { header: header(features), table: table(ENGLISH_NEG) },
      }),
    );
    const tokens = tokenize('This is awful, terrible and useless');
    return sentimentProbabilities(tokens, lexiconScore(tokens), 'xx').negative;
  };

  it('reads the English odds only when its header says so', () => {
    expect(negative()).toBeCloseTo(1 / 3, 5);
    expect(negative({ englishOdds: true })).toBeGreaterThan(0.9);
  });
});
