import type { EscalationKind } from '../types';
import { defineRule } from './define-rule';
import { TAKES_ACTION } from './support/match';
import { textMemo } from './support/segment-memo';

const HANDOVER =
  /\b(?:escalat\w+|transferr?\w*|hand(?:ed|ing)? (?:you |this |it |your \w+ )?over|hand(?:ing)? off|pass(?:ed|ing)? (?:you |this |it |your \w+ )?(?:on )?to|connect(?:ing)? you (?:with|to)|put(?:ting)? you through|loop(?:ed|ing)? in|(?:a|my|our) (?:manager|supervisor|team lead|senior|colleague|specialist|human|person|real person|member of (?:the|our) team)|someone (?:from|on) (?:our|the) \w+ team (?:will|is going to)|(?:call|contact|reach out to) you (?:back|shortly|today|directly)|i(?:'ve| have) (?:raised|flagged|forwarded|opened))\b/i;
const ACKNOWLEDGE: Record<EscalationKind, RegExp> = {
  human: /\b(?:speak|talk|chat) (?:to|with) (?:a |someone|one of)|real person|human\b/i,
  manager: /\b(?:manager|supervisor|team lead)\b/i,
  cancel:
    /\b(?:cancel\w*|clos(?:e|ed|ing) (?:your|the) (?:account|subscription|plan)|terminat\w*|unsubscrib\w*|delet\w* your account)\b/i,
  legal: /\blegal\b|\blawyer|\battorney/i,
  chargeback: /\b(?:chargeback|dispute|refund)\w*\b/i,
  regulator: /\b(?:regulator|ombudsman|complaint|ftc|fca|cfpb|bbb)\b/i,
  public: /\b(?:review|feedback|public\w*)\b/i,
};
const DEFLECT =
  /\b(?:try (?:clearing|restarting|reinstalling|logging|updating|again|to)|(?:please |first,? )?(?:clear|restart|reinstall|reboot|update|refresh|re-?install|log out|sign out)\b|have you tried|make sure|follow (?:these|the) steps|step \d|(?:check|see|visit) (?:out )?our (?:faq|help (?:center|centre)|knowledge base|docs)|upgrade to|(?:premium|pro|plus) plan|special offer|limited[- ]time|(?:\d+% |a )?discount|in the meantime|unfortunately (?:we|i) (?:can't|cannot|are unable)|is there anything else)\b/i;
const SERIOUS: readonly EscalationKind[] = ['legal', 'chargeback', 'regulator'];
/**
 * Threats a reply can answer by fixing the problem: a refund makes the chargeback moot, a
 * replacement answers the one-star review. A request for a person (human, manager) and a legal
 * threat need a person, so doing something is not enough for those.
 */
const FIXABLE: ReadonlySet<EscalationKind> = new Set(['cancel', 'chargeback', 'regulator', 'public']);
const KINDS = Object.keys(ACKNOWLEDGE) as EscalationKind[];

/** What one sentence does about an escalation; memoised, so a keystroke re-tests one sentence. */
const sentence = textMemo((text: string) => {
  let acknowledges = 0;
  KINDS.forEach((kind, i) => {
    if (ACKNOWLEDGE[kind].test(text)) acknowledges |= 1 << i;
  });
  return { handover: HANDOVER.test(text), deflects: DEFLECT.test(text), acts: TAKES_ACTION.test(text), acknowledges };
});

export default defineRule({
  meta: {
    id: 'escalation-deflected',
    category: 'escalation',
    severity: 'warning',
    description:
      'The customer asked for a human or a manager, or threatened to cancel, take legal action, file a chargeback, go to a regulator or post a public review, and the reply carries on troubleshooting, upselling or deflecting without handing over, acknowledging the request, or (for a threat to cancel, charge back, complain to a regulator or post a review) fixing the problem. Warning; critical when the threat is legal, chargeback or regulator, where a missed escalation costs money.',
    scope: 'reply',
    usesContext: true,
    messages: {
      deflects:
        'The customer wants escalation ({{kinds}}); this reply keeps troubleshooting or selling instead of handing over.',
      ignores: 'The customer wants escalation ({{kinds}}); the reply neither acknowledges it nor hands over.',
    },
    examples: {
      flag: [
        {
          text: 'Have you tried clearing your cache? That usually fixes it.',
          customer: { sentiment: 'negative', escalation: ['manager'] },
        },
        {
          text: 'Did you know our Pro plan includes priority support? Upgrade to Pro today.',
          customer: { sentiment: 'negative', escalation: ['chargeback'] },
        },
      ],
      pass: [
        {
          text: 'I understand you would like to speak to a manager; I have escalated this and my supervisor will call you back today.',
          customer: { sentiment: 'negative', escalation: ['manager'] },
        },
        { text: 'Have you tried clearing your cache?', customer: { sentiment: 'negative' } },
      ],
    },
  },
  check: ({ segments, customer }) => {
    const kinds = customer?.escalation.likely ? customer.escalation.kinds : [];
    if (kinds.length === 0 || segments.length === 0) return [];
    const facts = segments.map((s) => sentence(s.text));
    if (facts.some((f) => f.handover)) return [];
    if (kinds.every((k) => FIXABLE.has(k)) && facts.some((f) => f.acts)) return [];
    const wanted = kinds.reduce((mask, k) => mask | (1 << KINDS.indexOf(k)), 0);
    const deflectingIndex = facts.findIndex((f) => f.deflects);
    if (deflectingIndex < 0 && facts.some((f) => (f.acknowledges & wanted) !== 0)) return [];
    const severity = kinds.some((k) => SERIOUS.includes(k)) ? 'critical' : 'warning';
    const data = { kinds: kinds.join(', ') };
    const deflecting = deflectingIndex >= 0 ? segments[deflectingIndex] : undefined;
    const span = deflecting ?? segments[0];
    if (!span) return [];
    return [{ start: span.start, end: span.end, messageId: deflecting ? 'deflects' : 'ignores', data, severity }];
  },
});
