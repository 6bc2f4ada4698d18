import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const LEGAL =
  /\b(?:you (?:don't|do not) need (?:a|an) (?:lawyer|attorney|solicitor)|you (?:can|could|should) (?:sue|take (?:them|us|him|her) to court)|you have (?:no|a strong|a good) (?:legal )?(?:case|claim|grounds)|(?:legally|by law),? you (?:are|have|must|can|cannot|can't)|(?:this|that|it) is (?:perfectly |completely )?(?:legal|illegal|not legal)|(?:is|are) not legally binding|under (?:the )?(?:law|gdpr|consumer law),? you (?:are|have|must|can))\b/gi;

export default defineRule({
  meta: {
    id: 'legal-advice',
    category: 'compliance',
    severity: 'warning',
    description:
      'Legal advice or legal conclusions: "you don\'t need a lawyer", "you could sue", "legally you are entitled", "this is perfectly legal". Warning: legal statements in writing bind the company and belong to the legal team.',
    scope: 'segment',
    usesContext: false,
    messages: {
      legal: 'Reads as legal advice; leave legal conclusions to the legal team.',
    },
    examples: {
      flag: [
        { text: "You don't need a lawyer for this, the contract is not legally binding." },
        { text: 'Legally, you are entitled to a full refund under consumer law.' },
      ],
      pass: [
        { text: 'I have shared your question with our legal team, who will reply directly.' },
        { text: 'Our terms of service are linked at the bottom of every page.' },
      ],
    },
  },
  check: ({ text }) => regexHits(LEGAL, text, 'legal'),
});
