import type { Severity } from '../types';

/**
 * The shape of an admin rule pack once validated. The zod schema in `./schema.ts` is the
 * source of truth for what a pack file may contain; these hand-written types mirror it so the
 * content script can apply packs without bundling zod (packs arrive validated from settings).
 * A type test in tests/unit/rules keeps the two in step.
 */

/** `off` disables the rule; the other values replace its default severity. */
export type SeverityOverride = Severity | 'off';

/** Texts a pack entry must flag and must pass; the validator runs them. */
export interface PackExamples {
  flag: string[];
  pass: string[];
}

interface PackEntryBase {
  /** Kebab-case id, unique in the pack; findings use `pack:<pack id>/<entry id>`. */
  id: string;
  /** Literal phrases (case-insensitive, whole words, any whitespace); never regular expressions. */
  phrases: string[];
  /** @default 'warning' */
  severity?: Severity;
  /** Why the rule exists, for the admin reading the pack later (Vale's `note`). */
  note?: string;
  /** Where the rule comes from (policy document, ticket, law). */
  source?: string;
  examples: PackExamples;
}

/** A phrase the reply must not contain. */
export interface BannedPhraseEntry extends PackEntryBase {
  kind: 'banned';
  /** Shown to the agent. */
  message: string;
  /** Banned phrases may count as compliance (legal wording) rather than custom. @default 'custom' */
  category?: 'custom' | 'compliance';
}

/** A phrase with a preferred replacement ("refund" → "store credit"). */
export interface SubstitutionEntry extends PackEntryBase {
  kind: 'substitution';
  replacement: string;
  /** Optional; a default message naming the replacement is used otherwise. */
  message?: string;
}

/** A phrase the reply must contain, such as a disclaimer (any one of `phrases` satisfies it). */
export interface RequiredPhraseEntry extends PackEntryBase {
  kind: 'required';
  message: string;
}

export type PhraseEntry = BannedPhraseEntry | SubstitutionEntry | RequiredPhraseEntry;

/** Competitor names an agent should not mention. */
export interface CompetitorEntry {
  id: string;
  names: string[];
  message?: string;
  /** @default 'warning' */
  severity?: Severity;
  note?: string;
  examples?: PackExamples;
}

/** A team's rule pack: data only, written by an admin without code. */
export interface RulePack {
  /** Kebab-case pack id. */
  id: string;
  name?: string;
  description?: string;
  phrases?: PhraseEntry[];
  competitors?: CompetitorEntry[];
  /** When set, links to other hosts are flagged (subdomains of a listed host are allowed). */
  linkAllowlist?: string[];
  /**
   * Facts the team stands behind, one short line each ("Pro plan: $29 a month", "Refunds take
   * 5-10 business days", "https://help.acme.example/returns"): the grounding rules treat the
   * numbers, amounts, dates, durations, contacts and links in them as supported, as if the
   * ticket had said them. At most 200 lines of at most 300 characters.
   */
  knownFacts?: string[];
  /** Per-rule severity overrides by rule id (built-in or `pack:...`). */
  severity?: Record<string, SeverityOverride>;
  /** Rule ids to switch off; same as a severity of `off`. */
  disabled?: string[];
}
