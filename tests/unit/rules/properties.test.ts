import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPii, redactPii } from '@/lib/engine/pii';
import { checkReply } from '@/lib/engine/rules/check-reply';
import { exampleSignals } from '@/lib/engine/rules/define-rule';

const upset = exampleSignals({ text: '', customer: { sentiment: 'negative', sarcastic: true, escalation: ['legal'] } });
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'aA0 .!?\n\t@:/-_#{}[]<>()$%"\'’\u200b\u202eé😀'),
    fc.constantFrom('http://', 'www.', '4111', '555', 'password: ', 'As an AI', 'refund', '{{', 'XXXX', 'sorry'),
    fc.string(),
  ),
  maxLength: 300,
});

describe('rule engine properties', () => {
  it('never throws and reports spans inside the reply whose text matches', () => {
    fc.assert(
      fc.property(tricky, fc.array(tricky, { maxLength: 3 }), fc.boolean(), (reply, agent, withCustomer) => {
        const findings = checkReply({
          reply,
          customer: withCustomer ? upset : null,
          customerMessages: withCustomer ? ['delete my data, I will sue'] : [],
          agent,
        });
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(reply.length);
          expect(f.text).toBe(reply.slice(f.start, f.end));
          expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('PII spans are in bounds and redaction never throws', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        for (const s of findPii(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(typeof redactPii(text)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('redacts a 1 MB paste in bounded time', () => {
    const unit = 'Mail jane@example.com or call (415) 555-2671, card 4111 1111 1111 1111. ';
    const huge = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t0 = performance.now();
    const redacted = redactPii(huge);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(redacted.startsWith('Mail [EMAIL] or call [PHONE], card [CARD]. ')).toBe(true);
    expect(redacted).not.toContain('@');
  }, 30_000);

  it('finishes a 1 MB reply in bounded time', () => {
    const unit = 'Call (415) 555-2671 or mail jane@example.com about order 4111111111111112! ';
    const huge = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const noBreaks = '9'.repeat(1_000_000);
    for (const reply of [huge, noBreaks, 'a'.repeat(1_000_000)]) {
      const t0 = performance.now();
      const findings = checkReply({ reply, customer: upset, customerMessages: ['x'], agent: [huge.slice(0, 5000)] });
      expect(performance.now() - t0).toBeLessThan(3000);
      for (const f of findings) expect(f.text).toBe(reply.slice(f.start, f.end));
    }
  }, 30_000);
});
