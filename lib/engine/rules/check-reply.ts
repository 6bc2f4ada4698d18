import { quickLanguage } from '../language/quick';
import type { CustomerSignals, Finding } from '../types';
import { ruleReads } from './define-rule';
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
  /**
   * The customer's name when the helpdesk shows it (a requester field). Optional: without it the
   * grounding rules read the name from signatures, self-introductions and earlier greetings.
   */
  customerName?: string | null;
}

/**
 * The reply's language when the in-page guesser is sure of it, else `und` (then every rule runs:
 * a short or mixed reply is not a reason to go quiet).
 */
export function replyLanguage(reply: string): string {
  const guess = quickLanguage(reply);
  return guess.confident ? guess.language : 'und';
}

/** Which checks could read a reply, for the panel: "German reply: 14 of 37 checks ran". */
export interface ReplyCoverage {
  /** ISO 639-1, or `und` when not known (then every check ran). */
  language: string;
  /** Ids of the active rules that read this language. */
  ran: string[];
  /** Ids of the active rules that read other languages only, so stayed silent. */
  skipped: string[];
}

/** The coverage of a reply under these options. */
export function replyCoverage(reply: string, options?: CheckOptions): ReplyCoverage {
  const language = replyLanguage(reply);
  const ran: string[] = [];
  const skipped: string[] = [];
  for (const rule of planRules(options).active) (ruleReads(rule.meta, language) ? ran : skipped).push(rule.meta.id);
  return { language, ran, skipped };
}

/** Runs the rule catalogue (and any admin packs) over a reply. Findings are sorted by position. */
export function checkReply(ctx: ReplyContext, options?: CheckOptions): Finding[] {
  const plan = planRules(options);
  const context: RuleContextInput = {
    customer: ctx.customer,
    customerMessages: ctx.customerMessages,
    agent: ctx.agent,
    customerName: ctx.customerName ?? null,
  };
  const language = replyLanguage(ctx.reply);
  const segments = segmentText(ctx.reply);
  const findings: Finding[] = [];
  for (const seg of segments) {
    for (const hit of runSegment(seg.text, plan.segmentFree, context, plan.config, null)) {
      if (keep(plan, hit, language)) findings.push(toFinding(ctx.reply, hit, seg.start, plan));
    }
    for (const hit of runSegment(seg.text, plan.segmentContextual, context, plan.config, plan.packs)) {
      if (keep(plan, hit, language)) findings.push(toFinding(ctx.reply, hit, seg.start, plan));
    }
  }
  for (const hit of runReplyRules(ctx.reply, segments, plan, context)) {
    if (keep(plan, hit, language)) findings.push(toFinding(ctx.reply, hit, 0, plan));
  }
  return sortFindings(findings);
}
