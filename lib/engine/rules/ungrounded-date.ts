import { findDetails } from '../grounding';
import { defineRule, type RuleHit } from './define-rule';
import { indexFor } from './support/grounding-input';

export default defineRule({
  meta: {
    id: 'ungrounded-date',
    category: 'accuracy',
    severity: 'info',
    description:
      'A calendar date (“March 5”, “2024-03-05”, “05/03/2024”, read both ways) or a deadline (“within 3-5 business days”, “30 days”) that the ticket, the earlier replies and the team’s known facts do not give. Info: a date the draft made up becomes a promise; list the team’s standard deadlines as known facts so they pass.',
    scope: 'segment',
    usesContext: true,
    messages: {
      date: 'The date “{{text}}” is not in the ticket; check it before promising it.',
      deadline: '“{{text}}” is not in the ticket or the team’s known facts; check the deadline.',
    },
    examples: {
      flag: [
        { text: 'Your replacement will arrive on March 14.', customerMessages: ['My kettle arrived broken.'] },
        { text: 'Refunds take 3-5 business days.', customerMessages: ['When will I get my money back?'] },
      ],
      pass: [
        {
          text: 'Your replacement will arrive on 14 March.',
          customerMessages: ['My kettle arrived broken; can I have a new one by March 14th?'],
        },
        {
          text: 'Refunds take 3 to 5 working days.',
          customerMessages: ['When will I get my money back?'],
          packs: [{ id: 'facts', knownFacts: ['Refunds take 3-5 business days.'] }],
        },
      ],
    },
  },
  check: (input) => {
    const { dates, durations } = findDetails(input.text);
    if (dates.length === 0 && durations.length === 0) return [];
    const index = indexFor(input);
    const out: RuleHit<'date' | 'deadline'>[] = [];
    for (const d of dates) {
      if (d.days.some((day) => index.dateKeys.has(day))) continue;
      out.push({ start: d.start, end: d.end, messageId: 'date' });
    }
    for (const d of durations) {
      if (index.durationKeys.has(d.key)) continue;
      out.push({ start: d.start, end: d.end, messageId: 'deadline' });
    }
    return out;
  },
});
