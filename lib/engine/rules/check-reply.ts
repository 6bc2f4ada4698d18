import type { CustomerSignals, Finding } from '../types';
import {
  type CheckOptions,
  keep,
  planRules,
  type RuleContextInput,
  runReplyRules,
  runSegment,
  sortFindings,
  toFinding,
} from './run-rules';
import { segmentText } from './segment';

export type { CheckOptions } from './run-rules';

/** What a rule may read besides the reply itself. */
export interface ReplyContext {
  reply: string;
  customer: CustomerSignals | null;
  /** The customer messages, oldest first. */
  customerMessages: readonly string[];
  /** Earlier agent replies, oldest first. */
  agent: readonly string[];
}

/** Runs the rule catalogue (and any admin packs) over a reply. Findings are sorted by position. */
export function checkReply(ctx: ReplyContext, options?: CheckOptions): Finding[] {
  const plan = planRules(options);
  const context: RuleContextInput = {
    customer: ctx.customer,
    customerMessages: ctx.customerMessages,
    agent: ctx.agent,
  };
  const segments = segmentText(ctx.reply);
  const findings: Finding[] = [];
  for (const seg of segments) {
    for (const hit of runSegment(seg.text, plan.segmentFree, context, plan.config, null)) {
      if (keep(plan, hit)) findings.push(toFinding(ctx.reply, hit, seg.start, plan));
    }
    for (const hit of runSegment(seg.text, plan.segmentContextual, context, plan.config, plan.packs)) {
      if (keep(plan, hit)) findings.push(toFinding(ctx.reply, hit, seg.start, plan));
    }
  }
  for (const hit of runReplyRules(ctx.reply, segments, plan, context)) {
    if (keep(plan, hit)) findings.push(toFinding(ctx.reply, hit, 0, plan));
  }
  return sortFindings(findings);
}
