import { greeting, nameWords } from '../grounding/names';
import { defineRule } from './define-rule';
import { indexFor } from './support/grounding-input';

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export default defineRule({
  meta: {
    id: 'wrong-customer-name',
    category: 'accuracy',
    severity: 'warning',
    description:
      'The reply greets someone (“Hi Sarah,”, “Dear Mr Jones”, “Thanks, Tom!”) whose name is not the customer’s as the ticket shows it: their signature, how they introduced themselves, how earlier replies greeted them, or the helpdesk’s customer name. Warning: drafts reuse names from other tickets, and a wrong name is the first thing a customer notices. Info when the ticket does not show the customer’s name at all.',
    scope: 'segment',
    usesContext: true,
    messages: {
      different: 'Greets “{{text}}”, but the customer in this ticket is {{name}}.',
      unknown: 'The ticket does not show the customer’s name; check “{{text}}” is right.',
    },
    examples: {
      flag: [
        {
          text: 'Hi Sarah, your refund is on its way.',
          customerMessages: ['Where is my refund?\n\nThanks,\nMaria Lopez'],
        },
        {
          text: 'Dear Mr Jones, your booking is confirmed.',
          customerMessages: ['Please confirm my booking. Regards, David Park'],
        },
      ],
      pass: [
        {
          text: 'Hi Maria, your refund is on its way.',
          customerMessages: ['Where is my refund?\n\nThanks,\nMaria Lopez'],
        },
        {
          text: 'Dear Ms Lopez, your refund is on its way.',
          customerMessages: ['Where is my refund?'],
          customerName: 'Maria Lopez',
        },
        { text: 'Hi there, your refund is on its way.', customerMessages: ['Where is my refund?'] },
      ],
    },
  },
  check: (input) => {
    const greeted = greeting(input.text);
    if (!greeted) return [];
    const index = indexFor(input);
    if (nameWords(greeted.name).some((w) => index.customerName.has(w))) return [];
    if (index.customerName.size === 0) {
      return [{ start: greeted.start, end: greeted.end, messageId: 'unknown', severity: 'info' }];
    }
    const name = [...index.customerName].map(capitalise).join(' ');
    return [{ start: greeted.start, end: greeted.end, messageId: 'different', data: { name } }];
  },
});
