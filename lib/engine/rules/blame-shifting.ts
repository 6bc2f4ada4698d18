import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const BLAME =
  /\b(?:(?:that|this|it)(?:'s| is) not (?:our|my) (?:fault|problem|responsibility)|not our (?:fault|problem)|(?:it|this) (?:was|is) your (?:own )?fault|you should have|you shouldn't have|you should not have|you failed to|you forgot to|you didn't (?:read|follow|check)|you did not (?:read|follow|check)|user error|because you (?:didn't|did not|failed)|(?:that|this) is on you)\b/gi;

export default defineRule({
  meta: {
    id: 'blame-shifting',
    category: 'tone',
    severity: 'warning',
    description:
      'Puts the blame on the customer or denies responsibility ("that\'s not our fault", "you should have", "user error"). Warning: even when true, it escalates the conversation; explain what happened and what to do next instead.',
    scope: 'segment',
    usesContext: false,
    messages: {
      blame: 'Shifts blame to the customer; explain what happened and the next step instead.',
    },
    examples: {
      flag: [
        { text: "That's not our fault, the courier lost it." },
        { text: 'You should have backed up your files before updating.' },
      ],
      pass: [
        { text: 'The courier lost the parcel, and I have sent a replacement.' },
        { text: 'Backing up before an update helps; I can walk you through restoring what we have.' },
      ],
    },
  },
  check: ({ text }) => regexHits(BLAME, text, 'blame'),
});
