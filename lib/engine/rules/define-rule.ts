import type { RulePack } from '../packs/types';
import type { Category, CustomerSignals, EscalationKind, SentimentLabel, Severity } from '../types';

/**
 * The rule module contract, after ESLint's `createRule`: metadata an admin can read
 * (id, category, severity, description, messages by id, examples) plus a pure check.
 */

/** Admin settings compiled from rule packs that built-in rules may read. */
export interface RuleConfig {
  /** Hosts allowed in links; `null` when no pack sets an allowlist (then nothing is flagged). */
  linkAllowlist: readonly string[] | null;
  /**
   * Facts an admin lists in packs (plans, prices, policy numbers, help-centre URLs): specifics
   * the grounding rules accept as supported even when the conversation does not mention them.
   */
  knownFacts: readonly string[];
  /**
   * The region (ISO 3166-1 alpha-2) whose national phone formats apply to numbers written without
   * a country code, from the helpdesk's locale (`CheckOptions.region`); `null` when unknown.
   */
  region: string | null;
}

/** A span a rule reports, with offsets relative to `RuleInput.text`. */
export interface RuleHit<M extends string> {
  start: number;
  end: number;
  messageId: M;
  /** Values for `{{name}}` slots in the message. */
  data?: Readonly<Record<string, string>>;
  /** A severity other than the rule's default for this hit (for example a toll-free number). */
  severity?: Severity;
}

/** A sentence-like slice of the reply. */
export interface Segment {
  start: number;
  end: number;
  text: string;
}

/** What a check reads. Segment rules get one segment as `text`; reply rules get the whole reply. */
export interface RuleInput {
  text: string;
  /** Segments of `text` (a single one for segment rules). */
  segments: readonly Segment[];
  customer: CustomerSignals | null;
  customerMessages: readonly string[];
  agent: readonly string[];
  /** The customer's name when the helpdesk shows it; `null` otherwise (rules then read the thread). */
  customerName: string | null;
  config: RuleConfig;
}

/**
 * `segment`: the check sees one sentence at a time and its hits are cached per sentence text,
 * so typing re-runs it only on the edited sentence. `reply`: the check needs the whole reply
 * (an absence, or two sentences that contradict each other); it re-runs on every edit, so it
 * must stay linear and cheap.
 */
export type RuleScope = 'segment' | 'reply';

/** Customer context for an example, short enough to read beside the rule. */
export interface ExampleCustomer {
  sentiment?: SentimentLabel;
  /** @default -0.6 for negative, 0.6 for positive, 0 for neutral */
  score?: number;
  sarcastic?: boolean;
  escalation?: EscalationKind[];
  /** The customer's language as detected (ISO 639-1, or `und`). @default 'en' when messages are given */
  language?: string;
}

/** A reply the rule must flag or pass, with the context that makes it so. */
export interface RuleExample {
  text: string;
  /** Explicit signals, so examples do not depend on the signals engine's accuracy. */
  customer?: ExampleCustomer;
  customerMessages?: string[];
  /** Earlier agent replies, oldest first. */
  agent?: string[];
  /** The customer's name as the helpdesk shows it. */
  customerName?: string;
  packs?: RulePack[];
}

export interface RuleMeta<M extends string> {
  /** Equals the file name. */
  id: string;
  category: Category;
  severity: Severity;
  /** For the admin: what it catches and why the default severity. At least 40 characters. */
  description: string;
  scope: RuleScope;
  /** True when the check reads the customer, the earlier replies or the config (cache key). */
  usesContext: boolean;
  /**
   * The reply languages the check can read (ISO 639-1), or `any` when it reads no words (numbers,
   * links, placeholders). On a reply in another language the rule stays silent rather than
   * guess, and the panel says it did not run. Most checks match English phrases, hence the
   * default. @default ['en']
   */
  languages?: readonly string[] | 'any';
  messages: Readonly<Record<M, string>>;
  examples: { flag: RuleExample[]; pass: RuleExample[] };
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(input: RuleInput): RuleHit<M>[];
}

/** Whether a rule reads replies written in `language` (`und`: not known, so every rule runs). */
export function ruleReads(meta: Pick<RuleMeta<string>, 'languages'>, language: string): boolean {
  if (language === 'und') return true;
  const languages = meta.languages ?? ['en'];
  return languages === 'any' || languages.includes(language);
}

/** Typing helper: a message id the rule does not declare is a type error. */
export function defineRule<const M extends string>(rule: {
  meta: RuleMeta<M>;
  check(input: RuleInput): RuleHit<NoInfer<M>>[];
}): Rule<M> {
  return rule;
}

/** Fills `{{name}}` slots; unknown slots stay visible so a gap is noticed, never thrown. */
export function formatMessage(template: string, data?: Readonly<Record<string, string>>): string {
  if (!data) return template;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => data[key] ?? whole);
}

/** Full signals from an example's shorthand. */
export function exampleSignals(example: RuleExample): CustomerSignals | null {
  const c = example.customer;
  if (!c) return example.customerMessages?.length ? neutralSignals() : null;
  const label = c.sentiment ?? 'neutral';
  const score = c.score ?? (label === 'negative' ? -0.6 : label === 'positive' ? 0.6 : 0);
  const kinds = c.escalation ?? [];
  return {
    language: c.language ?? 'en',
    sentiment: { label, score },
    sarcasm: { likely: c.sarcastic === true, score: c.sarcastic ? 0.8 : 0, cues: [] },
    escalation: { likely: kinds.length > 0, kinds, cues: [] },
  };
}

function neutralSignals(): CustomerSignals {
  return {
    sentiment: { label: 'neutral', score: 0 },
    sarcasm: { likely: false, score: 0, cues: [] },
    escalation: { likely: false, kinds: [], cues: [] },
  };
}
