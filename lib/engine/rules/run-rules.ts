import { fingerprint } from '../fingerprint';
import { type CompiledPacks, compilePacks } from '../packs/apply';
import type { RulePack } from '../packs/types';
import { execAll } from '../pii/exec-all';
import type { Category, CustomerSignals, Finding, Severity } from '../types';
import { formatMessage, type Rule, type RuleConfig, type RuleInput, ruleReads, type Segment } from './define-rule';
import { rules } from './registry';
import { MAX_REPLY_SEGMENTS, MAX_SCAN_CHARS } from './segment';

/**
 * The shared core of `checkReply` and `createReplyChecker`: both run exactly these steps, the
 * checker only caches the per-segment ones, so their results agree by construction.
 */

/** Options for a check. */
export interface CheckOptions {
  /** Validated admin rule packs (see lib/engine/packs). @default [] */
  packs?: readonly RulePack[];
  /**
   * The helpdesk's region (ISO 3166-1 alpha-2, e.g. `DE`), so a phone number written the national
   * way ("030 901820") is read with that country's rules. The content script derives it from the
   * page's locale (`regionFromLocale`); without it, numbers need a country code or a US shape.
   * @default undefined
   */
  region?: string;
}

/** What rules may read besides the reply itself. */
export interface RuleContextInput {
  customer: CustomerSignals | null;
  customerMessages: readonly string[];
  agent: readonly string[];
  customerName: string | null;
}

/** A hit made absolute-ready: offsets relative to its segment (or the reply, for reply rules). */
export interface RawHit {
  rule: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /**
   * Filled in by `toFinding` on first use. Cached segment hits are reused only for the same
   * segment text, so the span text, and with it the fingerprint, cannot have changed.
   */
  fingerprint?: string;
}

/** Rules split by how they can be cached, after packs disabled some. */
export interface RulePlan {
  packs: CompiledPacks;
  config: RuleConfig;
  segmentFree: readonly Rule[];
  segmentContextual: readonly Rule[];
  reply: readonly Rule[];
  /** Every active built-in rule, for the coverage the panel shows. */
  active: readonly Rule[];
}

/**
 * Rules match the ASCII apostrophe; helpdesk editors type the typographic one. Same length,
 * so offsets are unchanged.
 */
function normaliseQuotes(text: string): string {
  return text.includes('\u2019') ? text.replace(/\u2019/g, "'") : text;
}

/** Plans by compiled packs, then by region: both change rarely, and a new plan clears the caches. */
const plans = new WeakMap<CompiledPacks, Map<string, RulePlan>>();

/** A region code as the phone library wants it (`de` → `DE`); null when it is not two letters. */
function normaliseRegion(region: string | undefined): string | null {
  return region && /^[A-Za-z]{2}$/.test(region) ? region.toUpperCase() : null;
}

export function planRules(options?: CheckOptions): RulePlan {
  const packs = compilePacks(options?.packs);
  const region = normaliseRegion(options?.region);
  let byRegion = plans.get(packs);
  if (!byRegion) {
    byRegion = new Map();
    plans.set(packs, byRegion);
  }
  const cached = byRegion.get(region ?? '');
  if (cached) return cached;
  const active = rules.filter((r) => !packs.disabled.has(r.meta.id));
  const plan: RulePlan = {
    packs,
    config: { linkAllowlist: packs.linkAllowlist, knownFacts: packs.knownFacts, region },
    segmentFree: active.filter((r) => r.meta.scope === 'segment' && !r.meta.usesContext),
    segmentContextual: active.filter((r) => r.meta.scope === 'segment' && r.meta.usesContext),
    reply: active.filter((r) => r.meta.scope === 'reply'),
    active,
  };
  byRegion.set(region ?? '', plan);
  return plan;
}

const metaById = new Map(rules.map((r) => [r.meta.id, r.meta]));

/**
 * Whether a hit's rule reads the reply's language. Rules run whatever the language (their hits
 * are cached per sentence); hits of rules that cannot read it are dropped here. Admin pack
 * phrases are the admin's own words, in whatever language they wrote them.
 */
export function readsLanguage(hit: RawHit, language: string): boolean {
  const meta = metaById.get(hit.rule);
  return meta === undefined || ruleReads(meta, language);
}

