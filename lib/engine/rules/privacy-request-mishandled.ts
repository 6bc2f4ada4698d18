import { defineRule } from './define-rule';

const REQUEST =
  /\b(?:gdpr|ccpa|cpra|dsar|data subject (?:access )?request|right to (?:be forgotten|erasure|access)|(?:delete|erase|remove|wipe) (?:all )?(?:my|of my) (?:personal )?(?:data|information|details|account)|(?:copy|export) of (?:all )?(?:my|the) (?:personal )?(?:data|information)|what (?:personal )?(?:data|information) (?:do )?you (?:hold|have|store|keep) (?:on|about) me|do not sell my)\b/i;
const REFUSAL =
  /\b(?:(?:we|i) (?:can't|cannot|can not|are unable to|am unable to|won't|will not|don't|do not) (?:delete|erase|remove|provide|share|export|send)|(?:not|isn't|is not) (?:possible|something we can do) to (?:delete|erase|remove|export)|we (?:keep|retain|store) (?:all )?(?:your )?(?:data|information) (?:indefinitely|forever|permanently))\b/i;
const HANDLED =
  /\b(?:gdpr|ccpa|privacy team|data protection|dpo|(?:your|the) (?:deletion|erasure|access|data|privacy) request|(?:delete|erase|remove|export)\w* (?:your|all your) (?:personal )?(?:data|information|account)|within (?:30|thirty|45|forty-five) days|(?:one|a) month|confirm your identity|data export|export of your data|(?:download|copy of) (?:link|your data))\b/i;

/** Whether the latest customer messages hold a request; memoised per messages array (stable while typing). */
const requested = new WeakMap<readonly string[], boolean>();

function hasRequest(customerMessages: readonly string[]): boolean {
  let known = requested.get(customerMessages);
  if (known === undefined) {
    known = REQUEST.test(customerMessages.slice(-3).join('\n'));
    requested.set(customerMessages, known);
  }
  return known;
}

export default defineRule({
  meta: {
    id: 'privacy-request-mishandled',
    category: 'compliance',
    severity: 'critical',
    description:
      'The customer made a data-protection request (GDPR/CCPA: delete my data, send me a copy, what do you hold about me) and the reply refuses it or does not address it. Critical: these requests have legal deadlines (one month under GDPR, 45 days under CCPA) and a refusal or silence can lead to a regulator complaint.',
    scope: 'reply',
    usesContext: true,
    messages: {
      refused: 'The customer made a data-protection request and this reply refuses it; route it to the privacy team.',
      ignored: 'The customer made a data-protection request (GDPR/CCPA) and the reply does not address it.',
    },
    examples: {
      flag: [
        {
          text: 'Unfortunately we cannot delete accounts, but you can stop using the service at any time.',
          customerMessages: ['Under GDPR I want you to delete all my data.'],
        },
        {
          text: 'Thanks for reaching out! Have you tried our new mobile app?',
          customerMessages: ['Please send me a copy of my personal data.'],
        },
      ],
      pass: [
        {
          text: 'I have passed your deletion request to our privacy team; they will confirm within 30 days.',
          customerMessages: ['Under GDPR I want you to delete all my data.'],
        },
        {
          text: 'Your order has shipped and should arrive on Tuesday.',
          customerMessages: ['Where is my order?'],
        },
      ],
    },
  },
  check: ({ text, segments, customerMessages }) => {
    if (segments.length === 0 || !hasRequest(customerMessages)) return [];
    const refusal = segments.find((s) => REFUSAL.test(s.text));
    if (refusal) return [{ start: refusal.start, end: refusal.end, messageId: 'refused' }];
    if (HANDLED.test(text)) return [];
    const first = segments[0];
    return first ? [{ start: first.start, end: first.end, messageId: 'ignored' }] : [];
  },
});
