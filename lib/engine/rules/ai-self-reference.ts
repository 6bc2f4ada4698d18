import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const SELF =
  /\b(?:as an? (?:ai|artificial intelligence|large language model|language model|llm|chatbot|virtual assistant)(?: language model| assistant| model)?|i(?:'m| am) (?:just |only )?an? (?:ai|artificial intelligence|language model|large language model|llm)(?: assistant| model| language model)?|i (?:don't|do not) have (?:personal )?(?:feelings|emotions|opinions|a body|access to real-time)|my (?:training data|knowledge cut-?off)|as of my (?:last )?(?:training|knowledge) (?:update|cut-?off))\b/gi;

export default defineRule({
  meta: {
    id: 'ai-self-reference',
    category: 'disclosure',
    severity: 'critical',
    description:
      'The draft talks about itself as an AI ("As an AI language model", "I am an AI assistant", "my training data"). Critical: sent as is, it tells the customer a bot wrote the reply the agent signed, which undermines trust in the whole conversation.',
    scope: 'segment',
    usesContext: false,
    messages: {
      self: 'AI self-reference left in the draft; remove it before sending.',
    },
    examples: {
      flag: [
        { text: "As an AI language model, I can't access your account." },
        { text: 'I am an AI assistant and do not have access to real-time order data.' },
      ],
      pass: [
        { text: 'Our AI-powered search now finds orders faster.' },
        { text: 'I do not have access to that account, but my colleague in billing does.' },
      ],
    },
  },
  check: ({ text }) => regexHits(SELF, text, 'self'),
});
