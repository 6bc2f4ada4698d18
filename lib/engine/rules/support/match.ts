import { execAll } from '../../pii/exec-all';
import type { CustomerSignals } from '../../types';
import type { RuleHit } from '../define-rule';

/** Small helpers shared by rule checks. Not rules themselves. */

/** Every match of a global regex as hits with one message id. */
export function regexHits<M extends string>(
  re: RegExp,
  text: string,
  messageId: M,
  extra?: Partial<Pick<RuleHit<M>, 'data' | 'severity'>>,
): RuleHit<M>[] {
  const out: RuleHit<M>[] = [];
  re.lastIndex = 0;
  for (const m of execAll(re, text)) {
    const start = m.index ?? 0;
    if (m[0].length === 0) continue;
    out.push({ start, end: start + m[0].length, messageId, ...extra });
  }
  return out;
}

/** Words (letters, digits, apostrophes) lower-cased, for similarity measures. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** The customer reads as upset: negative sentiment, sarcasm, or an escalation. */
export function customerUpset(customer: CustomerSignals | null): boolean {
  if (!customer) return false;
  return (
    customer.sentiment.label === 'negative' ||
    customer.sentiment.score <= -0.3 ||
    customer.sarcasm.likely ||
    customer.escalation.likely
  );
}

/** At or below this sentiment score the customer is clearly upset, not just reporting a problem. */
const CLEARLY_UPSET = -0.6;
/** Escalations that are said in anger; asking for a person or about cancelling need not be. */
const ANGRY_KINDS: ReadonlySet<string> = new Set(['manager', 'legal', 'chargeback', 'regulator', 'public']);

/**
 * The customer is clearly upset: strongly negative, sarcastic, or threatening. Rules raise their
 * warnings for this customer and only hint (info) for one who is merely negative, so severity
 * follows how upset the customer is.
 */
export function customerClearlyUpset(customer: CustomerSignals | null): boolean {
  if (!customer) return false;
  return (
    customer.sentiment.score <= CLEARLY_UPSET ||
    customer.sarcasm.likely ||
    customer.escalation.kinds.some((k) => ANGRY_KINDS.has(k))
  );
}

/** A sentence that negates what follows ("we will never ask for…"). */
export const NEGATED = /\b(?:never|not|n't|no one|nobody|don't|do not|won't|will not|should not|shouldn't)\b/i;

/**
 * The reply does something about the problem, said in the first person: "I've refunded",
 * "I've sent a replacement", "I'll call you this afternoon", "Done". Human agents often
 * acknowledge this way, by fixing rather than by apologising first.
 */
export const TAKES_ACTION =
  /\b(?:i|we)(?:'ve| have)(?: now| just| already| also| gone ahead and| personally)? (?:refunded|fixed|sent|resent|restored|unlocked|unblocked|cancell?ed|rebooked|booked|reversed|removed|added|updated|corrected|arranged|escalated|resolved|processed|credited|applied|waived|switched|changed|moved|reset|cleared|merged|reissued|extended|upgraded|ordered|opened|asked|passed|forwarded|contacted|called|raised|filed|blocked|turned|set|created|generated|attached|reported|secured|lifted|reviewed|approved|closed|started|scheduled|put|paused|marked|chased|released|deleted|expedited|shipped|granted|given|issued|flagged|transferred|connected|recovered|investigated|found|checked|confirmed|looked)\b|\b(?:i|we)(?:'ll| will) (?:call|send|update|follow up|check|keep|look|make sure|chase|ring|email|message|contact|refund|replace|fix|sort|get|arrange|confirm|personally|move|do|take care|set|close|cancel|add|remove|change|switch|pass|ask|book|reissue|issue|process|apply|restore|unlock|credit)\b|\b(?:i|we) can (?:refund|cancel|replace|fix|close|reverse|waive|credit|restore|rebook)\b|\b(?:i|we)(?:'m| am| are) (?:sending|refunding|fixing|rolling back|replacing|looking into|on it|escalating)\b|^(?:done|all set|sorted)\b|\b(?:is|are|was|has been|have been) (?:now )?(?:fixed|resolved|restored|refunded|cancell?ed|sorted|back up)\b|\b(?:a fix|the fix|fix) is (?:going out|in|ready|scheduled|coming)\b/i;
