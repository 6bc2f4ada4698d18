import type { Transaction } from 'dexie';
import { type DayTotals, type DayTotalsTable, totalsOfDay } from './day-totals';
import { OVERRIDE_REASONS, type OverrideRow } from './schema';
import {
  chunksOf,
  type DayChunk,
  type DayColumns,
  dayOf,
  packDay,
  type SummaryTable,
  selectRows,
  unpackDay,
} from './summary';

/**
 * The write paths' edits of the summary: its packed days (`summary`) and their per-day totals
 * (`dayTotals`), always written together inside the caller's transaction, so the dashboard's
 * first render (from the totals) and the rest of the page (from the days) read the same log.
 */

/** The summary's two tables, as the database or a transaction's tables hold them. */
export interface SummaryTables {
  summary: SummaryTable;
  dayTotals: DayTotalsTable;
}

async function putDays(tables: SummaryTables, days: readonly DayColumns[]): Promise<void> {
  const packed = days.map(packDay);
  await Promise.all([tables.summary.bulkPut(packed), tables.dayTotals.bulkPut(packed.map(totalsOfDay))]);
}

/**
 * Adds to their day chunks the rows whose ids the summary does not hold yet, and returns them:
 * the rows the caller must now store. Call inside the write's transaction.
 *
 * The summary holds the id of every stored row, live (`overrides`) or imported (`imported`),
 * under the UTC day of its `decidedAt`. An event's `decidedAt` is set once, when the agent's
 * decision is confirmed, and never changes afterwards (exports carry it as is), so a row seen
 * again always falls in the same day: reading the few day chunks a batch touches, which this
 * write needs anyway, finds every duplicate without one IndexedDB read per row. Ids repeated
 * within `rows` count once (the first wins).
 */
export async function summaryAdd(tables: SummaryTables, rows: readonly OverrideRow[]): Promise<OverrideRow[]> {
  if (rows.length === 0) return [];
  const days = [...new Set(rows.map((r) => dayOf(r.decidedAt)))];
  const existing = await tables.summary.bulkGet(days);
  const base = new Map<number, DayColumns>();
  // Look the day's ids up in the batch's, not the other way round: a live write of one row into
  // a day of thousands then builds a set of one.
  const wanted = new Set(rows.map((r) => r.id));
  const known = new Set<string>();
  for (const c of existing) {
    if (!c) continue;
    const columns = unpackDay(c);
    base.set(c.day, columns);
    for (const id of columns.id) if (wanted.has(id)) known.add(id);
  }
  const fresh: OverrideRow[] = [];
  for (const r of rows) {
    if (known.has(r.id)) continue;
    known.add(r.id);
    fresh.push(r);
  }
  if (fresh.length) {
    const touched = new Set(fresh.map((r) => dayOf(r.decidedAt)));
    await putDays(
      tables,
      [...chunksOf(fresh, base).values()].filter((c) => touched.has(c.day)),
    );
  }
  return fresh;
}

/**
 * Drops the given rows from their day chunks (an import taking back a refused file's rows):
 * each day they fall in is re-packed without them, or deleted when none is left.
 */
export async function summaryRemove(
  tables: SummaryTables,
  rows: readonly Pick<OverrideRow, 'id' | 'decidedAt'>[],
): Promise<void> {
  const ids = new Set(rows.map((r) => r.id));
  const days = [...new Set(rows.map((r) => dayOf(r.decidedAt)))];
  const stored = await tables.summary.bulkGet(days);
  const kept: DayColumns[] = [];
  const emptied: number[] = [];
  for (const chunk of stored) {
    if (!chunk) continue;
    const c = unpackDay(chunk);
    const keep = c.id.flatMap((id, i) => (ids.has(id) ? [] : [i]));
    if (keep.length === c.id.length) continue;
    if (keep.length === 0) emptied.push(c.day);
    else kept.push(selectRows(c, keep));
  }
  await Promise.all([
    kept.length ? putDays(tables, kept) : null,
    tables.summary.bulkDelete(emptied),
    tables.dayTotals.bulkDelete(emptied),
  ]);
}

/**
 * Sets the reason and note of a stored row in its chunk (a reason given after the decision). No
 * total counts reasons, so the day's totals stay as they are.
 */
export async function summarySetReason(
  tables: SummaryTables,
  row: Pick<OverrideRow, 'id' | 'decidedAt'>,
  reason: OverrideRow['reason'],
  note: OverrideRow['note'],
): Promise<void> {
  const stored = await tables.summary.get(dayOf(row.decidedAt));
  if (!stored) return;
  const c = unpackDay(stored);
  const i = c.id.indexOf(row.id);
  if (i < 0) return;
  c.reason[i] = reason ? OVERRIDE_REASONS.indexOf(reason) : -1;
  c.note[i] = note;
  await tables.summary.put(packDay(c));
}

/**
 * Drops rows decided before `cutoff` or after `latest` from the summary, as retention drops them
 * from `overrides` and `imported`. @returns how many rows it dropped: every stored row is in the
 * summary, so this is how many rows the purge deleted, live and imported.
 */
export async function summaryPurge(
  tables: SummaryTables,
  cutoff: number,
  latest = Number.POSITIVE_INFINITY,
): Promise<number> {
  const first = dayOf(cutoff);
  const last = Number.isFinite(latest) ? dayOf(latest) : null;
  let dropped = 0;
  const count = (t: DayTotals) => {
    dropped += t.rows;
  };
  await tables.dayTotals.where('day').below(first).each(count);
  if (last !== null) await tables.dayTotals.where('day').above(last).each(count);
  await Promise.all([
    tables.summary.where('day').below(first).delete(),
    tables.dayTotals.where('day').below(first).delete(),
    last === null ? null : tables.summary.where('day').above(last).delete(),
    last === null ? null : tables.dayTotals.where('day').above(last).delete(),
  ]);
  for (const day of last === null || last === first ? [first] : [first, last]) {
    const stored = await tables.summary.get(day);
    if (!stored) continue;
    const c = unpackDay(stored);
    const keep = c.decidedAt.map((t, i) => (t >= cutoff && t <= latest ? i : -1)).filter((i) => i >= 0);
    dropped += c.id.length - keep.length;
    if (keep.length === c.id.length) continue;
    if (keep.length === 0) await Promise.all([tables.summary.delete(day), tables.dayTotals.delete(day)]);
    else await putDays(tables, [selectRows(c, keep)]);
  }
  return dropped;
}

/** Schema upgrade: derives every summary day's totals. */
export async function buildTotals(tx: Transaction): Promise<void> {
  const totals: DayTotals[] = [];
  await tx
    .table('summary')
    .toCollection()
    .each((c: DayChunk) => {
      totals.push(totalsOfDay(c));
    });
  const table = tx.table('dayTotals');
  await table.clear();
  await table.bulkPut(totals);
}
