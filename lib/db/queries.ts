import type { ReplyGuardDb } from './database';
import type { OverrideRow } from './schema';

/**
 * Every override row, oldest decision first. The dashboard aggregates in memory in one pass:
 * one `getAll` over the `decidedAt` index is far cheaper than many indexed queries per filter,
 * and time order is what the trends, the drift monitors and the events table all want.
 */
export function allOverridesByTime(db: ReplyGuardDb): Promise<OverrideRow[]> {
  return db.overrides.orderBy('decidedAt').toArray();
}

/** Row count, cheap: the dashboard's live "how many" without reading the rows. */
export function overrideCount(db: ReplyGuardDb): Promise<number> {
  return db.overrides.count();
}
