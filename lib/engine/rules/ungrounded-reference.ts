import { findDetails } from '../grounding';
import { defineRule, type RuleHit } from './define-rule';
import { indexFor } from './support/grounding-input';

export default defineRule({
  meta: {
    id: 'ungrounded-reference',
    category: 'accuracy',
    severity: 'info',
    description:
      'An order, tracking, ticket, account, invoice, booking or policy number in the reply that appears nowhere in the customer’s messages, the earlier replies or the team’s known facts. Info when the ticket has no number of that kind (it may come from a system the draft saw); warning when the ticket gives a different one (“order 5512” asked about, “order 5521” answered): a wrong number sends the customer after someone else’s order.',
    scope: 'segment',
    usesContext: true,
    messages: {
      ungrounded: '“{{text}}” is not in the ticket; check where this number comes from.',
      contradicts: '“{{text}}” differs from the {{role}} number in the ticket.',
    },
    examples: {
      flag: [
        { text: 'Your order 5521 has been refunded.', customerMessages: ['Where is the refund for order #5512?'] },
        { text: 'Your tracking number is 1Z999AA10123456784.', customerMessages: ['Where is my parcel?'] },
      ],
      pass: [
        { text: 'Your order 5512 has been refunded.', customerMessages: ['Where is the refund for order #5512?'] },
        {
          text: 'Your tracking number is 1Z999AA10123456784.',
          customerMessages: ['Where is my parcel?'],
          agent: ['It shipped today with tracking 1Z999AA10123456784.'],
        },
      ],
    },
  },
  check: (input) => {
    const { references } = findDetails(input.text);
    if (references.length === 0) return [];
    const index = indexFor(input);
    const out: RuleHit<'ungrounded' | 'contradicts'>[] = [];
    for (const r of references) {
      if (index.referenceKeys.has(r.key)) continue;
      const sameRole = r.role ? index.referencesByRole.get(r.role) : undefined;
      if (r.role && sameRole && sameRole.size > 0) {
        out.push({ start: r.start, end: r.end, messageId: 'contradicts', severity: 'warning', data: { role: r.role } });
      } else out.push({ start: r.start, end: r.end, messageId: 'ungrounded' });
    }
    return out;
  },
});
