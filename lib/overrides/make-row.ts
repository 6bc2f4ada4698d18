import type { OverrideRow } from '../db/schema';
import type { CustomerSignals } from '../engine/types';
import type { PrivacyMode } from '../settings/schema';
import { protectText, type Redact, storedFindings } from './privacy';
import type { Decision } from './tracker';
import type { DecisionContext } from './types';

export interface RowOptions {
  privacy: PrivacyMode;
  agent: string;
  /** The background's keyed hash of the ticket (`content→background:ticket-hash`). */
  ticketHash: string;
  /** Masks PII in text kept under the `redacted` privacy mode. */
  redact: Redact;
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

/**
 * Turns a decision into the row the background stores, applying the privacy mode before it
 * leaves the page (lib/overrides/privacy.ts): texts, and the fingerprints of the findings shown.
 */
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
    findings: storedFindings(context.findings, context.dismissed, options.privacy, options.redact),
    customer: storedSignals(context.customer),
    privacy: options.privacy,
    suggestionText: protectText(decision.suggestion.text, options.privacy, options.redact),
    sentText: protectText(decision.sentText, options.privacy, options.redact),
  };
}
