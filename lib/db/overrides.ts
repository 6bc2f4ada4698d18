import type { LogEvent } from '../overrides/events';
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

/**
 * Applies the content script's events in one transaction: new rows first (idempotent by id),
 * then reasons given after the decision. A reason for a row that is gone (purged) is dropped
 * rather than blocking the queue forever.
 * @returns how many events changed something
 */
export async function applyEvents(db: ReplyGuardDb, events: readonly LogEvent[]): Promise<number> {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const rows = ordered.flatMap((e) => (e.kind === 'override' ? [e.row] : []));
  return db.transaction('rw', db.overrides, async () => {
    let changed = await putOverrides(db, rows);
    for (const e of ordered) {
      if (e.kind !== 'reason') continue;
      changed += await db.overrides.update(e.overrideId, { reason: e.reason, note: e.note });
    }
    return changed;
  });
}

/** Deletes rows decided before `cutoff` (epoch ms). @returns how many were deleted */
export function purgeOlderThan(db: ReplyGuardDb, cutoff: number): Promise<number> {
  return db.overrides.where('decidedAt').below(cutoff).delete();
}
