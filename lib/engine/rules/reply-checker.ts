import type { Finding } from '../types';
import { type ReplyContext, type ReplyCoverage, replyCoverage, replyLanguage } from './check-reply';
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

/**
 * Segments cached per generation. A full young generation becomes the old one and the older
 * one is dropped: bounded memory, O(1) work, no per-entry eviction (which is slow on V8 Maps).
 */
const GENERATION_SIZE = 2_000;

/** Segment text → hits, in two generations; a hit in the old one is promoted. */
class SegmentCache {
  private young = new Map<string, RawHit[]>();
  private old = new Map<string, RawHit[]>();

  get(text: string): RawHit[] | undefined {
    const hit = this.young.get(text);
    if (hit) return hit;
    const promoted = this.old.get(text);
    if (promoted) this.set(text, promoted);
    return promoted;
  }

  set(text: string, hits: RawHit[]): void {
    this.young.set(text, hits);
    if (this.young.size >= GENERATION_SIZE) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }
}

/** Checks a reply as it is typed. */
export interface ReplyChecker {
  /** Same result as `checkReply(ctx, options)`, re-running only the sentences that changed. */
  check(ctx: ReplyContext, options?: CheckOptions): Finding[];
  /**
   * Which checks could read the reply last checked (its language, the rules that ran and the ones
   * that stayed silent), for the panel; null before the first check. The same object until the
   * language or the options change, so a store can compare it by reference.
   */
  coverage(): ReplyCoverage | null;
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
  const free = new SegmentCache();
  const contextual = new SegmentCache();
  let lastContext: RuleContextInput | null = null;
  let lastPlan: RulePlan | null = null;
  let lastCustomerJson = '';
  let lastCoverage: { language: string; plan: RulePlan; value: ReplyCoverage } | null = null;
  let lastLanguage = 'und';
  let lastReply = '';
  let lastOptions: CheckOptions | undefined;

  function contextChanged(context: RuleContextInput, plan: RulePlan): boolean {
    if (!lastContext || plan !== lastPlan) return true;
    if (!sameStrings(lastContext.agent, context.agent)) return true;
    if (!sameStrings(lastContext.customerMessages, context.customerMessages)) return true;
    if (lastContext.customerName !== context.customerName) return true;
    if (lastContext.customer === context.customer) return false;
    return JSON.stringify(context.customer) !== lastCustomerJson;
  }

  return {
    check(ctx, options) {
      const plan = planRules(options);
      const context: RuleContextInput = {
        customer: ctx.customer,
        customerMessages: ctx.customerMessages,
        agent: ctx.agent,
        customerName: ctx.customerName ?? null,
      };
      if (plan !== lastPlan) free.clear();
      if (contextChanged(context, plan)) {
        contextual.clear();
        lastCustomerJson = JSON.stringify(context.customer);
      }
      lastContext = context;
      lastPlan = plan;

      const language = replyLanguage(ctx.reply);
      lastLanguage = language;
      lastReply = ctx.reply;
      lastOptions = options;
      const segments = segmentText(ctx.reply);
      const findings: Finding[] = [];
      for (const seg of segments) {
        let a = free.get(seg.text);
        if (!a) {
          a = runSegment(seg.text, plan.segmentFree, context, plan.config, null);
          free.set(seg.text, a);
        }
        let b = contextual.get(seg.text);
        if (!b) {
          b = runSegment(seg.text, plan.segmentContextual, context, plan.config, plan.packs);
          contextual.set(seg.text, b);
        }
        for (const hit of a) if (keep(plan, hit, language)) findings.push(toFinding(ctx.reply, hit, seg.start, plan));
        for (const hit of b) if (keep(plan, hit, language)) findings.push(toFinding(ctx.reply, hit, seg.start, plan));
      }
      for (const hit of runReplyRules(ctx.reply, segments, plan, context)) {
        if (keep(plan, hit, language)) findings.push(toFinding(ctx.reply, hit, 0, plan));
      }
      return sortFindings(findings);
    },
    coverage() {
      if (!lastPlan) return null;
      if (!lastCoverage || lastCoverage.language !== lastLanguage || lastCoverage.plan !== lastPlan)
        lastCoverage = { language: lastLanguage, plan: lastPlan, value: replyCoverage(lastReply, lastOptions) };
      return lastCoverage.value;
    },
    reset() {
      lastCoverage = null;
      free.clear();
      contextual.clear();
      lastContext = null;
      lastPlan = null;
    },
  };
}
