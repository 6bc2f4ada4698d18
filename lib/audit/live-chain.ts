import type { ReplyGuardDb } from '../db/database';
import type { OverrideRow } from '../db/schema';
import { rowDigest } from './canonical';
import { type ChainItem, checkpointStatement, type EntryKind, genesisLink, headStatement, nextLink } from './chain';
import { type InstallIdentity, sign } from './install-key';

/**
 * This install's own chain, in IndexedDB: one `chain` record per event the background wrote to
 * the live log, appended in the same transaction as the event, and signed right after it.
 */

/** One event of this install's chain. */
export interface ChainEntry extends ChainItem {
  /** 1, 2, …: the event's place in the chain. */
  seq: number;
  link: Uint8Array;
  /** When the background wrote it (epoch ms). */
  at: number;
  /** The install's signature of `headStatement(install, seq, link, at)`, when this event ended a write. */
  sig?: Uint8Array;
}

/**
 * What retention left behind: rows decided before `cutoff` were deleted at `at`, and the chain's
 * events up to `seq` (every one of them about such rows) with them. The chain goes on from `link`.
 */
export interface CheckpointRecord {
  /** Auto-incremented. */
  key?: number;
  seq: number;
  link: Uint8Array;
  cutoff: number;
  at: number;
  /** Rows the purge deleted, live and imported. */
  removed: number;
  /** The install's signature of `checkpointStatement(…)`; missing only until the background signs it. */
  sig?: Uint8Array;
}

/** What the write paths need to append to the chain: the install it belongs to. */
export interface ChainContext {
  install: Uint8Array;
  /** @default Date.now */
  now?: () => number;
}

/** The latest retention checkpoint, if any. */
export const latestCheckpoint = (db: ReplyGuardDb): Promise<CheckpointRecord | undefined> =>
  db.checkpoints.toCollection().last();

/** The chain's head: the last event's seq and link (or the checkpoint's, or the genesis). Call inside a transaction. */
async function head(db: ReplyGuardDb, install: Uint8Array): Promise<{ seq: number; link: Uint8Array }> {
  const last = await db.chain.toCollection().last();
  if (last) return { seq: last.seq, link: last.link };
  const cp = await latestCheckpoint(db);
  return cp ? { seq: cp.seq, link: cp.link } : { seq: 0, link: genesisLink(install) };
}

/** Events for rows as they are stored now. */
export const chainItems = (rows: readonly OverrideRow[], kind: EntryKind): ChainItem[] =>
  rows.map((row) => ({ kind, id: row.id, d: rowDigest(row), t: row.decidedAt }));

/**
 * Appends events to the chain. Call inside the write's transaction (with `chain` and
 * `checkpoints` in its scope), after the rows are written, so a row and its event are stored
 * together or not at all. Hashing is synchronous for the same reason.
 */
export async function appendToChain(
  db: ReplyGuardDb,
  items: readonly ChainItem[],
  context: ChainContext,
): Promise<ChainEntry[]> {
  if (items.length === 0) return [];
  let { seq, link } = await head(db, context.install);
  const at = (context.now ?? Date.now)();
  const entries = items.map((item) => {
    seq += 1;
    link = nextLink(link, item);
    return { ...item, seq, link, at };
  });
  await db.chain.bulkAdd(entries);
  return entries;
}

/** Signs the chain's head if it is not signed yet. */
async function signHead(db: ReplyGuardDb, identity: InstallIdentity): Promise<void> {
  const last = await db.chain.toCollection().last();
  if (last && !last.sig) {
    const sig = await sign(identity, headStatement(identity.idBytes, last.seq, last.link, last.at));
    await db.chain.update(last.seq, { sig });
  }
  const unsigned = await db.checkpoints.filter((c) => !c.sig).toArray();
  for (const c of unsigned) {
    const sig = await sign(identity, checkpointStatement(identity.idBytes, c.seq, c.link, c.cutoff, c.at));
    await db.checkpoints.update(c.key as number, { sig });
  }
}

/** Signs after writes; several writes in quick succession get one signature of the latest head. */
export interface ChainSigner {
  /** Resolves once the head as of this call (or a later one) is signed. */
  sign(): Promise<void>;
}

/**
 * The background's signer. Signing is WebCrypto, asynchronous, so it cannot run inside the
 * write's IndexedDB transaction: it runs right after, and a signature of a later head covers
 * every event before it, so writes that land while one signature is made share the next.
 */
export function createChainSigner(db: ReplyGuardDb, identity: () => Promise<InstallIdentity>): ChainSigner {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await signHead(db, await identity());
    } while (again);
  };
  return {
    sign() {
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

/**
 * After retention deleted the rows decided before `cutoff`: drops the chain's leading events
 * about such rows and records a checkpoint (signed by the background right after). Events about
 * deleted rows further on stay, so the chain still links; their decision time (hashed in the
 * link) says retention took them. Call inside the purge's transaction.
 */
export async function checkpointAfterPurge(
  db: ReplyGuardDb,
  cutoff: number,
  removed: number,
  context: ChainContext,
): Promise<CheckpointRecord | null> {
  if (removed === 0) return null;
  let through: ChainEntry | undefined;
  await db.chain
    .toCollection()
    .until((e) => e.t >= cutoff)
    .each((e) => {
      through = e;
    });
  const previous = await latestCheckpoint(db);
  const last = through as ChainEntry | undefined;
  if (last) await db.chain.where('seq').belowOrEqual(last.seq).delete();
  const start = last ?? previous ?? { seq: 0, link: genesisLink(context.install) };
  const record: CheckpointRecord = {
    seq: start.seq,
    link: start.link,
    cutoff,
    at: (context.now ?? Date.now)(),
    removed,
  };
  record.key = await db.checkpoints.add(record);
  return record;
}

/**
 * Chains the live rows written before the audit trail existed (an install upgraded to schema 8):
 * once, when the chain is still empty, every stored live row becomes a `row` event, oldest
 * decision first. The chain vouches for them from then on, not for their history before.
 * @returns how many rows were chained
 */
export async function adoptUnchainedRows(db: ReplyGuardDb, context: ChainContext): Promise<number> {
  return db.transaction('rw', [db.overrides, db.chain, db.checkpoints], async () => {
    if ((await db.chain.count()) > 0 || (await db.checkpoints.count()) > 0) return 0;
    const rows = await db.overrides.orderBy('decidedAt').toArray();
    await appendToChain(db, chainItems(rows, 'row'), context);
    return rows.length;
  });
}
