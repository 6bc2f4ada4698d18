import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const FINANCIAL =
  /\b(?:you should (?:invest|buy|sell|put|move|borrow|take out)\b[^.!?\n]{0,40}?\b(?:stocks?|shares|bonds|crypto\w*|bitcoin|fund|funds|savings|pension|401k|mortgage|loan|etf|portfolio)|(?:guaranteed|risk[- ]free|safe) (?:returns?|investment|profit)|(?:this|it) is a (?:good|great|safe|smart) investment|you can (?:deduct|write off|claim)\b[^.!?\n]{0,30}?\b(?:on|from) your tax(?:es)?|(?:won't|will not|doesn't|does not) affect your credit score)\b/gi;

export default defineRule({
  meta: {
    id: 'financial-advice',
    category: 'compliance',
    severity: 'warning',
    description:
      'Financial or tax advice: what to invest in or sell, "guaranteed returns", what is tax-deductible, promises about credit scores. Warning: regulated advice given casually in support can breach financial-promotion rules.',
    scope: 'segment',
    usesContext: false,
    messages: {
      financial: 'Reads as financial or tax advice; refer the customer to a qualified adviser.',
    },
    examples: {
      flag: [
        { text: 'You should invest your savings in our index fund for guaranteed returns.' },
        { text: 'You can deduct the subscription from your taxes as a business expense.' },
      ],
      pass: [
        { text: 'Your invoice shows VAT separately for your records.' },
        { text: 'For tax questions, a qualified accountant can advise you.' },
      ],
    },
  },
  check: ({ text }) => regexHits(FINANCIAL, text, 'financial'),
});
