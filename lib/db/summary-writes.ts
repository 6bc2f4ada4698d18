import type { Transaction } from 'dexie';
import {
  type DayDurations,
  type DayDurationsTable,
  type DayTotals,
  type DayTotalsTable,
  totalsOfDay,
} from './day-totals';
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
 * The write paths' edits of the summary: its packed days (`summary`), their per-day totals
 * (`dayTotals`) and decision times (`dayDurations`), always written together inside the caller's
 * transaction, so the dashboard's first render (from the totals) and the rest of the page (from
 * the days) read the same log.
 */

/** The summary's three tables, as the database or a transaction's tables hold them. */
export interface SummaryTables {
  summary: SummaryTable;
  dayTotals: DayTotalsTable;
  dayDurations: DayDurationsTable;
}

/** A new `DayTotals.revision`: random, so two writers never stamp the same one by counting alike. */
const newRevision = (): number => Math.floor(Math.random() * 2 ** 52);

/** Writes days' packed chunks and their totals, each day with a new revision; @returns them, by day. */
async function putDays(tables: SummaryTables, days: readonly DayColumns[]): Promise<Map<number, number>> {
  const packed = days.map(packDay);
  const derived = packed.map(totalsOfDay);
  const totals = derived.map((d) => ({ ...d.totals, revision: newRevision() }));
  await Promise.all([
    tables.summary.bulkPut(packed),
    tables.dayTotals.bulkPut(totals),
    tables.dayDurations.bulkPut(derived.map((d) => d.durations)),
  ]);
  return new Map(totals.map((t) => [t.day, t.revision]));
}

/** Deletes days from the summary's three tables. */
function deleteDays(tables: SummaryTables, days: number[]): Promise<unknown> {
  return Promise.all([
    tables.summary.bulkDelete(days),
    tables.dayTotals.bulkDelete(days),
    tables.dayDurations.bulkDelete(days),
  ]);
}

/**
 * The day columns one writer's last transaction left, kept for its next one: an import writes a
 * day of a million-row log (11,000 rows) in three batches, and reading, unpacking and re-packing
 * the day's chunk at every batch was a third of the import's time. Each kept day is checked
 * against its totals' `revision` (a record of a few kilobytes) before it is used; a day anyone
 * else wrote since (the agent's own decisions, a reason given, the retention purge, an undo) is
 * read again. Only the days of the last committed write are kept.
 *
 * `summaryAdd` appends to the kept columns in place, so the caller says how its transaction
 * ended: `committed()` keeps what that write staged, `aborted()` forgets everything.
 */
export class DayCache {
  private kept = new Map<number, { columns: DayColumns; revision: number }>();
  private staged = new Map<number, { columns: DayColumns; revision: number }>();

  /** The kept days among `days`, with the revision each was written with. */
  lookup(days: readonly number[]): { day: number; columns: DayColumns; revision: number }[] {
    return days.flatMap((day) => {
      const k = this.kept.get(day);
      return k ? [{ day, ...k }] : [];
    });
  }

  /** What the running transaction wrote: kept once it commits. */
  stage(columns: DayColumns, revision: number): void {
    this.staged.set(columns.day, { columns, revision });
  }

  /** The transaction committed: its days replace the kept ones. */
  committed(): void {
    this.kept = this.staged;
    this.staged = new Map();
  }

  /** The transaction failed: kept columns may hold rows that were not stored. */
  aborted(): void {
    this.kept = new Map();
    this.staged = new Map();
  }
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
  const { fresh, written } = await addToSummary(tables, rows);
  await written;
  return fresh;
}

/** The days' stored columns: kept ones whose revision still holds (`DayCache`), the others read. */
async function storedColumns(
  tables: SummaryTables,
  days: readonly number[],
  cache: DayCache | undefined,
): Promise<Map<number, DayColumns>> {
  const base = new Map<number, DayColumns>();
  const kept = cache?.lookup(days) ?? [];
  const [totals, read] = await Promise.all([
    kept.length ? tables.dayTotals.bulkGet(kept.map((k) => k.day)) : [],
    tables.summary.bulkGet(days.filter((d) => !kept.some((k) => k.day === d))),
  ]);
  const stale = kept.filter((k, i) => totals[i]?.revision !== k.revision).map((k) => k.day);
  for (const k of kept) if (!stale.includes(k.day)) base.set(k.day, k.columns);
  const reread = stale.length ? await tables.summary.bulkGet(stale) : [];
  for (const c of [...read, ...reread]) if (c) base.set(c.day, unpackDay(c));
  return base;
}

