import { findIbans } from '../pii';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'pii-iban',
    category: 'privacy',
    severity: 'critical',
    description:
      'An IBAN (bank account number that passes the ISO 13616 mod-97 check) in the reply. Critical: account numbers are financial PII and must not be echoed back in chat or e-mail.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      iban: 'This is a full bank account number (IBAN); mask it or leave it out.',
    },
    examples: {
      flag: [
        { text: 'We will refund to GB82 WEST 1234 5698 7654 32 within five days.' },
        { text: 'Your account DE89370400440532013000 is set up for direct debit.' },
        { text: 'We will refund to GB82-WEST-1234-5698-7654-32 within five days.' },
      ],
      pass: [
        { text: 'We will refund to the account ending 5432 within five days.' },
        { text: 'Reference GB82 WEST 1234 5698 7654 33 is not a valid account.' },
      ],
    },
  },
  check: ({ text }) => findIbans(text).map((s) => ({ ...s, messageId: 'iban' })),
});
