import type { ReplyGuardDb } from './database';
import type { OverrideRow } from './schema';

/**
 * Writes rows whose ids are not stored yet. Ids are made when the event is created, so a retry
 * after a lost acknowledgement (service worker stopped mid-write) changes nothing.
 * @returns how many rows were new
 */
export async function putOverrides(db: ReplyGuardDb, rows: readonly OverrideRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // One transaction so the existence check and the insert cannot interleave with another writer.
  return db.transaction('rw', db.overrides, async () => {
    const existing = await db.overrides.bulkGet(rows.map((r) => r.id));
    const seen = new Set<string>();
    const fresh = rows.filter((row, i) => {
      if (existing[i] || seen.has(row.id)) return false;
      seen.add(row.id);
      return true;
    });
    await db.overrides.bulkAdd(fresh);
    return fresh.length;
  });
}

/** Newest decisions first. */
export function recentOverrides(db: ReplyGuardDb, limit = 200): Promise<OverrideRow[]> {
  return db.overrides.orderBy('decidedAt').reverse().limit(limit).toArray();
}
