import type { CustomerSignals } from '../types';

/**
 * Reads the latest customer message in the context of the earlier ones.
 * Placeholder until the signals land (issue 3): always neutral.
 */
export function analyzeCustomer(messages: readonly string[]): CustomerSignals | null {
  if (messages.length === 0) return null;
  return {
    sentiment: { label: 'neutral', score: 0 },
    sarcasm: { likely: false, score: 0, cues: [] },
    escalation: { likely: false, kinds: [], cues: [] },
  };
}
