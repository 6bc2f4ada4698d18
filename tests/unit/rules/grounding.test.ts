import { describe, expect, it } from 'vitest';
import { findDetails, groundingIndex, phoneKey } from '@/lib/engine/grounding';
import { findAmounts, parseCents } from '@/lib/engine/grounding/amounts';
import { findDates, findDurations } from '@/lib/engine/grounding/dates';
import { customerNameWords, greeting } from '@/lib/engine/grounding/names';
import { validatePack } from '@/lib/engine/packs/validate';
import { checkReply } from '@/lib/engine/rules/check-reply';
import { createReplyChecker } from '@/lib/engine/rules/reply-checker';

/** What the examples cannot show: normalisation, memoising, cache invalidation and pack limits. */

const keyOf = (text: string) => findAmounts(text).map((a) => `${a.currency}:${a.cents}`);

describe('amounts', () => {
  it.each([
    ['$1,234.50', 'USD:123450'],
    ['1234.5 USD', 'USD:123450'],
    ['USD 1 234,50', 'USD:123450'],
    ['€1.234,50', 'EUR:123450'],
    ['12,50 €', 'EUR:1250'],
    ['£20', 'GBP:2000'],
    ['49.99 dollars', 'USD:4999'],
  ])('%s → %s', (text, key) => {
    expect(keyOf(`It was ${text} in total.`)).toEqual([key]);
  });

  it('reads one separator before three digits as thousands and before one or two as decimals', () => {
    expect(parseCents('1,234')).toBe(123400);
    expect(parseCents('1.5')).toBe(150);
    expect(parseCents('12,5')).toBe(1250);
  });

  it('leaves plain numbers alone', () => {
    expect(findAmounts('Order 1234 has 3 items.')).toEqual([]);
  });
});

describe('dates and deadlines', () => {
  it('reads written and numeric dates to the same day, numeric ones both ways', () => {
    expect(findDates('on March 5th, 2024').map((d) => d.days)).toEqual([['03-05']]);
    expect(findDates('on 5 March').map((d) => d.days)).toEqual([['03-05']]);
    expect(findDates('on 2024-03-05').map((d) => d.days)).toEqual([['03-05']]);
    expect(findDates('on 05/03/2024').map((d) => d.days)).toEqual([['05-03', '03-05']]);
  });

  it('normalises durations: words, ranges and working days', () => {
    expect(findDurations('within 3 to 5 working days').map((d) => d.key)).toEqual(['3-5 business-day']);
    expect(findDurations('within three-five business days').map((d) => d.key)).toEqual(['3-5 business-day']);
    expect(findDurations('for thirty days').map((d) => d.key)).toEqual(['30 day']);
  });
});

describe('details', () => {
  it('reads each span once: a phone number is not also a reference', () => {
    const d = findDetails('Call +44 20 7946 0958 about order #5512 (ORD-88231), not model DC-200.');
    expect(d.phones).toHaveLength(1);
    expect(d.references.map((r) => [r.key, r.role])).toEqual([
      ['5512', 'order'],
      ['ORD88231', null],
    ]);
  });

  it('compares phone numbers without their international prefix', () => {
    expect(phoneKey('+44 20 7946 0958')).toBe(phoneKey('020 7946 0958'));
  });
});

describe('names', () => {
  it('reads signatures, inline sign-offs and self-introductions', () => {
    expect([...customerNameWords(['Where is it?\n\nThanks,\nMaria Lopez'])]).toEqual(['maria', 'lopez']);
    expect([...customerNameWords(['Where is it? — Robin Taylor'])]).toEqual(['robin', 'taylor']);
    expect([...customerNameWords(['Hi, this is Mr. Ito. An item is missing.'])]).toEqual(['ito']);
    expect([...customerNameWords(['Where is my order 5512?'])]).toEqual([]);
    expect([...customerNameWords(['My parcel is late. It was due Monday. Jordan'])]).toEqual(['jordan']);
    expect([...customerNameWords(['Regards, Ms. Alvarez (head of purchasing)'])]).toEqual(['alvarez']);
    expect([...customerNameWords(['Hello, Mx Jordan Lee here. My parcel is late.'])]).toEqual(['jordan', 'lee']);
  });

  it('finds the greeted name, not the words after a greeting', () => {
    expect(greeting('Hi Jane, thanks!')?.name).toBe('Jane');
    expect(greeting('Dear Ms Smith,')?.name).toBe('Ms Smith');
    expect(greeting('Thanks for your patience.')).toBeNull();
    expect(greeting('Hi there,')).toBeNull();
  });
});

describe('the grounding index', () => {
  it('is computed once per thread, even when the caller rebuilds its arrays', () => {
    const a = groundingIndex(['Order #5512 please'], [], [], []);
    const b = groundingIndex(['Order #5512 please'], [], [], []);
    const c = groundingIndex(['Order #5513 please'], [], [], []);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('accepts sums and multiples of the ticket’s amounts', () => {
    const index = groundingIndex(['I was charged $49.99 and $10 for shipping.'], [], [], []);
    expect(index.amountKeys.has('USD:5999')).toBe(true);
    expect(index.amountKeys.has('USD:9998')).toBe(true);
    expect(index.amountKeys.has('USD:5000')).toBe(false);
  });
});

describe('grounding in the incremental checker', () => {
  it('re-checks when only the helpdesk’s customer name changes', () => {
    const checker = createReplyChecker();
    const base = {
      reply: 'Hi Maria, your refund is on its way.',
      customer: null,
      customerMessages: ['Refund?'],
      agent: [],
    };
    const named = checker.check({ ...base, customerName: 'Maria Lopez' });
    const other = checker.check({ ...base, customerName: 'Sam Lee' });
    expect(named.filter((f) => f.rule === 'wrong-customer-name')).toEqual([]);
    expect(other.filter((f) => f.rule === 'wrong-customer-name').map((f) => f.severity)).toEqual(['warning']);
    expect(other).toEqual(checkReply({ ...base, customerName: 'Sam Lee' }));
  });
});

describe('known facts in packs', () => {
  it('are limited in count and size', () => {
    expect(validatePack({ id: 'facts', knownFacts: ['Pro plan: $29 a month'] }).ok).toBe(true);
    const tooMany = validatePack({ id: 'facts', knownFacts: Array.from({ length: 201 }, (_, i) => `Fact ${i}`) });
    const tooLong = validatePack({ id: 'facts', knownFacts: ['x'.repeat(301)] });
    expect(tooMany.ok ? [] : tooMany.errors.map((e) => e.path)).toEqual(['knownFacts']);
    expect(tooLong.ok ? [] : tooLong.errors.map((e) => e.path)).toEqual(['knownFacts[0]']);
  });
});
