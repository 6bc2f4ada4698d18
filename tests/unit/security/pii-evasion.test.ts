import { describe, expect, it } from 'vitest';
import { findPii, PII_MASKS, redactPii } from '@/lib/engine/pii';
import { checkReply } from '@/lib/engine/rules/check-reply';
import { PII_EVASIONS, PII_LOOKALIKES } from '../../fixtures/hostile';

const ctx = (reply: string) => ({ reply, customer: null, customerMessages: [], agent: [] });

/**
 * Issue 14, case 9: personal data written to slip past the patterns (zero-width characters,
 * full-width digits, IDN addresses, unusual password forms) is still found, and the whole value
 * is masked, never a part of it.
 */
describe('PII hidden behind Unicode tricks and unusual forms (hostile corpus)', () => {
  it.each(PII_EVASIONS.map((c) => [c.id, c] as const))('redacts the whole value: %s', (_id, c) => {
    expect(redactPii(c.text)).toBe(c.text.replace(c.value, PII_MASKS[c.kind]));
  });

  it.each(PII_EVASIONS.map((c) => [c.id, c] as const))('finds it with its kind and exact span: %s', (_id, c) => {
    const start = c.text.indexOf(c.value);
    expect(findPii(c.text).map((s) => [s.kind, s.start, s.end])).toContainEqual([
      c.kind,
      start,
      start + c.value.length,
    ]);
  });

  it.each(PII_EVASIONS.map((c) => [c.id, c] as const))('the privacy rule flags the whole value: %s', (_id, c) => {
    const start = c.text.indexOf(c.value);
    const hits = checkReply(ctx(c.text)).filter((f) => f.rule === c.rule);
    expect(hits.map((f) => [f.start, f.end])).toContainEqual([start, start + c.value.length]);
  });

  it.each(PII_LOOKALIKES.map((t) => [t]))('leaves look-alikes alone: %s', (text) => {
    expect(findPii(text)).toEqual([]);
    expect(redactPii(text)).toBe(text);
  });

  it('redacts idempotently: masking masked text changes nothing', () => {
    for (const c of PII_EVASIONS) {
      const once = redactPii(c.text);
      expect(redactPii(once), c.id).toBe(once);
    }
  });
});
