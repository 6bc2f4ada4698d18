import type { ReplyGuardDb } from './database';
import type { OverrideRow } from './schema';
import { dayOf } from './summary';
import { addToSummary, type DayCache, summaryRemove } from './summary-writes';

/**
 * Imported rows, many to a record. IndexedDB pays a fixed cost per record written (about
 * 0.23 ms in Chromium: 100,000 one-row records take 23 s in one transaction, the same rows as
 * 200 records 0.6 s), so a team history imported from files is stored in day-sized groups
 * instead of one record per row. The agent's own live rows stay one record each in `overrides`,
 * where the outbox's idempotent writes rely on the primary key.
 */
export interface ImportedRecord {
  /** Auto-incremented: a record is only ever found through its day. */
  key: number;
  /** UTC day of every row in the record (`dayOf(decidedAt)`), so retention drops whole records. */
  day: number;
  /**
   * The rows as one JSON array text (read with `rowsOf`). IndexedDB clones a string as one block
   * of bytes but walks 250 nested row objects field by field: writing 100,000 rows in 250-row
   * records took 0.65 to 0.78 s as JSON text against 1.06 to 1.57 s as objects (Chromium 156,
   * the same rows, runs interleaved), and the page has far less garbage to collect afterwards.
   * Only the detail view, export and retention ever read these rows back.
   */
  rows: string;
}

/** The rows of one imported record. */
export const rowsOf = (record: Pick<ImportedRecord, 'rows'>): OverrideRow[] => JSON.parse(record.rows) as OverrideRow[];

/**
 * Most rows in one record. One import batch writes one record per UTC day it touches, split at
 * this size, so a day of a 100,000-row team history (about 830 rows) takes four. Measured in
 * Chromium 156 writing 100,000 rows (about 850 bytes each) in one transaction: 100 or 250 rows
 * per record took 0.41 to 0.46 s, 500 rows 0.69 to 0.96 s, 1,000 rows 0.77 to 1.04 s.
 * @default 250
 */
export const IMPORTED_RECORD_ROWS = 250;

/** What one import batch did. */
export interface ImportResult {
  imported: number;
  /** Rows whose id was stored already (live or imported) or repeated within the batch. */
  skipped: number;
  /** The keys of the records it added: `undoImported` takes them back. */
  written: number[];
}

/**
 * The records of `fresh` rows: one group per UTC day, split at `recordRows`, each row's JSON text
 * as its file spelled it where the caller has it (`lines[i]` is `rows[i]`'s), serialised otherwise.
 */
function recordsOf(
  fresh: readonly OverrideRow[],
  rows: readonly OverrideRow[],
  lines: readonly (string | undefined)[] | undefined,
  recordRows: number,
): ImportedRecord[] {
  // Stored as it is instead of serialising the parsed row again (a million rows: seconds).
  const text = new Map<OverrideRow, string>();
  if (lines) for (const [i, r] of rows.entries()) if (lines[i] !== undefined) text.set(r, lines[i] as string);
  const byDay = new Map<number, OverrideRow[]>();
  for (const r of fresh) {
    const day = dayOf(r.decidedAt);
    const list = byDay.get(day);
    if (list) list.push(r);
    else byDay.set(day, [r]);
  }
  const records: Omit<ImportedRecord, 'key'>[] = [];
  for (const [day, list] of byDay) {
    for (let i = 0; i < list.length; i += recordRows) {
      const part = list.slice(i, i + recordRows);
      records.push({
        day,
        rows: text.size ? `[${part.map((r) => text.get(r) ?? JSON.stringify(r)).join(',')}]` : JSON.stringify(part),
      });
    }
  }
  return records as ImportedRecord[];
}

/**
 * Stores imported rows whose ids are not stored yet (live or imported), and adds them to the
 * summary, in one transaction: a page closed or a browser stopped mid-batch leaves none of the
 * batch behind, and importing the same files again stores exactly what is missing.
 *
 * The rows must be checked already: the dashboard passes the rows `parseExportFile` or the import
 * worker accepted (every field against the export schema) or the demo history it generated itself.
 * `lines`, when given, are the rows' JSON texts from their file (`lines[i]` is `rows[i]`; undefined
 * where the row was upgraded from an older export version and its text no longer says the same).
 * `cache`: the summary days this caller's previous batch wrote (an import's, see `DayCache`).
 */