function runRule(rule: Rule, input: RuleInput, out: RawHit[]): void {
  for (const hit of rule.check(input)) {
    if (hit.end <= hit.start || hit.start < 0 || hit.end > input.text.length) continue;
    const text = input.text.slice(hit.start, hit.end);
    const template = rule.meta.messages[hit.messageId] ?? hit.messageId;
    out.push({
      rule: rule.meta.id,
      category: rule.meta.category,
      severity: hit.severity ?? rule.meta.severity,
      start: hit.start,
      end: hit.end,
      message: formatMessage(template, hit.data ? Object.assign({ text }, hit.data) : { text }),
    });
  }
}

/** Segment rules over one segment: offsets relative to the segment. */
export function runSegment(
  text: string,
  ruleList: readonly Rule[],
  context: RuleContextInput,
  config: RuleConfig,
  packs: CompiledPacks | null,
): RawHit[] {
  const out: RawHit[] = [];
  const norm = normaliseQuotes(text);
  // Built field by field: object spread is lowered to a slow helper by some toolchains (tsx).
  const input: RuleInput = {
    text: norm,
    segments: [{ start: 0, end: norm.length, text: norm }],
    customer: context.customer,
    customerMessages: context.customerMessages,
    agent: context.agent,
    customerName: context.customerName,
    config,
  };
  for (const rule of ruleList) runRule(rule, input, out);
  if (packs) {
    // Only the matchers filed under a word of this segment can match it (see PhraseIndex).
    for (const m of packs.candidates(norm)) {
      m.regex.lastIndex = 0;
      for (const match of execAll(m.regex, norm)) {
        const start = match.index ?? 0;
        const data: Record<string, string> = { text: match[0] };
        if (m.replacement) data.replacement = m.replacement;
        out.push({
          rule: m.rule,
          category: m.category,
          severity: m.severity,
          start,
          end: start + match[0].length,
          message: formatMessage(m.message, data),
        });
      }
    }
  }
  return out;
}

/** Reply rules and required phrases: offsets relative to the reply. */
export function runReplyRules(
  reply: string,
  segments: readonly Segment[],
  plan: RulePlan,
  context: RuleContextInput,
): RawHit[] {
  const out: RawHit[] = [];
  const text = normaliseQuotes(reply.length > MAX_SCAN_CHARS ? reply.slice(0, MAX_SCAN_CHARS) : reply);
  const capped = segments.length > MAX_REPLY_SEGMENTS ? segments.slice(0, MAX_REPLY_SEGMENTS) : segments;
  const input: RuleInput = {
    customer: context.customer,
    customerMessages: context.customerMessages,
    agent: context.agent,
    customerName: context.customerName,
    text,
    segments: capped.map((s) => ({ start: s.start, end: s.end, text: normaliseQuotes(s.text) })),
    config: plan.config,
  };
  for (const rule of plan.reply) runRule(rule, input, out);
  if (plan.packs.required.length > 0 && segments.length > 0) {
    const last = segments[segments.length - 1] as Segment;
    // A required phrase none of whose words is in the reply is missing without running its pattern.
    const present = new Set(plan.packs.requiredCandidates(text));
    for (const m of plan.packs.required) {
      m.regex.lastIndex = 0;
      if (present.has(m) && m.regex.test(text)) continue;
      out.push({
        rule: m.rule,
        category: m.category,
        severity: m.severity,
        start: last.start,
        end: last.end,
        message: formatMessage(m.message, { text: last.text }),
      });
    }
  }
  return out;
}

/** Absolute offsets, severity overrides, span text and fingerprint. */
export function toFinding(reply: string, hit: RawHit, offset: number, plan: RulePlan): Finding {
  const start = hit.start + offset;
  const end = hit.end + offset;
  const text = reply.slice(start, end);
  hit.fingerprint ??= fingerprint(hit.rule, text);
  return {
    rule: hit.rule,
    category: hit.category,
    severity: plan.packs.severity.get(hit.rule) ?? hit.severity,
    start,
    end,
    text,
    message: hit.message,
    fingerprint: hit.fingerprint,
  };
}

/** Stable order: by position, then rule id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/**
 * Pack findings for disabled pack rules are dropped here (built-in ones never run), and so are
 * hits of rules that cannot read the reply's language.
 */
export function keep(plan: RulePlan, hit: RawHit, language = 'und'): boolean {
  return !plan.packs.disabled.has(hit.rule) && readsLanguage(hit, language);
}
