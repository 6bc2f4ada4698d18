import { findPhones } from '../pii/phone';
import { defineRule } from './define-rule';

const TOLL_FREE = /^\+?1?[\s.(-]*8(?:00|33|44|55|66|77|88)\b/;

export default defineRule({
  meta: {
    id: 'pii-phone',
    category: 'privacy',
    severity: 'warning',
    description:
      'A phone number in the reply (found and validated by libphonenumber-js). Warning: a personal number may belong to someone else; US toll-free support lines (800, 888…) are reported as info only.',
    scope: 'segment',
    usesContext: false,
    messages: {
      personal: 'Contains a phone number; check it is the right one to share.',
      tollFree: 'Contains a toll-free number.',
    },
    examples: {
      flag: [
        { text: 'Our technician will call you on (415) 555-2671 tomorrow.' },
        { text: 'Her mobile is +44 7700 900123 if you need her.' },
      ],
      pass: [
        { text: 'Your order 20240115 was delivered on 2024-01-15.' },
        { text: 'The total was $1,249.99 including tax.' },
      ],
    },
  },
  check: ({ text }) =>
    findPhones(text).map((s) =>
      TOLL_FREE.test(text.slice(s.start, s.end))
        ? { ...s, messageId: 'tollFree', severity: 'info' }
        : { ...s, messageId: 'personal' },
    ),
});