export async function putImported(
  db: ReplyGuardDb,
  rows: readonly OverrideRow[],
  recordRows = IMPORTED_RECORD_ROWS,
  lines?: readonly (string | undefined)[],
  cache?: DayCache,
): Promise<ImportResult> {
  if (rows.length === 0) return { imported: 0, skipped: 0, written: [] };
  const total = rows.length;
  // The batch is let go as soon as its records are sent (`take`): an import parses the next day
  // of a file while this one is written, and holding both days' rows, texts and records until the
  // commit took the extension's memory from about 400 to over 800 MiB at a million rows.
  let batch: { rows: readonly OverrideRow[]; lines?: readonly (string | undefined)[] } | null = { rows, lines };
  const take = () => {
    const taken = batch as NonNullable<typeof batch>;
    batch = null;
    return taken;
  };
  const write = db.transaction('rw', db.imported, db.summary, db.dayTotals, db.dayDurations, async () => {
    const input = take();
    // The summary holds every stored id by day: it decides what is new (see summaryAdd). Its
    // writes go out while the rows' records are built and sent: one wait instead of two.
    const { fresh, written: summaryWritten } = await addToSummary(db, input.rows, cache);
    const adding = db.imported.bulkAdd(recordsOf(fresh, input.rows, input.lines, recordRows), { allKeys: true });
    const imported = fresh.length;
    const [written] = await Promise.all([adding, summaryWritten]);
    return { imported, skipped: total - imported, written };
  });
  if (!cache) return write;
  try {
    const result = await write;
    cache.committed();
    return result;
  } catch (error) {
    cache.aborted();
    throw error;
  }
}

/**
 * Takes back what `putImported` calls stored (`written`: the record keys they returned): the
 * records, and their rows' ids from the summary. The import calls it for a file refused after
 * some of its rows were written; a few hundred records per transaction.
 */
export async function undoImported(db: ReplyGuardDb, written: readonly (readonly number[])[]): Promise<void> {
  const keys = written.flat();
  for (let i = 0; i < keys.length; i += 200) {
    const part = keys.slice(i, i + 200);
    await db.transaction('rw', db.imported, db.summary, db.dayTotals, db.dayDurations, async () => {
      const records = await db.imported.bulkGet(part);
      await summaryRemove(
        db,
        records.flatMap((r) => (r ? rowsOf(r) : [])),
      );
      await db.imported.bulkDelete(part);
    });
  }
}

/** Every imported row of the given UTC days. */
export async function importedRowsOfDays(db: ReplyGuardDb, days: readonly number[]): Promise<OverrideRow[]> {
  if (days.length === 0) return [];
  const records = await db.imported.where('day').anyOf(days).toArray();
  return records.flatMap(rowsOf);
}

/** Most ids looked for in records' texts before parsing them (see `importedRowsById`). */
const SEARCHED_IDS = 8;

/**
 * The imported rows with the given ids among the given UTC days' records. A day of a million-row
 * log is about 35 records, 7 MB of JSON: parsing them all to show one row (the detail view, the
 * review card) took a tenth of a second and left as much garbage. A record is parsed only when
 * its text holds an id as JSON spells it; a record whose text spells an id another way (escapes a
 * file chose) is still found, by parsing the rest once some id is not found that way. For more
 * than a few ids (an export's batch) every record is parsed: searching each text for each id
 * would cost more than the parse.
 */
export async function importedRowsById(
  db: ReplyGuardDb,
  days: readonly number[],
  ids: ReadonlySet<string>,
): Promise<Map<string, OverrideRow>> {
  const found = new Map<string, OverrideRow>();
  if (days.length === 0 || ids.size === 0) return found;
  const records = await db.imported.where('day').anyOf(days).toArray();
  const quoted = ids.size <= SEARCHED_IDS ? [...ids].map((id) => JSON.stringify(id)) : null;
  const take = (record: ImportedRecord) => {
    for (const r of rowsOf(record)) if (ids.has(r.id) && !found.has(r.id)) found.set(r.id, r);
  };
  const rest: ImportedRecord[] = [];
  for (const record of records) {
    if (!quoted || quoted.some((q) => record.rows.includes(q))) take(record);
    else rest.push(record);
  }
  if (found.size < ids.size) for (const record of rest) take(record);
  return found;
}

/**
 * Deletes imported rows decided before `cutoff` or after `latest`: whole records of the days
 * outside, and the rows outside on the two boundary days. Call inside the purge's transaction.
 */
export async function purgeImported(
  db: ReplyGuardDb,
  cutoff: number,
  latest = Number.POSITIVE_INFINITY,
): Promise<void> {
  const first = dayOf(cutoff);
  await db.imported.where('day').below(first).delete();
  const boundaries = [first];
  if (Number.isFinite(latest)) {
    const last = dayOf(latest);
    await db.imported.where('day').above(last).delete();
    if (last !== first) boundaries.push(last);
  }
  const records = await db.imported.where('day').anyOf(boundaries).toArray();
  for (const record of records) {
    const rows = rowsOf(record);
    const keep = rows.filter((r) => r.decidedAt >= cutoff && r.decidedAt <= latest);
    if (keep.length === rows.length) continue;
    if (keep.length === 0) await db.imported.delete(record.key);
    else await db.imported.put({ ...record, rows: JSON.stringify(keep) });
  }
}
