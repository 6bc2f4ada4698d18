import type { StatsRow } from '../stats/stats-row';
import type { ReplyGuardDb } from './database';
import type { OverrideRow } from './schema';
import { decodeChunks } from './summary';

/**
 * Every override row, oldest decision first. The dashboard aggregates in memory in one pass:
 * one read of the whole table is far cheaper than many indexed queries per filter, and time
 * order is what the trends, the drift monitors and the events table all want.
 *
 * Why the table and not `orderBy('decidedAt')`: reading through an index inside a live query
 * makes Dexie track every primary key it returned, and Chromium's index `getAll` is slower than
 * the store's; measured with 30,000 rows, the table read plus an in-memory sort by time was the
 * cheaper of the two by about a quarter.
 */
export async function allOverridesByTime(db: ReplyGuardDb): Promise<OverrideRow[]> {
  const rows = await db.overrides.toArray();
  return rows.sort((a, b) => a.decidedAt - b.decidedAt);
}

/**
 * What the dashboard aggregates, oldest decision first, from the per-day summary: a few hundred
 * flat records instead of every full row, so 100,000 rows read in a fraction of the time.
 */
export async function summaryRowsByTime(db: ReplyGuardDb): Promise<StatsRow[]> {
  return decodeChunks(await db.summary.toArray());
}

/** Row count, cheap: the dashboard's live "how many" without reading the rows. */
export function overrideCount(db: ReplyGuardDb): Promise<number> {
  return db.overrides.count();
}
