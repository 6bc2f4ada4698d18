import { describe, expect, it } from 'vitest';
import { defineRule, formatMessage } from '@/lib/engine/rules/define-rule';

const meta = {
  id: 'demo',
  category: 'tone',
  severity: 'info',
  description: 'A rule used only to check the typing of defineRule in this test.',
  scope: 'segment',
  usesContext: false,
  messages: { good: 'Fine: {{text}}' },
  examples: { flag: [], pass: [] },
} as const;

describe('defineRule', () => {
  it('makes a misspelled message id a type error (checked by tsc --noEmit)', () => {
    const rule = defineRule({
      meta: { ...meta, examples: { flag: [], pass: [] } },
      // @ts-expect-error 'goood' is not a declared message id.
      check: () => [{ start: 0, end: 1, messageId: 'goood' }],
    });
    expect(rule.meta.id).toBe('demo');
  });

  it('fills message slots and leaves unknown ones visible', () => {
    expect(formatMessage('Use {{a}} not {{b}}', { a: 'x' })).toBe('Use x not {{b}}');
  });
});
