import type { ReplyContext } from '@/lib/engine/rules/check-reply';
import { exampleSignals, type RuleExample } from '@/lib/engine/rules/define-rule';

/** The reply context an example describes. */
export function exampleContext(example: RuleExample): ReplyContext {
  return {
    reply: example.text,
    customer: exampleSignals(example),
    customerMessages: example.customerMessages ?? [],
    agent: example.agent ?? [],
    customerName: example.customerName ?? null,
  };
}
