import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RulePack } from '@/lib/engine/packs/types';
import { checkReply } from '@/lib/engine/rules/check-reply';
import { exampleSignals } from '@/lib/engine/rules/define-rule';
import { createReplyChecker } from '@/lib/engine/rules/reply-checker';

const BASE =
  'Hi {{first_name}}, I am sorry. As I already explained, we will refund you in full today.\n' +
  'Call (415) 555-2671 or mail jane@example.com. See https://bit.ly/x1 for details. ' +
  'I believe it might possibly be fixed. Your order has shipped. Your order has not shipped yet.';
const PACK: RulePack = {
  id: 'p',
  phrases: [
    { kind: 'banned', id: 'no-cheap', phrases: ['cheap'], message: 'No.', examples: { flag: ['cheap'], pass: ['ok'] } },
  ],
  linkAllowlist: ['example.com'],
};
const ALPHABET = 'abc .!?\n{}[]@0123456789-:/é😀';

describe('createReplyChecker', () => {
  it('returns what checkReply returns over random edit sequences', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat(),
            remove: fc.integer({ min: 0, max: 3 }),
            insert: fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 3 }),
          }),
          { maxLength: 30 },
        ),
        fc.boolean(),
        (edits, withPack) => {
          const checker = createReplyChecker();
          const ctx = {
            customer: exampleSignals({ text: '', customer: { sentiment: 'negative', escalation: ['manager'] } }),
            customerMessages: ['I want a manager and delete my data.'],
            agent: ['Please clear your cache and cookies and log in again to fix it.'],
          };
          const options = withPack ? { packs: [PACK] } : undefined;
          let reply = BASE;
          for (const edit of edits) {
            const at = edit.at % (reply.length + 1);
            reply = reply.slice(0, at) + edit.insert + reply.slice(at + edit.remove);
            expect(checker.check({ ...ctx, reply }, options)).toEqual(checkReply({ ...ctx, reply }, options));
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 30_000);

  it('drops context-dependent results when the context changes', () => {
    const checker = createReplyChecker();
    const reply = 'Great! Thanks so much for your feedback!';
    const calm = {
      reply,
      customer: exampleSignals({ text: '', customer: { sentiment: 'positive' } }),
      customerMessages: ['x'],
      agent: [],
    };
    const upset = { ...calm, customer: exampleSignals({ text: '', customer: { sentiment: 'negative' } }) };
    expect(checker.check(calm).some((f) => f.rule === 'cheerful-to-upset')).toBe(false);
    expect(checker.check(upset).some((f) => f.rule === 'cheerful-to-upset')).toBe(true);
    expect(checker.check(upset)).toEqual(checkReply(upset));
  });
});
