import { execAll } from '../pii/exec-all';
import { defineRule } from './define-rule';
import { customerClearlyUpset, customerUpset } from './support/match';

const CHEERFUL =
  /(?:\b(?:great|awesome|fantastic|wonderful|amazing|excellent|brilliant|perfect|yay|woohoo)\b\s*[!:)]|\b(?:glad|happy|thrilled|delighted|excited) (?:to hear|you(?:'re| are) enjoying|that you)\b|\bthanks? (?:so much |a lot )?for (?:your|the) (?:kind words|(?:positive |great |lovely |wonderful )?feedback|compliment|love)\b|\bwe(?:'re| are) (?:so )?(?:glad|happy|thrilled|delighted)\b|\bthat(?:'s| is) (?:great|awesome|fantastic|wonderful) (?:news|to hear)\b)/gi;
const CHEERFUL_EMOJI = /[😀😃😄😁😊🙂😍🥳🎉👍]/gu;

export default defineRule({
  meta: {
    id: 'cheerful-to-upset',
    category: 'tone',
    severity: 'warning',
    description:
      'A cheerful or grateful line ("Great!", "Glad to hear", "Thanks for the kind words", party emoji) in a reply to a customer who is upset or sarcastic. Warning when the customer is clearly upset (info when only mildly negative): it reads as not listening, and with sarcasm it takes "Great, another update that breaks everything" literally.',
    scope: 'segment',
    usesContext: true,
    messages: {
      sarcasm: 'The customer is being sarcastic; this cheerful line takes them literally.',
      upset: 'The customer is upset; this cheerful line reads as not listening.',
    },
    examples: {
      flag: [
        {
          text: "Great! We're glad you're enjoying the new update!",
          customer: { sentiment: 'negative', sarcastic: true },
          customerMessages: ['Great, another update that breaks everything. Love it.'],
        },
        { text: 'Thanks so much for your feedback! 😊', customer: { sentiment: 'negative' } },
      ],
      pass: [
        { text: "Great! We're glad you're enjoying the new update!", customer: { sentiment: 'positive' } },
        {
          text: 'I am sorry the update broke your workflow; here is how to roll back.',
          customer: { sentiment: 'negative', sarcastic: true },
        },
      ],
    },
  },
  check: ({ text, customer }) => {
    if (!customerUpset(customer)) return [];
    const messageId: 'sarcasm' | 'upset' = customer?.sarcasm.likely ? 'sarcasm' : 'upset';
    // A cheerful line to a customer who is only a little negative is a hint, not an alarm.
    const severity = customerClearlyUpset(customer) ? undefined : ('info' as const);
    const out = [];
    for (const re of [CHEERFUL, CHEERFUL_EMOJI]) {
      re.lastIndex = 0;
      for (const m of execAll(re, text)) {
        const start = m.index ?? 0;
        const end = start + m[0].replace(/[\s!:)]+$/, '').length;
        out.push({ start, end, messageId, ...(severity ? { severity } : {}) });
      }
    }
    return out.filter((h) => h.end > h.start).sort((a, b) => a.start - b.start);
  },
});
