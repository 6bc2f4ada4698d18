import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const LEAK =
  /(?:\b(?:my (?:instructions|guidelines|system prompt|prompt|programming)|(?:the|this) system prompt|i (?:was|have been|am) (?:instructed|told|programmed|prompted) (?:to|not to)|according to my (?:instructions|guidelines|rules)|ignore (?:all )?previous instructions|here(?:'s| is) (?:a|an|the|my) (?:[\w-]+ ){0,3}(?:response|reply|draft|answer|email|message) (?:to|for) (?:the|this) (?:customer|user|ticket))\b|^\s*(?:system|assistant|user|human|ai)\s*:|<\|(?:im_start|im_end|system|user|assistant|endoftext)\|>|\[\/?INST\]|<<\/?SYS>>|^#{2,3}\s*(?:instruction|response|system)\b)/gim;

export default defineRule({
  meta: {
    id: 'prompt-leakage',
    category: 'disclosure',
    severity: 'critical',
    description:
      'The draft leaks the prompt behind it: "my instructions", "system prompt", "I was instructed to", chat role markers such as "Assistant:" or <|im_start|>, or the preamble "Here is a reply to the customer". Critical: it exposes internal configuration and shows the customer a machine answered.',
    scope: 'segment',
    usesContext: false,
    messages: {
      leak: 'Prompt or instruction text leaked into the reply; remove it.',
    },
    examples: {
      flag: [
        { text: 'According to my instructions, I cannot offer refunds over $50.' },
        { text: 'Assistant: Sure, here is a friendly reply to the customer.' },
        { text: "Sure! Here's a polite response to the customer:" },
      ],
      pass: [
        { text: 'Follow the instructions in the e-mail we sent to reset your router.' },
        { text: 'Our assistant manager will contact you tomorrow.' },
      ],
    },
  },
  check: ({ text }) => regexHits(LEAK, text, 'leak'),
});
