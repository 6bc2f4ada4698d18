import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const STRONG =
  /\b(?:obviously|clearly you|as (?:i|we) (?:already|previously) (?:explained|said|mentioned|told you)|as (?:already|previously) (?:explained|stated|mentioned)|as (?:i|we) said before|if you had (?:read|followed|checked)|you (?:should|would) (?:know|have known)|it(?:'s| is) (?:very |really |quite )?(?:easy|simple|not (?:that )?hard|not rocket science)|any(?:one|body) can|(?:please )?read the (?:manual|instructions|docs|documentation) (?:carefully|again)|for the (?:last|third|second) time)\b/gi;
const MILD = /\b(?:simply|just simply|of course you)\b/gi;

export default defineRule({
  meta: {
    id: 'condescension',
    category: 'tone',
    severity: 'warning',
    description:
      'Condescending wording: "obviously", "as I already explained", "it\'s very easy", "if you had read". Warning. "Simply" alone is reported as info only, since it is often harmless in instructions but grates on a customer who is stuck.',
    scope: 'segment',
    usesContext: false,
    messages: {
      strong: 'Reads as condescending; rephrase without implying the customer should have known.',
      mild: '“{{text}}” can sound dismissive to a customer who is stuck.',
    },
    examples: {
      flag: [
        { text: 'As I already explained, the setting is under Preferences.' },
        { text: 'Obviously the export only works on paid plans.' },
      ],
      pass: [
        { text: 'The setting is under Preferences; here is a screenshot.' },
        { text: 'The export is available on paid plans, and I can help you upgrade.' },
      ],
    },
  },
  check: ({ text }) => [...regexHits(STRONG, text, 'strong'), ...regexHits(MILD, text, 'mild', { severity: 'info' })],
});
