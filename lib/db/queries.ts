import type { IndexableType, Table } from 'dexie';
import type { StatsRow } from '../stats/stats-row';
import type { ReplyGuardDb } from './database';
import { type DayDurations, type DayTotals, durationsByDay } from './day-totals';
import { importedRowsById, rowsOf } from './imported';
import type { OverrideRow } from './schema';
import { type DayChunk, dayOf, decodeChunks } from './summary';

/**
 * Every override row, live and imported, oldest decision first. The dashboard aggregates in memory in one pass:
 * one read of the whole table is far cheaper than many indexed queries per filter, and time
 * order is what the trends, the drift monitors and the events table all want.
 *
 * Why the table and not `orderBy('decidedAt')`: reading through an index inside a live query
 * makes Dexie track every primary key it returned, and Chromium's index `getAll` is slower than
 * the store's; measured with 30,000 rows, the table read plus an in-memory sort by time was the
 * cheaper of the two by about a quarter.
 */
export async function allOverridesByTime(db: ReplyGuardDb): Promise<OverrideRow[]> {
  const [live, imported] = await db.transaction('r', db.overrides, db.imported, () =>
    Promise.all([db.overrides.toArray(), db.imported.toArray()]),
  );
  const rows = live.concat(imported.flatMap(rowsOf));
  return rows.sort((a, b) => a.decidedAt - b.decidedAt);
}

/** Which row to read: its id, and its `decidedAt` when the caller knows it (a summary row does). */
export interface RowRef {
  id: string;
  decidedAt?: number;
}

/**
 * Full rows by id, wherever they are stored, in the order asked (`undefined` for an id not
 * stored). Live rows are read by primary key; imported ones through their day, which the
 * caller's `decidedAt` gives, or else the summary (which lists every stored id by day).
 * One read-only transaction, so a purge or import running meanwhile is seen whole or not at all.
 */
export async function rowsById(db: ReplyGuardDb, refs: readonly RowRef[]): Promise<(OverrideRow | undefined)[]> {
  return db.transaction('r', db.overrides, db.imported, db.summary, async () => {
    const live = await db.overrides.bulkGet(refs.map((r) => r.id));
    const dayOfId = new Map<string, number | undefined>();
    refs.forEach((ref, i) => {
      if (!live[i]) dayOfId.set(ref.id, ref.decidedAt === undefined ? undefined : dayOf(ref.decidedAt));
    });
    if (dayOfId.size === 0) return live;
    const unplaced = new Set([...dayOfId].filter(([, day]) => day === undefined).map(([id]) => id));
    if (unplaced.size) {
      await db.summary.each((chunk) => {
        for (const id of chunk.ids.split('\n')) if (unplaced.has(id)) dayOfId.set(id, chunk.day);
      });
    }
    const days = [...new Set([...dayOfId.values()].filter((d): d is number => d !== undefined))];
    const found = await importedRowsById(db, days, new Set(dayOfId.keys()));
    return refs.map((ref, i) => live[i] ?? found.get(ref.id));
  });
}

/**
 * Every record of a table, in key order: its keys, then one `get` per key (Dexie's `bulkGet`).
 * Chromium's `getAll`, which `toArray` uses, is slower over records of a few kilobytes and more:
 * 3.0 to 3.2 times over 15 KB records, 1.15 to 1.3 times over packed days of 200 KB (two runs of
 * `npm run bench:idb`; see `readEach` in ./early-read.ts).
 */
export function everyRecord<T, K extends IndexableType, I>(table: Table<T, K, I>): Promise<T[]> {
  // One read transaction (the caller's, when it has one): no write lands between keys and values.
  return table.db.transaction('r', table, async () => {
    const keys = await table.toCollection().primaryKeys();
    return (await table.bulkGet(keys)).filter((r) => r !== undefined) as T[];
  });
}

/**
 * What the dashboard aggregates, oldest decision first, from the per-day summary: a few hundred
 * flat records instead of every full row, so 100,000 rows read in a fraction of the time.
 */
export async function summaryRowsByTime(db: ReplyGuardDb): Promise<StatsRow[]> {
  return decodeChunks(await everyRecord(db.summary));
}

/** The summary as the dashboard reads it. */
export interface SummaryDays {
  /** Every stored day's totals, oldest first: the headline figures and trends, the header, the filters' choices. */
  totals: DayTotals[];
  /**
   * Days' decision times, for the median: every day's, or (the dashboard's early read) the
   * default period's days only, until the live query's first read adds the others to this same
   * map. Times are written with their day's totals, so a read that finds the same totals (same
   * revisions) finds the same times: adding them in place changes no figure already shown.
   */
  durations: Map<number, DayDurations>;
  /** Packed days, oldest first: every stored day when `complete`, none before. */
  days: DayChunk[];
  /** True once `days` is read: filtered figures, rules, breakdowns, drift and events need it. */
  complete: boolean;
}

/**
 * What the dashboard's first render reads: every day's totals, about a tenth of the packed
 * days' bytes with nothing to decode (lib/db/day-totals.ts).
 */
export async function summaryTotals(db: ReplyGuardDb): Promise<SummaryDays> {
  const [totals, durations] = await db.transaction('r', db.dayTotals, db.dayDurations, () =>
    Promise.all([everyRecord(db.dayTotals), everyRecord(db.dayDurations)]),
  );
  return { totals, durations: durationsByDay(durations), days: [], complete: false };
}

/** Every stored summary day, packed (decode with `decodeChunks` when rows are needed), with its totals. */
export async function summaryDays(db: ReplyGuardDb): Promise<SummaryDays> {
  const [totals, durations, days] = await db.transaction('r', db.dayTotals, db.dayDurations, db.summary, () =>
    Promise.all([everyRecord(db.dayTotals), everyRecord(db.dayDurations), everyRecord(db.summary)]),
  );
  return { totals, durations: durationsByDay(durations), days, complete: true };
}

/** Row count, live and imported, without reading the rows (the summary holds every id). */
export async function overrideCount(db: ReplyGuardDb): Promise<number> {
  let n = 0;
  await db.dayTotals.each((t) => {
    n += t.rows;
  });
  return n;
}
