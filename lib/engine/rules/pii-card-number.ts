import { findCards } from '../pii';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'pii-card-number',
    category: 'privacy',
    severity: 'critical',
    description:
      'A payment card number (13–19 digits that pass the Luhn check) in the reply. Critical: sending a full card number in a support message breaks PCI DSS and exposes the customer to fraud; quote the last four digits instead.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      card: 'This looks like a full payment card number; quote only the last four digits.',
    },
    examples: {
      flag: [
        { text: 'The card on file is 4111 1111 1111 1111, expiring next month.' },
        { text: 'We charged 5500-0000-0000-0004 for the renewal.' },
      ],
      pass: [
        { text: 'We charged the card ending in 1111 for the renewal.' },
        { text: 'Your order 4111111111111112 has shipped.' },
      ],
    },
  },
  check: ({ text }) => findCards(text).map((s) => ({ ...s, messageId: 'card' })),
});
