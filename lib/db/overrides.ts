import { Dexie } from 'dexie';
import { appendToChain, type ChainContext, chainItems, checkpointAfterPurge } from '../audit/live-chain';
import type { LogEvent } from '../overrides/events';
import type { ReplyGuardDb } from './database';
import { purgeImported } from './imported';
import type { OverrideRow } from './schema';
import { summaryAdd, summaryPurge, summarySetReason } from './summary-writes';

/**
 * Writes rows whose ids are not stored yet. Ids are made when the event is created, so a retry
 * after a lost acknowledgement (service worker stopped mid-write) changes nothing.
 *
 * Adds in bulk and counts the id clashes instead of reading first. A row already stored as an
 * imported row (the summary holds its id) is taken back out again: each id is stored once.
 * Any failure other than an existing id aborts the write.
 *
 * With a chain context (the background always passes one), every new row is appended to the
 * install's audit chain in the same transaction (lib/audit/live-chain.ts).
 * @returns how many rows were new
 */
export async function putOverrides(
  db: ReplyGuardDb,
  rows: readonly OverrideRow[],
  chain?: ChainContext,
): Promise<number> {
  if (rows.length === 0) return 0;
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  return db.transaction(
    'rw',
    [db.overrides, db.summary, db.dayTotals, db.dayDurations, db.chain, db.checkpoints],
    async () => {
      let added: OverrideRow[] = unique;
      try {
        await db.overrides.bulkAdd(unique);
      } catch (error) {
        if (!(error instanceof Dexie.BulkError)) throw error;
        const other = error.failures.find((f) => f.name !== 'ConstraintError');
        if (other) throw other;
        // Only the rows stored now join the summary: a clash is a row it already holds.
        added = unique.filter((_, i) => !(i in error.failuresByPos));
      }
      const fresh = await summaryAdd(db, added);
      if (fresh.length < added.length) {
        const kept = new Set(fresh.map((r) => r.id));
        await db.overrides.bulkDelete(added.filter((r) => !kept.has(r.id)).map((r) => r.id));
      }
      if (chain) await appendToChain(db, chainItems(fresh, 'row'), chain);
      return fresh.length;
    },
  );
}

/** The agent's own (live) decisions, newest first. */
export function recentOverrides(db: ReplyGuardDb, limit = 200): Promise<OverrideRow[]> {
  return db.overrides.orderBy('decidedAt').reverse().limit(limit).toArray();
}

/** How `applyEvents` treats what it writes. */
export interface ApplyOptions {
  /** The install's audit chain: new rows and later reasons become chain events. @default no chain */
  chain?: ChainContext;
  /** The note a reason event stores for its row (the background masks it as the privacy mode says). @default as given */
  note?(row: OverrideRow, note: string | null): string | null;
}

/**
 * Applies the content script's events in one transaction: new rows first (idempotent by id),
 * then reasons given after the decision. A reason for a row that is gone (purged) is dropped
 * rather than blocking the queue forever. Reasons are looked up in `overrides` only: a reason
 * follows its row from the same content script, which stored that row there. The events must be
 * checked already (lib/background/check-events.ts).
 * @returns how many events changed something
 */
export async function applyEvents(
  db: ReplyGuardDb,
  events: readonly LogEvent[],
  options: ApplyOptions = {},
): Promise<number> {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const rows = ordered.flatMap((e) => (e.kind === 'override' ? [e.row] : []));
  const { chain } = options;
  return db.transaction(
    'rw',
    [db.overrides, db.summary, db.dayTotals, db.dayDurations, db.chain, db.checkpoints],
    async () => {
      let changed = await putOverrides(db, rows, chain);
      for (const e of ordered) {
        if (e.kind !== 'reason') continue;
        const row = await db.overrides.get(e.overrideId);
        if (!row) continue;
        const note = options.note ? options.note(row, e.note) : e.note;
        const updated = await db.overrides.update(e.overrideId, { reason: e.reason, note });
        changed += updated;
        await summarySetReason(db, row, e.reason, note);
        if (updated && chain)
          await appendToChain(db, chainItems([{ ...row, reason: e.reason, note }], 'reason'), chain);
      }
      return changed;
    },
  );
}

/**
 * Deletes rows decided before `cutoff` (epoch ms), live and imported, and their summary entries;
 * with `latest`, rows decided after it too (times no check lets in now, stored before it did).
 * With a chain context, leaves a retention checkpoint in the same transaction (the background
 * signs it right after), so the rest of the chain still verifies and the gap is explained.
 * @returns how many rows were deleted
 */
export function purgeOlderThan(
  db: ReplyGuardDb,
  cutoff: number,
  latest = Number.POSITIVE_INFINITY,
  chain?: ChainContext,
): Promise<number> {
  const tables = [db.overrides, db.imported, db.summary, db.dayTotals, db.dayDurations, db.chain, db.checkpoints];
  return db.transaction('rw', tables, async () => {
    await db.overrides.where('decidedAt').below(cutoff).delete();
    if (Number.isFinite(latest)) await db.overrides.where('decidedAt').above(latest).delete();
    await purgeImported(db, cutoff, latest);
    const removed = await summaryPurge(db, cutoff, latest);
    if (chain) await checkpointAfterPurge(db, cutoff, removed, chain);
    return removed;
  });
}
