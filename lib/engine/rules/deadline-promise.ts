import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const DEADLINE =
  /\b(?:(?:will|'ll|shall) be (?:fixed|resolved|sorted|solved|done|delivered|shipped|back|restored|working|refunded|processed)|(?:we|i)(?:'ll| will) (?:fix|resolve|deliver|ship|restore|sort)(?: (?:it|this|that|them|your \w+))?)\s+(?:(?:by|within|before|in|no later than)\s+(?:the\s+)?(?:end of (?:the )?(?:day|week|month)|tomorrow|tonight|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:an?|one|two|three|\d+)\s+(?:minutes?|hours?|days?|business days?|weeks?)|the hour)|today|tomorrow|tonight|asap|immediately)\b/gi;

export default defineRule({
  meta: {
    id: 'deadline-promise',
    category: 'commitment',
    severity: 'warning',
    description:
      'Commits to a deadline for a fix, delivery or refund ("fixed within the hour", "delivered by Friday"). Warning: a missed deadline turns an annoyed customer into an angry one; give estimates only when the team has confirmed them.',
    scope: 'segment',
    usesContext: false,
    messages: {
      deadline: 'Commits to a deadline; has the team confirmed it?',
    },
    examples: {
      flag: [{ text: 'This will be fixed within the hour.' }, { text: "We'll ship your replacement by Friday." }],
      pass: [
        { text: 'Our engineers are investigating and I will update you as soon as I hear back.' },
        { text: 'Deliveries usually take three to five days.' },
      ],
    },
  },
  check: ({ text }) => regexHits(DEADLINE, text, 'deadline'),
});
