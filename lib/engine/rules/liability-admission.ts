import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const LIABILITY =
  /\b(?:(?:it|this|that) (?:was|is) (?:entirely |completely |totally )?(?:our|my) fault|we(?:'re| are) (?:fully |legally )?(?:liable|responsible for (?:the|any|all) (?:damage|loss|losses|injur\w+))|we (?:accept|take|admit) (?:full |all )?(?:liability|responsibility|fault)|(?:our|the company's) negligence|we (?:were|have been) negligent)\b/gi;

export default defineRule({
  meta: {
    id: 'liability-admission',
    category: 'commitment',
    severity: 'warning',
    description:
      'Admits fault or legal liability ("it was entirely our fault", "we accept full liability", "our negligence"). Warning: an apology is good, an admission of liability in writing may need legal review first.',
    scope: 'segment',
    usesContext: false,
    messages: {
      liability: 'Admits fault or liability in writing; an apology without admitting liability is safer.',
    },
    examples: {
      flag: [
        { text: 'This was entirely our fault and we accept full liability for the damage.' },
        { text: 'We are liable for the losses you suffered.' },
      ],
      pass: [
        { text: 'I am sorry this happened and I understand how frustrating it is.' },
        { text: 'Our team is looking into what went wrong.' },
      ],
    },
  },
  check: ({ text }) => regexHits(LIABILITY, text, 'liability'),
});
