import type { OverrideRow, ShownFinding } from '../db/schema';
import type { Sentiment } from '../engine/types';

/**
 * The part of an override row that the statistics read. The dashboard decodes it from the compact
 * per-day summary (lib/db/summary.ts) instead of reading full rows, whose texts and nested
 * objects make a 100,000-row read take seconds; a full `OverrideRow` is also a `StatsRow`.
 */
export type StatsRow = Pick<
  OverrideRow,
  | 'id'
  | 'decidedAt'
  | 'shownAt'
  | 'helpdesk'
  | 'agent'
  | 'outcome'
  | 'reason'
  | 'note'
  | 'similarity'
  | 'editSize'
  | 'source'
> & {
  findings: readonly Pick<ShownFinding, 'rule' | 'category' | 'severity' | 'dismissed'>[];
  customer: { sentiment: Sentiment; sarcasm: { likely: boolean } } | null;
};
