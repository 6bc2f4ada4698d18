import type { CustomerSignals, Finding } from '../engine/types';

/**
 * What the page looked like when a decision was made: the findings the agent saw (and which
 * they dismissed) and the customer's reading. The content script takes it when the decision is
 * confirmed, or, for a send, when the agent pressed send (the page may be gone by the time the
 * helpdesk confirms it).
 */
export interface DecisionContext {
  helpdesk: string;
  ticketId: string;
  customer: CustomerSignals | null;
  findings: Finding[];
  dismissed: { has(fingerprint: string): boolean };
}
