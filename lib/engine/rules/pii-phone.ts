import { findPhones } from '../pii';
import { defineRule } from './define-rule';

const TOLL_FREE = /^\+?1?[\s.(-]*8(?:00|33|44|55|66|77|88)\b/;
/** "Call us on …", "our support line is …": the company's own number, meant to be shared. */
const OUR_NUMBER =
  /\b(?:(?:call|reach|phone|ring|contact|text) us|our (?:\w+ )?(?:number|line|hotline|phone|office|team|desk)|us (?:by phone|on the phone))\b[^.!?]{0,30}$/i;

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Digits of every number-shaped run the customer wrote, so their own number is recognised. */
const customerDigits = new WeakMap<readonly string[], string>();

function digitsWritten(messages: readonly string[]): string {
  let known = customerDigits.get(messages);
  if (known === undefined) {
    known = messages.map((m) => (m.match(/[+\d][\d\s()./-]{5,}\d/g) ?? []).map(digitsOf).join(' ')).join(' ');
    customerDigits.set(messages, known);
  }
  return known;
}

export default defineRule({
  meta: {
    id: 'pii-phone',
    category: 'privacy',
    severity: 'warning',
    description:
      'A phone number in the reply, in any national or international format libphonenumber-js validates; numbers without a country code are read with the helpdesk\'s region. Warning: a personal number may belong to someone else. Info only for the company\'s own lines ("call us on …", "our support line is …"), US toll-free numbers (800, 888…), and the customer\'s own number repeated back to them. Digits inside a card number or IBAN are never read as a phone number.',
    scope: 'segment',
    usesContext: true,
    languages: 'any',
    messages: {
      personal: 'Contains a phone number; check it is the right one to share.',
      ours: 'Contains a company or toll-free number.',
      theirs: 'The customer gave this number; check it is still the one to use.',
    },
    examples: {
      flag: [
        { text: 'Our technician will call you on (415) 555-2671 tomorrow.' },
        { text: 'Her mobile is +44 7700 900123 if you need her.' },
        { text: 'His direct line is 0049 30 901820.' },
      ],
      pass: [
        { text: 'Your order 20240115 was delivered on 2024-01-15.' },
        { text: 'The total was $1,249.99 including tax.' },
        { text: 'The card on file is 4111 1111 1111 1111.' },
      ],
    },
  },
  check: ({ text, config, customerMessages }) => {
    return findPhones(text, config.region).map((s) => {
      const number = text.slice(s.start, s.end);
      if (TOLL_FREE.test(number) || OUR_NUMBER.test(text.slice(Math.max(0, s.start - 60), s.start)))
        return { ...s, messageId: 'ours', severity: 'info' };
      const digits = digitsOf(number);
      if (digits.length >= 7 && digitsWritten(customerMessages).includes(digits.slice(-7)))
        return { ...s, messageId: 'theirs', severity: 'info' };
      return { ...s, messageId: 'personal' };
    });
  },
});
