import { findPhones } from '../pii';
import { defineRule } from './define-rule';

const TOLL_FREE = /^\+?1?[\s.(-]*8(?:00|33|44|55|66|77|88)\b/;
/** "Call us on …", "our support line is …": the company's own number, meant to be shared. */
const OUR_NUMBER =
  /\b(?:(?:call|reach|phone|ring|contact|text) us|our (?:\w+ )?(?:number|line|hotline|phone|office|team|desk)|us (?:by phone|on the phone))\b[^.!?]{0,30}$/i;

export default defineRule({
  meta: {
    id: 'pii-phone',
    category: 'privacy',
    severity: 'warning',
    description:
      'A phone number in the reply (found and validated by libphonenumber-js). Warning: a personal number may belong to someone else. The company’s own lines (“call us on …”, “our support line is …”) and US toll-free numbers (800, 888…) are reported as info only.',
    scope: 'segment',
    usesContext: false,
    messages: {
      personal: 'Contains a phone number; check it is the right one to share.',
      ours: 'Contains a company or toll-free number.',
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
      TOLL_FREE.test(text.slice(s.start, s.end)) || OUR_NUMBER.test(text.slice(Math.max(0, s.start - 60), s.start))
        ? { ...s, messageId: 'ours', severity: 'info' }
        : { ...s, messageId: 'personal' },
    ),
});
