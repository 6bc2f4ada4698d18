import { defineRule } from './define-rule';
import { words } from './support/match';
import { textMemo } from './support/segment-memo';

/** Pairs of statements that cannot both hold; each side is matched in a different sentence. */
const OPPOSITES: readonly [RegExp, RegExp][] = [
  [/\bin stock\b/i, /\bout of stock\b|\bsold out\b/i],
  [
    /\b(?:has|have|was|were) (?:been )?(?:shipped|dispatched|sent)\b/i,
    /\b(?:has|have) not (?:yet )?(?:been )?(?:shipped|dispatched|sent)\b|\bhasn't (?:been )?(?:shipped|dispatched)\b|\bnot (?:yet )?(?:shipped|dispatched)\b/i,
  ],
  [
    /\brefund (?:has been|was) (?:processed|issued|approved)\b|\b(?:we|i) (?:have|'ve) refunded\b/i,
    /\b(?:cannot|can't|unable to) (?:refund|offer a refund|process (?:a|the|your) refund)\b|\bnot eligible for a refund\b/i,
  ],
  [/\bis (?:free|included|at no (?:extra )?cost)\b/i, /\b(?:costs|is charged at|there is a (?:fee|charge))\b/i],
  [
    /\b(?:is|are) (?:now )?(?:active|enabled|available)\b/i,
    /\b(?:is|are) (?:still )?(?:inactive|disabled|unavailable)\b/i,
  ],
];
const NEGATION = /\b(?:not|no|never|n't|cannot|can't)\b/i;

interface SentenceFeatures {
  /** Bit i set: the sentence matches side A (or B) of OPPOSITES[i]. */
  a: number;
  b: number;
  negated: boolean;
  long: boolean;
  /** The sentence without negation words, to spot "X" against "not X". */
  stripped: string;
}

/** Features depend on the sentence text only, so they are memoised: typing re-tests one sentence. */
const featuresOf = textMemo((text: string): SentenceFeatures => {
  let a = 0;
  let b = 0;
  OPPOSITES.forEach(([x, y], i) => {
    if (x.test(text)) a |= 1 << i;
    if (y.test(text)) b |= 1 << i;
  });
  return { a, b, negated: NEGATION.test(text), long: words(text).length >= 3, stripped: stripNegation(text) };
});

function stripNegation(text: string): string {
  return words(text)
    .filter(
      (w) => !['not', 'no', 'never', "can't", 'cannot', "don't", "doesn't", "isn't", "hasn't", "won't"].includes(w),
    )
    .join(' ');
}

export default defineRule({
  meta: {
    id: 'contradiction',
    category: 'accuracy',
    severity: 'warning',
    description:
      'Two sentences of the reply contradict each other ("Your order has shipped" … "your order has not shipped yet"; "in stock" … "sold out"; a sentence and its negation). Warning: an AI draft that stitches together two sources often says both; the customer cannot tell which is true.',
    scope: 'reply',
    usesContext: false,
    messages: {
      contradicts: 'Contradicts an earlier sentence of this reply (“{{other}}”).',
    },
    examples: {
      flag: [
        { text: 'Your order has shipped. Unfortunately your order has not shipped yet.' },
        { text: 'The blue jacket is in stock. Sadly the blue jacket is sold out right now.' },
      ],
      pass: [
        { text: 'Your order has shipped. It should arrive on Tuesday.' },
        { text: 'The blue jacket is sold out. The red one is in stock.' },
      ],
    },
  },
  check: ({ segments }) => {
    if (segments.length < 2) return [];
    // One pass of regex tests per sentence; the pairwise loop then compares cheap features.
    const features = segments.slice(0, 60).map((seg) => ({ seg, f: featuresOf(seg.text) }));
    for (let j = 1; j < features.length; j++) {
      const later = features[j] as (typeof features)[number];
      for (let i = 0; i < j; i++) {
        const earlier = features[i] as (typeof features)[number];
        const pair = (earlier.f.a & later.f.b) !== 0 || (earlier.f.b & later.f.a) !== 0;
        const contradicts = pair
          ? sharesSubject(earlier.seg.text, later.seg.text)
          : earlier.f.negated !== later.f.negated && later.f.long && earlier.f.stripped === later.f.stripped;
        if (contradicts) {
          return [
            { start: later.seg.start, end: later.seg.end, messageId: 'contradicts', data: { other: earlier.seg.text } },
          ];
        }
      }
    }
    return [];
  },
});

const STOP = new Set([
  'the',
  'a',
  'an',
  'your',
  'our',
  'is',
  'are',
  'has',
  'have',
  'been',
  'it',
  'we',
  'i',
  'you',
  'not',
  'yet',
  'now',
  'and',
  'but',
  'unfortunately',
  'sadly',
  'right',
  'still',
]);

/** Both sentences name the same thing ("order", "blue jacket"), so the opposites clash. */
function sharesSubject(a: string, b: string): boolean {
  const wa = new Set(words(a).filter((w) => !STOP.has(w) && w.length > 2));
  return words(b).some((w) => wa.has(w) && !/^(?:stock|shipped|sold|out|refund|free|active)$/.test(w));
}
