import { defineRule } from './define-rule';
import { regexHits } from './support/match';

const PROMISE =
  /\b(?:(?:we|i)(?:'ll| will| shall| are going to| am going to| can)|you(?:'ll| will) (?:receive|get|be given))\s+(?:(?:issue|process|give|send|offer|provide|apply|add|refund|credit|compensate|reimburse)\s+(?:you\s+)?)?(?:(?:a|an|the|your|full|partial|complete|[$€£]?\d+(?:[.,]\d+)?%?)\s+){0,3}(?:refund(?:ed)?|credit(?:ed)?|compensat(?:e|ion)|reimburse(?:ment|d)?|voucher|discount|money back|free (?:month|upgrade|replacement))\b/gi;
/** Claims the money already moved: the draft may be stating an action nobody took. */
const DONE =
  /\b(?:i|we)(?:'ve| have)(?: gone ahead and| just| already)? (?:refunded|credited|reimbursed|compensated)\b|\b(?:i|we)(?:'ve| have)(?: gone ahead and| just| already)? (?:issued|processed|applied|added) (?:you )?(?:a |an |the )?(?:full |partial )?(?:refund|credit)\b/gi;
const AUTHORISED_ELSEWHERE =
  /\b(?:passed|forwarded|escalated|sent|handed)\b[^.]*\b(?:team|department|colleague|manager)\b/i;

export default defineRule({
  meta: {
    id: 'refund-promise',
    category: 'commitment',
    severity: 'warning',
    description:
      'Promises a refund, credit, compensation, voucher or discount ("we will refund you in full"), or says one was already given ("I\'ve refunded your order"). Warning for a promise: AI drafts promise money the agent may not be authorised to give; check policy before sending. A refund reported as done is info: the agent who issued it knows, and the hint is there for a draft that says so when nobody did. Saying the request was passed to the team that can authorise it is fine.',
    scope: 'segment',
    usesContext: false,
    messages: {
      promise: 'Promises money or compensation; are you authorised to commit to this?',
      done: 'Says a refund or credit was already given; check it really was before sending.',
    },
    examples: {
      flag: [
        { text: "We'll refund you in full today." },
        { text: 'You will receive a $50 credit on your next bill.' },
        { text: 'I will issue you a full refund right away.' },
        { text: "I've gone ahead and refunded your order in full." },
      ],
      pass: [
        { text: 'I have passed your refund request to our billing team, who can authorise it.' },
        { text: 'Refunds usually appear on your statement within 5–10 business days.' },
      ],
    },
  },
  check: ({ text }) =>
    AUTHORISED_ELSEWHERE.test(text)
      ? []
      : [...regexHits(PROMISE, text, 'promise'), ...regexHits(DONE, text, 'done', { severity: 'info' })],
});
