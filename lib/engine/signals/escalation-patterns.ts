import type { EscalationKind } from '../types';

/**
 * What customers write when they want out of the conversation they are in: a human, someone
 * more senior, or a way to hurt the company (cancel, sue, charge back, report, review).
 * Explicit and implied forms ("can someone senior look at this", "we're switching to your
 * competitor", "I'll be leaving a one-star review"). Data, not code: add forms here.
 *
 * Each pattern is matched case-insensitively against the raw message, so match offsets are
 * the cue spans. Negated matches ("I don't want to cancel") are dropped by escalation.ts.
 */
export interface EscalationPattern {
  kind: EscalationKind;
  pattern: RegExp;
}

const PEOPLE =
  String.raw`(?:(?:real|live|actual|human|hunan|hyman|huma|humane|proper|flesh and blood|customer service|customer support|support|service|sales|billing|damn|goddamn|god damn|fucking|freaking|bloody)\s+)*` +
  String.raw`(?:human(?:\s+being)?s?|hunan|person|people|agent|agents|aent|someody|representative|rep|operator|somebody|someone|anybody|anyone|assistant|associate|staff|employee|advisor|adviser|consultant|specialist)\b`;

const REACH =
  '(?:speak|speaking|spoke|talk|talking|chat|chatting|chtting|chattinb|communicate|communicating|contact|contacting|contactig|ocntact|reach|reaching|call|calling|connect|connecting|transfer|transferring|get through|put me through|get hold of|get in touch|getting in touch|be put through|phone)';

/** Cancelling a newsletter is housekeeping, not a threat to leave. */
const NOT_NEWSLETTER = String.raw`(?![^.!?\n]{0,40}newsletter)`;

const p = (kind: EscalationKind, source: string): EscalationPattern => ({ kind, pattern: new RegExp(source, 'gi') });

