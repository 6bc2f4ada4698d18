import { defineRule } from './define-rule';
import { customerClearlyUpset, customerUpset, TAKES_ACTION } from './support/match';
import { textMemo } from './support/segment-memo';

/**
 * Acknowledgement, said outright ("sorry", "I understand") or the way people say it without the
 * words: "Oh no", "that's not okay", "you're right", "fair point", "thanks for flagging this",
 * "I hear you", "I'd feel the same".
 */
const ACKNOWLEDGE =
  /\b(?:sorry|apolog(?:y|ies|i[sz]e|i[sz]ing)|regret|understand|understandable|frustrat\w*|inconvenien\w*|annoy\w*|disappoint\w*|i hear you|i see why|i can see why|i get (?:it|why|that)|i know(?: how|,| it| that)|that(?:'s| is| was) (?:not (?:the experience|what|ok|okay|acceptable|how|good enough|fair|right)|(?:really |so |definitely )?(?:awful|terrible|horrible|unacceptable|a pain|stressful|worrying|alarming|frustrating|annoying|no good|on us|our mistake|our fault))|(?:thank you|thanks) for (?:your patience|bearing with|letting us know|letting me know|flagging|raising|reporting|spotting|pointing|catching|checking|telling|following up|the (?:detailed |quick )?(?:details|screenshot|report|feedback|honest feedback|description)|being (?:upfront|patient)|explaining|trying|the heads up)|appreciate your patience|must (?:be|have been)|not good enough|you(?:'re| are) (?:right|not the first)|fair(?:,| (?:point|enough|question|request))|point taken|good (?:catch|question)|oh no|no worries|i(?:'d| would) feel the same|(?:that|it) happens|my apologies|that sounds (?:\w+ )?(?:stressful|messy|frustrating|awful|annoying|worrying|painful))\b/i;

/** Whether a sentence acknowledges; memoised, so a keystroke re-tests one sentence. */
const acknowledges = textMemo((text: string) => ACKNOWLEDGE.test(text));
/** Whether a sentence does something about the problem (TAKES_ACTION). */
const acts = textMemo((text: string) => TAKES_ACTION.test(text));

export default defineRule({
  meta: {
    id: 'missing-empathy',
    category: 'empathy',
    severity: 'warning',
    description:
      'The customer is upset (negative, sarcastic or escalating) and the reply never acknowledges it, outright ("sorry", "I understand") or the way people do without the words ("oh no", "you\'re right", "thanks for flagging this"). Warning when the customer is clearly upset (strongly negative, sarcastic, or threatening a manager, a review, a chargeback, a regulator or a lawyer) and the reply neither acknowledges nor does anything about it; info when it does something (refunds, fixes, sends) or the customer is only mildly negative, since a fix is itself an acknowledgement.',
    scope: 'reply',
    usesContext: true,
    messages: {
      missing: 'The customer is upset and the reply does not acknowledge it; open with an apology or acknowledgement.',
      implicit:
        'The reply fixes the problem without acknowledging how the customer feels; a short acknowledgement helps.',
    },
    examples: {
      flag: [
        { text: 'Please clear your cache and try again.', customer: { sentiment: 'negative', score: -0.8 } },
        {
          text: 'The update includes a new dashboard. You can find it under Reports.',
          customer: { sentiment: 'negative', sarcastic: true },
        },
      ],
      pass: [
        { text: 'I am sorry about this. Please clear your cache and try again.', customer: { sentiment: 'negative' } },
        { text: 'Please clear your cache and try again.', customer: { sentiment: 'neutral' } },
        {
          text: 'Oh no, that is not how it should arrive. A replacement is on its way.',
          customer: { sentiment: 'negative', score: -0.9 },
        },
        {
          text: 'Fair point, you should not see ads on premium.',
          customer: { sentiment: 'negative', sarcastic: true },
        },
      ],
    },
  },
  check: ({ segments, customer }) => {
    const first = segments[0];
    if (!first || !customerUpset(customer) || segments.some((s) => acknowledges(s.text))) return [];
    if (customerClearlyUpset(customer) && !segments.some((s) => acts(s.text)))
      return [{ start: first.start, end: first.end, messageId: 'missing' }];
    return [{ start: first.start, end: first.end, messageId: 'implicit', severity: 'info' }];
  },
});
