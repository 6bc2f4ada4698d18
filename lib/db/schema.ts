import type { Category, CustomerSignals, Severity } from '../engine/types';
import type { PrivacyMode } from '../settings/schema';

/**
 * The earliest time a row may carry (2000-01-01 UTC). ReplyGuard's rows are all much later; a
 * time before this is a bug or a forgery (epoch 0, seconds read as milliseconds).
 */
export const TIME_FLOOR_MS = Date.UTC(2000, 0, 1);

/**
 * How far past this machine's clock a time may be. Rows imported from a team member's machine
 * may run a little ahead of this clock, never days: a row "decided" in the year 287,396 kept
 * the dashboard from rendering and was never purged (issue 14).
 */
export const FUTURE_SLACK_MS = 86_400_000;

/** The latest time a row may carry now. */
export const latestTime = (now: number = Date.now()): number => now + FUTURE_SLACK_MS;

/** A whole millisecond time from `TIME_FLOOR_MS` to a day after `now`: what every time field of a row must be. */
export function isRowTime(t: unknown, now: number = Date.now()): t is number {
  return Number.isSafeInteger(t) && (t as number) >= TIME_FLOOR_MS && (t as number) <= latestTime(now);
}

/** What the agent did with an AI suggestion. */
export type Outcome = 'accepted' | 'edited' | 'rejected' | 'escalated';

export const OUTCOMES: readonly Outcome[] = ['accepted', 'edited', 'rejected', 'escalated'];

/** Why the agent overrode a suggestion; asked with one click. */
export type OverrideReason = 'wrong-facts' | 'tone' | 'policy' | 'privacy' | 'needs-human' | 'false-alarm' | 'other';

export const OVERRIDE_REASONS: readonly OverrideReason[] = [
  'wrong-facts',
  'tone',
  'policy',
  'privacy',
  'needs-human',
  'false-alarm',
  'other',
];

/** How the suggestion reached the agent (HELPDESKS.md, "How AI suggestions reach the agent"). */
export type SuggestionShape = 'draft-in-composer' | 'separate-editor' | 'side-panel' | 'in-place-rewrite';

/**
 * How the suggestion reached the composer: a known AI control of the helpdesk was used just
 * before (or a known AI card or panel showed it), the agent pasted or dropped it, or it was put
 * there by the page without being typed (an editor API, a framework setting the value, an AI
 * module ReplyGuard does not know), or by one of the helpdesk's macros / saved replies.
 */
export type SuggestionSource = 'ai-control' | 'paste' | 'insert' | 'macro';

export const SUGGESTION_SOURCES: readonly SuggestionSource[] = ['ai-control', 'paste', 'insert', 'macro'];

/** A finding as it was shown to the agent: enough to count it, never its text. */
export interface ShownFinding {
  rule: string;
  category: Category;
  severity: Severity;
  fingerprint: string;
  dismissed: boolean;
}

/** One row per AI suggestion decided by an agent (DESIGN.md, "Storage"). */
export interface OverrideRow {
  /** Random, made when the event is created: a repeated write of the same id is a no-op. */
  id: string;
  /** Epoch ms when the suggestion was first shown (`isRowTime`). */
  shownAt: number;
  /** Epoch ms when the outcome was confirmed (`isRowTime`). */
  decidedAt: number;
  helpdesk: string;
  /** SHA-256 of helpdesk + ticket id, hex: groups events by ticket without storing the id. */
  ticketHash: string;
  agent: string;
  outcome: Outcome;
  shape: SuggestionShape;
  /** How the suggestion reached the composer; rows from before schema version 6 are `ai-control`. */
  source: SuggestionSource;
  /** Words the suggestion brought into the composer; null for rows from before schema version 6. */
  suggestionWords: number | null;
  reason: OverrideReason | null;
  note: string | null;
  /** 1 = sent exactly as suggested, 0 = nothing in common. */
  similarity: number;
  /** Characters inserted plus deleted between suggestion and sent text (0 when not sent). */
  editSize: number;
  findings: ShownFinding[];
  /** The customer's signals at decision time (without cue texts, which quote the customer). */
  customer:
    | (Pick<CustomerSignals, 'sentiment'> & {
        sarcasm: { likely: boolean; score: number };
        escalation: { likely: boolean; kinds: CustomerSignals['escalation']['kinds'] };
      })
    | null;
  /** Which privacy mode the texts below were stored under. */
  privacy: PrivacyMode;
  suggestionText: string | null;
  sentText: string | null;
}

/**
 * Every field of an override row, in the export's column order. One list for the export columns
 * and the import's row check, so a new field cannot be added to one and forgotten in the other.
 */
export const OVERRIDE_ROW_FIELDS = [
  'id',
  'shownAt',
  'decidedAt',
  'helpdesk',
  'ticketHash',
  'agent',
  'outcome',
  'shape',
  'reason',
  'note',
  'similarity',
  'editSize',
  'findings',
  'customer',
  'privacy',
  'suggestionText',
  'sentText',
  // Export schema version 2: after the version-1 columns, so loaders that read by position still line up.
  'source',
  'suggestionWords',
] as const satisfies readonly (keyof OverrideRow)[];
