import type { OverrideRow } from '../db/schema';
import type { CustomerSignals } from '../engine/types';
import type { PrivacyMode } from '../settings/schema';
import type { Decision } from './tracker';
import type { DecisionContext } from './types';

export interface RowOptions {
  privacy: PrivacyMode;
  agent: string;
  ticketHash: string;
  /** Masks PII in text kept under the `redacted` privacy mode. */
  redact(text: string): string;
}

/** Keeps what the dashboard needs of the customer signals, without quoting the customer. */
function storedSignals(customer: CustomerSignals | null): OverrideRow['customer'] {
  if (!customer) return null;
  return {
    sentiment: customer.sentiment,
    sarcasm: { likely: customer.sarcasm.likely, score: customer.sarcasm.score },
    escalation: { likely: customer.escalation.likely, kinds: customer.escalation.kinds },
  };
}

function keepText(text: string | null, options: RowOptions): string | null {
  if (text === null || options.privacy === 'none') return null;
  return options.privacy === 'redacted' ? options.redact(text) : text;
}

/** Turns a decision into the row the background stores, applying the privacy mode before it leaves the page. */
export function makeOverrideRow(decision: Decision, context: DecisionContext, options: RowOptions): OverrideRow {
  return {
    id: decision.suggestion.id,
    shownAt: decision.suggestion.shownAt,
    decidedAt: decision.decidedAt,
    helpdesk: context.helpdesk,
    ticketHash: options.ticketHash,
    agent: options.agent,
    outcome: decision.outcome,
    shape: decision.suggestion.shape,
    source: decision.suggestion.source,
    suggestionWords: decision.suggestion.words,
    reason: null,
    note: null,
    similarity: decision.similarity,
    editSize: decision.editSize,
    findings: context.findings.map((f) => ({
      rule: f.rule,
      category: f.category,
      severity: f.severity,
      fingerprint: f.fingerprint,
      dismissed: context.dismissed.has(f.fingerprint),
    })),
    customer: storedSignals(context.customer),
    privacy: options.privacy,
    suggestionText: keepText(decision.suggestion.text, options),
    sentText: keepText(decision.sentText, options),
  };
}
