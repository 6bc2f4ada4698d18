import { checkReply } from './rules/check-reply';
import { analyzeCustomer } from './signals';
import type { TicketAnalysis, TicketInput } from './types';

/** The one entry point the CLI, the content script, the tests and the benchmarks share. */
export function analyzeTicket(input: TicketInput): TicketAnalysis {
  const customer = analyzeCustomer(input.customer);
  const findings = checkReply({
    reply: input.reply,
    customer,
    customerMessages: input.customer,
    agent: input.agent,
  });
  return { customer, findings };
}
