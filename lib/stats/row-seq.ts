import type { EventFilter } from './filter';
import type { StatsRow } from './stats-row';

/**
 * Rows in a fixed order, read one at a time. The statistics walk a log through this instead of an
 * array so the dashboard's worker can read a million rows straight from the packed summary days
 * (lib/db/day-seq.ts) without building a million row objects: `row(i)` may return the same object
 * refilled on every call, so a reader keeps what it needs from a row before asking for the next,
 * and remembers rows by index.
 */
export interface RowSeq {
  readonly length: number;
  /** Row `i` (0 ≤ i < length); valid until the next call. */
  row(i: number): StatsRow;
  /** Row `i` as an object of its own, to keep (the events table's page, the detail view). */
  keep(i: number): StatsRow;
  /**
   * Optional: a cheap test that rules rows out by a filter's helpdesk, agent, outcome and source
   * from what the sequence stores, before a row is filled. It may let through rows the filter
   * refuses (the filter's own matcher still decides), never the other way round.
   */
  narrow?(filter: Pick<EventFilter, 'helpdesk' | 'agent' | 'outcome' | 'source'>): ((i: number) => boolean) | null;
}

/** A sequence over rows held in an array. */
export function arraySeq(rows: readonly StatsRow[]): RowSeq {
  return { length: rows.length, row: (i) => rows[i] as StatsRow, keep: (i) => rows[i] as StatsRow };
}
