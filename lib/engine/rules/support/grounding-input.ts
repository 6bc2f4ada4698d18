import { type GroundingIndex, groundingIndex } from '../../grounding';
import type { RuleInput } from '../define-rule';

const NONE: readonly string[] = [];

/** The grounding index for a rule's input: the thread, the packs' known facts, the helpdesk's customer name. */
export function indexFor(input: RuleInput): GroundingIndex {
  return groundingIndex(
    input.customerMessages,
    input.agent,
    input.config.knownFacts,
    input.customerName ? [input.customerName] : NONE,
  );
}
