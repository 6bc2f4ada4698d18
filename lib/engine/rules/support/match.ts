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

/** A sentence that negates what follows ("we will never ask for…"). */
export const NEGATED = /\b(?:never|not|n't|no one|nobody|don't|do not|won't|will not|should not|shouldn't)\b/i;