/** The patterns, grouped by kind. */
export const ESCALATION_PATTERNS: readonly EscalationPattern[] = [
  // human
  p(
    'human',
    String.raw`\b(?:to)?${REACH}\b(?:\s+(?:me|us))?(?:\s+(?:with|to|tto|w|wit|wiht|witth|for))?(?:\s+(?:me|us))?(?:\s+(?:with|to))?(?:\s+(?:a|an|one|some|your|the|any|of your))?\s+${PEOPLE}`,
  ),
  p(
    'human',
    String.raw`\b(?:real|live|actual|flesh and blood)\s+(?:human|person|agent|people|representative|rep|operator)s?\b`,
  ),
  p('human', String.raw`\b(?:human|live)\s+(?:agent|representative|rep|operator|support|help|being)\b`),
  p(
    'human',
    String.raw`\b(?:want|need|get|give|gimme|find)\s+(?:me\s+)?(?:a|an|to a|to an)\s+(?:human|person|agent|representative|rep|operator)\b`,
  ),
  p(
    'human',
    String.raw`\b(?:not|stop|no more|enough of|done with) (?:talking to |with )?(?:a |the |this |your )?(?:bot|robot|chatbot|machine|ai|automated (?:system|reply|replies|response|responses))\b`,
  ),
  p('human', String.raw`\b(?:are you|is this|am i talking to) (?:a |an )?(?:bot|robot|chatbot|machine|ai)\b`),
  p('human', String.raw`\b(?:agent|representative|human|operator),? please\b`),
  // manager
  p(
    'manager',
    String.raw`\b(?:manager|supervisor|superior|supervisors|managers|team lead|team leader|your boss|higher[- ]ups?|head of (?:support|customer service|department)|management)\b`,
  ),
  p(
    'manager',
    String.raw`\b(?:someone|somebody|anyone|anybody|person|people)\s+(?:more\s+)?(?:senior|higher up|above you|in charge|with (?:more )?authority|who can actually (?:help|do something|fix))\b`,
  ),
  p(
    'manager',
    String.raw`\bsenior\s+(?:person|staff|member|agent|rep|representative|engineer|support|someone|people)\b`,
  ),
  p('manager', String.raw`\bescalat(?:e|ed|ing|ion)\b`),
  // cancel
  p(
    'cancel',
    String.raw`\bcancel(?:l?ing|l?ed)?${NOT_NEWSLETTER}\s+(?:my|our|the|this)\s+(?:whole\s+|entire\s+)?(?:account|subscription|membership|service|contract|plan|policy)\b`,
  ),
  p(
    'cancel',
    String.raw`\b(?:going to|gonna|will|i'll|we'll|about to|ready to|want to|wanna|plan to|thinking of|considering)\s+(?:just\s+)?cancel(?:l?ing)?\b${NOT_NEWSLETTER}(?!\s+(?:my|the|an?|this|that|your)?\s*(?:order|purchase|newsletter|item|delivery|shipment|payment|appointment|booking|request))`,
  ),
  // "if this isn't fixed by Friday I'm cancelling": the threat said in the present tense.
  p(
    'cancel',
    String.raw`\b(?:i'm|i am|im|we're|we are|i'll be|we'll be|i will be|we will be)\s+(?:just\s+|simply\s+|definitely\s+)?cancel(?:l?ing)\b${NOT_NEWSLETTER}(?!\s+(?:my|the|an?|this|that|your)?\s*(?:order|purchase|newsletter|item|delivery|shipment|payment|appointment|booking|request))`,
  ),
  p(
    'cancel',
    String.raw`\b(?:switch(?:ing)?|mov(?:e|ing)|go(?:ing)?|head(?:ing)?|run(?:ning)?)\s+(?:over\s+)?to\s+(?:a\s+|your\s+|another\s+|one of your\s+)?(?:competitors?|competition|rivals?|another (?:company|provider|service|vendor|bank|carrier))\b`,
  ),
  p('cancel', String.raw`\b(?:take|taking)\s+(?:my|our)\s+(?:business|money|custom)\s+(?:elsewhere|somewhere else)\b`),
  p(
    'cancel',
    String.raw`\b(?:close|closing|terminate|terminating|end|ending)\s+(?:my|our)\s+(?:account|subscription|membership|contract)\b`,
  ),
  p('cancel', String.raw`\b(?:not|won't be|will not be|never)\s+renew(?:ing)?\b`),
  p(
    'cancel',
    String.raw`\b(?:i'm|i am|we're|we are)\s+(?:so\s+)?done\s+with\s+(?:you|your|this company|this service)\b`,
  ),
  p('cancel', String.raw`\b(?:last|final)\s+(?:time|order|purchase)\s+(?:i|we)\s+(?:ever\s+)?(?:buy|order|use|shop)\b`),
  p('cancel', String.raw`\bnever\s+(?:buying|ordering|shopping|using)\s+(?:from|with)?\s*(?:you|your|this)\b`),
  // legal
  p(
    'legal',
    String.raw`\b(?:lawyer|lawyers|attorney|attorneys|solicitor|solicitors|lawsuit|legal action|legal proceedings|litigation|class action|small claims|sue|suing|sued|take you to court|see you in court|legal team|legal department|my rights under)\b`,
  ),
  // chargeback
  p(
    'chargeback',
    String.raw`\b(?:charge\s?back|chargebacks|reverse the (?:charge|payment|transaction)|dispute (?:the|this|that|these) (?:charge|charges|payment|transaction)|(?:call|calling|contact|contacting|tell|telling) my (?:bank|card issuer|credit card company)|file a dispute|(?:paypal|card) dispute|report (?:it|this) as fraud|stop (?:the )?payment)\b`,
  ),
  // regulator
  p(
    'regulator',
    String.raw`\b(?:better business bureau|bbb|ftc|federal trade commission|consumer protection|attorney general|ombudsman|trading standards|cfpb|regulators?|ofcom|ofgem|citizens advice|data protection (?:authority|commissioner)|fcc|consumer (?:affairs|rights) (?:agency|body|office))\b`,
  ),
  p(
    'regulator',
    String.raw`\breport(?:ing)? (?:you|this|your company) to (?:the )?(?:authorities|regulator|government)\b`,
  ),
  // public
  p('public', String.raw`\b(?:one|1|zero|0|two|2)[- ]star\b`),
  p('public', String.raw`\b(?:bad|negative|terrible|scathing|honest|awful|horrible)\s+(?:review|reviews|rating)\b`),
  p(
    'public',
    String.raw`\b(?:post|posting|share|sharing|tweet|tweeting|blast|blasting|put|putting|tell|telling|warn|warning|expose|exposing|complain|complaining|write|writing)\b[^.!?\n]{0,40}?\b(?:twitter|facebook|reddit|trustpilot|yelp|tiktok|instagram|linkedin|youtube|social media|online|the internet|everyone i know|all my friends|everybody i know|the press|the news|review sites?|google reviews?)\b`,
  ),
  p('public', String.raw`\b(?:go|going)\s+public\b`),
];
