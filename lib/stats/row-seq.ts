import { lowerBound } from '../db/day-seq';
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
   * Optional: the indexes, increasing, of the rows that have the filter's helpdesk, agent, outcome
   * and source, from what the sequence stores, without filling a row; null when the filter names
   * none of them. A reader walks these instead of every row. It may hold rows the filter refuses
   * for its other fields (the filter's own matcher still decides), never leave one out.
   */
  candidates?(filter: NarrowingFilter): Uint32Array | null;
}

/** The fields of a filter a sequence can narrow by (`RowSeq.candidates`). */
export type NarrowingFilter = Pick<EventFilter, 'helpdesk' | 'agent' | 'outcome' | 'source'>;

/**
 * Calls `visit` with the indexes in `[from, to)` a reader must look at for `filter`: the
 * sequence's candidates there when it has them, else every index.
 */
export function forEachCandidate(
  seq: RowSeq,
  filter: NarrowingFilter,
  from: number,
  to: number,
  visit: (i: number) => void,
): void {
  const list = seq.candidates?.(filter) ?? null;
  if (!list) {
    for (let i = from; i < to; i++) visit(i);
    return;
  }
  const end = lowerBound(list, to);
  for (let k = lowerBound(list, from); k < end; k++) visit(list[k] as number);
}

/** A sequence over rows held in an array. */
export function arraySeq(rows: readonly StatsRow[]): RowSeq {
  return { length: rows.length, row: (i) => rows[i] as StatsRow, keep: (i) => rows[i] as StatsRow };
}
