import './pii/phone-metadata';
import type { RulePack } from './packs/types';
import { checkReply } from './rules/check-reply';
import { analyzeCustomer } from './signals';
import type { TicketAnalysis, TicketInput } from './types';

/** Options for `analyzeTicket`. */
export interface AnalyzeOptions {
  /** Admin rule packs, already validated (`validatePack`); none by default. @default [] */
  packs?: readonly RulePack[];
}

/** The one entry point the CLI, the content script, the tests and the benchmarks share. */
export function analyzeTicket(input: TicketInput, options?: AnalyzeOptions): TicketAnalysis {
  const customer = analyzeCustomer(input.customer);
  const findings = checkReply(
    {
      reply: input.reply,
      customer,
      customerMessages: input.customer,
      agent: input.agent,
    },
    { packs: options?.packs },
  );
  return { customer, findings };
}
