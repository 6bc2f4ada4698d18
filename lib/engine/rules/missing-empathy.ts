import { defineRule } from './define-rule';
import { customerUpset } from './support/match';
import { textMemo } from './support/segment-memo';

const ACKNOWLEDGE =
  /\b(?:sorry|apolog(?:y|ies|i[sz]e|i[sz]ing)|regret|understand|understandable|frustrat\w*|inconvenien\w*|annoy\w*|disappoint\w*|i hear you|i see why|that(?:'s| is) not (?:the experience|what|ok|okay|acceptable)|(?:thank you|thanks) for (?:your patience|bearing with|letting us know|flagging|raising)|appreciate your patience|must (?:be|have been)|not good enough|you(?:'re| are) right|fair point)\b/i;

/** Whether a sentence acknowledges; memoised, so a keystroke re-tests one sentence. */
const acknowledges = textMemo((text: string) => ACKNOWLEDGE.test(text));

export default defineRule({
  meta: {
    id: 'missing-empathy',
    category: 'empathy',
    severity: 'warning',
    description:
      'The customer is upset (negative, sarcastic or escalating) and the reply never acknowledges it: no apology, no "I understand", no recognition of the frustration. Warning: skipping acknowledgement is the most common reason an upset customer escalates further.',
    scope: 'reply',
    usesContext: true,
    messages: {
      missing: 'The customer is upset and the reply does not acknowledge it; open with an apology or acknowledgement.',
    },
    examples: {
      flag: [
        { text: 'Please clear your cache and try again.', customer: { sentiment: 'negative' } },
        {
          text: 'The update includes a new dashboard. You can find it under Reports.',
          customer: { sentiment: 'negative', sarcastic: true },
        },
      ],
      pass: [
        { text: 'I am sorry about this. Please clear your cache and try again.', customer: { sentiment: 'negative' } },
        { text: 'Please clear your cache and try again.', customer: { sentiment: 'neutral' } },
      ],
    },
  },
  check: ({ segments, customer }) => {
    const first = segments[0];
    if (!first || !customerUpset(customer) || segments.some((s) => acknowledges(s.text))) return [];
    return [{ start: first.start, end: first.end, messageId: 'missing' }];
  },
});
