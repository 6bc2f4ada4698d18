import type { CustomerSignals, Finding } from '../types';

/** What a rule may read besides the reply itself. */
export interface ReplyContext {
  reply: string;
  customer: CustomerSignals | null;
  /** The customer messages, oldest first. */
  customerMessages: readonly string[];
  /** Earlier agent replies, oldest first. */
  agent: readonly string[];
}

/** Runs the rule catalogue over a reply. Placeholder until the rules land (issue 4). */
export function checkReply(_ctx: ReplyContext): Finding[] {
  return [];
}
