import type { Outcome, OverrideReason, SuggestionSource } from '../db/schema';
import type { Category } from '../engine/types';
import type { StatsRow } from './stats-row';

/** The dashboard's filters. Absent fields mean "any"; the period is half-open, `[start, end)`. */
export interface EventFilter {
  start?: number;
  end?: number;
  helpdesk?: string;
  agent?: string;
  /** Keeps suggestions that showed at least one finding of this category. */
  category?: Category;
  outcome?: Outcome;
  reason?: OverrideReason;
  /** How the suggestion reached the composer. */
  source?: SuggestionSource;
}

/**
 * Builds one predicate for a filter so a 100,000-row pass does not re-read the filter object for
 * every row. `ignorePeriod` is for drift, whose baseline has to reach back before the period.
 */
export function rowMatcher(filter: EventFilter, ignorePeriod = false): (row: StatsRow) => boolean {
  const { helpdesk, agent, category, outcome, reason, source } = filter;
  const start = ignorePeriod ? undefined : filter.start;
  const end = ignorePeriod ? undefined : filter.end;
  return (row) =>
    (start === undefined || row.decidedAt >= start) &&
    (end === undefined || row.decidedAt < end) &&
    (helpdesk === undefined || row.helpdesk === helpdesk) &&
    (agent === undefined || row.agent === agent) &&
    (outcome === undefined || row.outcome === outcome) &&
    (reason === undefined || row.reason === reason) &&
    (source === undefined || row.source === source) &&
    (category === undefined || row.findings.some((f) => f.category === category));
}

/** True when the agent did not send the suggestion exactly as it was. */
export function isOverride(row: StatsRow): boolean {
  return row.outcome !== 'accepted';
}
