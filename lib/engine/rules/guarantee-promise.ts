import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const GUARANTEE =
  /\b(?:(?:i|we) (?:can )?(?:guarantee|promise)|guaranteed? to|100% (?:guaranteed|sure|certain)|rest assured|(?:this|it) will never happen again|(?:will|won't) ever happen again|you have my word)\b/gi;

export default defineRule({
  meta: {
    id: 'guarantee-promise',
    category: 'commitment',
    severity: 'warning',
    description:
      'Guarantees or absolute promises ("I guarantee", "this will never happen again", "rest assured"). Warning: a promise in writing can be held against the company, and AI drafts make them freely.',
    scope: 'segment',
    usesContext: false,
    messages: {
      guarantee: 'An absolute promise; can the company keep it?',
    },
    examples: {
      flag: [
        { text: 'I guarantee this will never happen again.' },
        { text: 'Rest assured, your data is completely safe.' },
      ],
      pass: [
        { text: 'We are working to stop this from happening again.' },
        { text: 'The warranty covers parts for two years.' },
      ],
    },
  },
  check: ({ text }) => regexHits(GUARANTEE, text, 'guarantee'),
});
