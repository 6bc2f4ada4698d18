import { findSsns } from '../pii';
import { defineRule } from './define-rule';

export default defineRule({
  meta: {
    id: 'pii-ssn',
    category: 'privacy',
    severity: 'critical',
    description:
      'A US Social Security number (AAA-GG-SSSS with a valid area, group and serial) in the reply. Critical: an SSN enables identity theft and has no place in a support reply.',
    scope: 'segment',
    usesContext: false,
    languages: 'any',
    messages: {
      ssn: 'This looks like a Social Security number; remove it from the reply.',
    },
    examples: {
      flag: [
        { text: 'We have your SSN as 536-22-1234 on the application.' },
        { text: 'Social security number: 536221234 was verified.' },
      ],
      pass: [
        { text: 'Call us on 555-123-4567 if anything changes.' },
        { text: 'Ticket 000-12-3456 was merged into this one.' },
      ],
    },
  },
  check: ({ text }) => findSsns(text).map((s) => ({ ...s, messageId: 'ssn' })),
});
