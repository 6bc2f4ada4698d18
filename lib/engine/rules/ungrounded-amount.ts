import { findDetails, formatAmount } from '../grounding';
import { defineRule, type RuleHit } from './define-rule';
import { indexFor } from './support/grounding-input';

export default defineRule({
  meta: {
    id: 'ungrounded-amount',
    category: 'accuracy',
    severity: 'info',
    description:
      'An amount of money in the reply that the ticket, the earlier replies and the team’s known facts do not support. Amounts are compared normalised (“$1,234.50” = “1234.5 USD”), and sums, differences and small multiples of the ticket’s own amounts count as supported (two charges of $49.99 → a $99.98 refund). Info when the ticket names no amount in that currency; warning when it does and this one differs, or when the same value comes in another currency.',
    scope: 'segment',
    usesContext: true,
    messages: {
      ungrounded: '{{text}} is not in the ticket or the team’s known facts; check the amount.',
      differs: '{{text}} differs from the amounts in the ticket ({{amounts}}).',
      currency: '{{text}} is in another currency than the ticket’s.',
    },
    examples: {
      flag: [
        {
          text: 'I have refunded $59.99 to your card.',
          customerMessages: ['I was charged $49.99 for a plan I cancelled.'],
        },
        { text: 'The Pro plan is $35 a month.', customerMessages: ['How much is the Pro plan?'] },
        { text: 'I have refunded €49.99.', customerMessages: ['I was charged $49.99 twice.'] },
      ],
      pass: [
        {
          text: 'I have refunded 49.99 USD to your card.',
          customerMessages: ['I was charged $49.99 for a plan I cancelled.'],
        },
        { text: 'I have refunded both charges, $99.98 in total.', customerMessages: ['I was charged $49.99 twice.'] },
        {
          text: 'The Pro plan is $29 a month.',
          customerMessages: ['How much is the Pro plan?'],
          packs: [{ id: 'facts', knownFacts: ['Pro plan: $29 a month'] }],
        },
      ],
    },
  },
  check: (input) => {
    const { amounts } = findDetails(input.text);
    if (amounts.length === 0) return [];
    const index = indexFor(input);
    const out: RuleHit<'ungrounded' | 'differs' | 'currency'>[] = [];
    for (const a of amounts) {
      if (index.amountKeys.has(`${a.currency}:${a.cents}`)) continue;
      const same = index.amountsByCurrency.get(a.currency);
      if (same && same.size > 0) {
        const listed = [...same].slice(0, 3).map((cents) => formatAmount({ currency: a.currency, cents }));
        out.push({
          start: a.start,
          end: a.end,
          messageId: 'differs',
          severity: 'warning',
          data: { amounts: listed.join(', ') },
        });
      } else if ([...index.amountsByCurrency.values()].some((values) => values.has(a.cents))) {
        out.push({ start: a.start, end: a.end, messageId: 'currency', severity: 'warning' });
      } else out.push({ start: a.start, end: a.end, messageId: 'ungrounded' });
    }
    return out;
  },
});