/**
 * `summaryAdd` without waiting for its writes: `written` settles when the summary's puts have,
 * so the caller can send its own writes of the same transaction meanwhile (the import sends its
 * rows). With a `cache` (one writer's, see `DayCache`), days it kept are not read again.
 */
export async function addToSummary(
  tables: SummaryTables,
  rows: readonly OverrideRow[],
  cache?: DayCache,
): Promise<{ fresh: OverrideRow[]; written: Promise<unknown> }> {
  if (rows.length === 0) return { fresh: [], written: Promise.resolve() };
  const days = [...new Set(rows.map((r) => dayOf(r.decidedAt)))];
  const base = await storedColumns(tables, days, cache);
  // Look the day's ids up in the batch's, not the other way round: a live write of one row into
  // a day of thousands then builds a set of one.
  const wanted = new Set(rows.map((r) => r.id));
  const known = new Set<string>();
  for (const columns of base.values()) for (const id of columns.id) if (wanted.has(id)) known.add(id);
  const fresh: OverrideRow[] = [];
  for (const r of rows) {
    if (known.has(r.id)) continue;
    known.add(r.id);
    fresh.push(r);
  }
  if (fresh.length === 0) return { fresh, written: Promise.resolve() };
  const touched = new Set(fresh.map((r) => dayOf(r.decidedAt)));
  const changed = [...chunksOf(fresh, base).values()].filter((c) => touched.has(c.day));
  const written = putDays(tables, changed).then((revisions) => {
    for (const c of changed) cache?.stage(c, revisions.get(c.day) as number);
  });
  return { fresh, written };
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
  await Promise.all([kept.length ? putDays(tables, kept) : null, deleteDays(tables, emptied)]);
}

/**
 * Sets the reason and note of a stored row in its chunk (a reason given after the decision). No
 * total counts reasons, so the day's totals keep their figures; only their revision changes.
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
  // The totals stay, but a new revision tells a writer keeping this day's columns to read them again.
  await Promise.all([tables.summary.put(packDay(c)), tables.dayTotals.update(c.day, { revision: newRevision() })]);
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
    ...[tables.summary, tables.dayTotals, tables.dayDurations].flatMap((table) => [
      table.where('day').below(first).delete(),
      last === null ? null : table.where('day').above(last).delete(),
    ]),
  ]);
  for (const day of last === null || last === first ? [first] : [first, last]) {
    const stored = await tables.summary.get(day);
    if (!stored) continue;
    const c = unpackDay(stored);
    const keep = c.decidedAt.map((t, i) => (t >= cutoff && t <= latest ? i : -1)).filter((i) => i >= 0);
    dropped += c.id.length - keep.length;
    if (keep.length === c.id.length) continue;
    if (keep.length === 0) await deleteDays(tables, [day]);
    else await putDays(tables, [selectRows(c, keep)]);
  }
  return dropped;
}

/**
 * Schema upgrade of versions 5 and 10: derives every summary day's totals, with their decision
 * times in the same record (the format of those versions; version 11 moves them apart, see
 * `splitDurations`).
 */
export async function buildTotals(tx: Transaction): Promise<void> {
  const totals: (DayTotals & DayDurations)[] = [];
  await tx
    .table('summary')
    .toCollection()
    .each((c: DayChunk) => {
      const derived = totalsOfDay(c);
      totals.push({ ...derived.totals, ...derived.durations });
    });
  const table = tx.table('dayTotals');
  await table.clear();
  await table.bulkPut(totals);
}

/**
 * Schema upgrade of version 11: moves each day's decision times out of its totals into
 * `dayDurations`, so the dashboard's first render can read the totals of every day and the
 * times of the period's days only.
 */
export async function splitDurations(tx: Transaction): Promise<void> {
  const durations: DayDurations[] = [];
  await tx
    .table('dayTotals')
    .toCollection()
    .modify((t: DayTotals & Partial<DayDurations>) => {
      if (t.durations && t.durationEnds)
        durations.push({ day: t.day, durations: t.durations, durationEnds: t.durationEnds });
      delete t.durations;
      delete t.durationEnds;
    });
  await tx.table('dayDurations').bulkPut(durations);
}
