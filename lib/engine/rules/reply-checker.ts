import type { Finding } from '../types';
import type { ReplyContext } from './check-reply';
import {
  type CheckOptions,
  keep,
  planRules,
  type RawHit,
  type RuleContextInput,
  type RulePlan,
  runReplyRules,
  runSegment,
  sortFindings,
  toFinding,
} from './run-rules';
import { segmentText } from './segment';

/** Cached segments beyond this are dropped (oldest first) so a long session stays bounded. */
const MAX_CACHED_SEGMENTS = 4_000;

/** Checks a reply as it is typed. */
export interface ReplyChecker {
  /** Same result as `checkReply(ctx, options)`, re-running only the sentences that changed. */
  check(ctx: ReplyContext, options?: CheckOptions): Finding[];
  /** Forget everything (for example when the agent switches ticket). */
  reset(): void;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The content script re-checks on every keystroke. Segment rules are cached by segment text:
 * context-free ones for the checker's lifetime, context-dependent ones (and pack phrase
 * matchers) until the customer signals, the messages, the earlier replies or the packs
 * change. Reply rules re-run each time; they are linear and cheap by contract.
 */
export function createReplyChecker(): ReplyChecker {
  const free = new Map<string, RawHit[]>();
  const contextual = new Map<string, RawHit[]>();
  let lastContext: RuleContextInput | null = null;
  let lastPlan: RulePlan | null = null;
  let lastCustomerJson = '';

  function contextChanged(context: RuleContextInput, plan: RulePlan): boolean {
    if (!lastContext || plan !== lastPlan) return true;
    if (!sameStrings(lastContext.agent, context.agent)) return true;
    if (!sameStrings(lastContext.customerMessages, context.customerMessages)) return true;
    if (lastContext.customer === context.customer) return false;
    return JSON.stringify(context.customer) !== lastCustomerJson;
  }

  function remember(map: Map<string, RawHit[]>, key: string, hits: RawHit[]): void {
    if (map.size >= MAX_CACHED_SEGMENTS) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
    map.set(key, hits);
  }

  return {
    check(ctx, options) {
      const plan = planRules(options);
      const context: RuleContextInput = {
        customer: ctx.customer,
        customerMessages: ctx.customerMessages,
        agent: ctx.agent,
      };
      if (plan !== lastPlan) free.clear();
      if (contextChanged(context, plan)) {
        contextual.clear();
        lastCustomerJson = JSON.stringify(context.customer);
      }
      lastContext = context;
      lastPlan = plan;

      const segments = segmentText(ctx.reply);
      const findings: Finding[] = [];
      for (const seg of segments) {
        let a = free.get(seg.text);
        if (!a) {
          a = runSegment(seg.text, plan.segmentFree, context, plan.config, null);
          remember(free, seg.text, a);
        }
        let b = contextual.get(seg.text);
        if (!b) {
          b = runSegment(seg.text, plan.segmentContextual, context, plan.config, plan.packs.matchers);
          remember(contextual, seg.text, b);
        }
        for (const hit of a) if (keep(plan, hit)) findings.push(toFinding(ctx.reply, hit, seg.start, plan));
        for (const hit of b) if (keep(plan, hit)) findings.push(toFinding(ctx.reply, hit, seg.start, plan));
      }
      for (const hit of runReplyRules(ctx.reply, segments, plan, context)) {
        if (keep(plan, hit)) findings.push(toFinding(ctx.reply, hit, 0, plan));
      }
      return sortFindings(findings);
    },
    reset() {
      free.clear();
      contextual.clear();
      lastContext = null;
      lastPlan = null;
    },
  };
}
