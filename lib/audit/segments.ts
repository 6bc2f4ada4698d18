import { sha256 } from '@noble/hashes/sha2.js';
import type { ReplyGuardDb } from '../db/database';
import type { CheckpointInfo, EventBlock, SignedPoint } from './blocks';
import { concat, u64, utf8 } from './bytes';
import { type InstallIdentity, type InstallVerifier, type PublicJwk, sign } from './install-key';

/**
 * Other installs' chain events, kept with the rows imported from their exports: a lead's log is
 * many agents' rows, and each imported row keeps its origin install's chain, so the lead's
 * dashboard (and any export the lead makes of the merged log) can still verify it against the
 * agent's signature. One record per imported file and install, packed like `imported`.
 */
export interface SegmentRecord {
  /** Auto-incremented. */
  key?: number;
  install: string;
  /** The file it came from. */
  source: string;
  importedAt: number;
  prevSeq: number;
  prev: Uint8Array;
  seqs: Float64Array;
  kinds: Uint8Array;
  /** Row ids, `\n`-joined. */
  ids: string;
  digests: Uint8Array;
  times: Float64Array;
  /** What the file said of each event's row: 0 in the file, or `WHERE.filtered`, `.retention`, `.missing`. */
  where: Int8Array;
  signed: SignedPoint[];
  /** Ids of rows whose texts this browser masked on import (its privacy mode), `\n`-joined. */
  masked: string;
  /** The importing install's signature of the record (`segmentStatement`), so a change in this database shows. */
  by: string;
  sig: Uint8Array | null;
}

/** An install whose export was imported: its key, labels and retention checkpoints. */
export interface InstallRecord {
  id: string;
  publicKey: PublicJwk;
  agents: string[];
  checkpoints: Omit<CheckpointInfo, 'install'>[];
  firstSeen: number;
  lastSeen: number;
}

const bytesOf = (a: Float64Array | Int8Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** What the importing install signs for a record: every field, hashed. */
export function segmentStatement(r: Omit<SegmentRecord, 'key' | 'sig'>, importer: Uint8Array): Uint8Array {
  const h = sha256.create();
  for (const part of [
    utf8(`${r.install}\n${r.source}\n${r.by}\n`),
    u64(r.importedAt),
    u64(r.prevSeq),
    r.prev,
    bytesOf(r.seqs),
    r.kinds,
    utf8(r.ids),
    r.digests,
    bytesOf(r.times),
    bytesOf(r.where),
    utf8(r.masked),
    ...r.signed.flatMap((p) => [u64(p.seq), p.link, u64(p.at), p.sig]),
  ]) {
    h.update(part);
  }
  return concat(utf8('replyguard/segment/v1\n'), importer, h.digest());
}

/** A block of events as a record, signed by the importing install. */
export async function segmentRecord(
  block: EventBlock,
  masked: readonly string[],
  importer: InstallIdentity,
  now = Date.now(),
): Promise<SegmentRecord> {
  const record: Omit<SegmentRecord, 'key' | 'sig'> = {
    install: block.install,
    source: block.source,
    importedAt: now,
    prevSeq: block.prevSeq,
    prev: block.prev,
    seqs: block.seqs,
    kinds: block.kinds,
    ids: block.ids.join('\n'),
    digests: block.digests,
    times: block.times,
    where: Int8Array.from(block.where, (w) => Math.min(w, 0)),
    signed: block.signed,
    masked: masked.join('\n'),
    by: importer.id,
  };
  return { ...record, sig: await sign(importer, segmentStatement(record, importer.idBytes)) };
}

/** A record back as a block (for verification and re-export): rows the file held are expected in the log. */
export function segmentBlock(r: SegmentRecord, inLog: number): EventBlock {
  return {
    install: r.install,
    source: r.source,
    prevSeq: r.prevSeq,
    prev: r.prev,
    seqs: r.seqs,
    kinds: r.kinds,
    ids: r.ids === '' ? [] : r.ids.split('\n'),
    digests: r.digests,
    times: r.times,
    where: Int32Array.from(r.where, (w) => (w === 0 ? inLog : w)),
    links: null,
    signed: r.signed,
  };
}

/** Whether a stored record is as its importer signed it. */
export async function segmentIntact(r: SegmentRecord, importer: InstallVerifier): Promise<boolean> {
  if (!r.sig || r.by !== importer.id) return false;
  const { key: _key, sig, ...rest } = r;
  return importer.verify(segmentStatement(rest, importer.idBytes), sig);
}

/** Remembers an install's key, labels and checkpoints (merged with what was known). */
export async function rememberInstall(
  db: ReplyGuardDb,
  install: { id: string; publicKey: PublicJwk; agents: readonly string[]; checkpoints: readonly CheckpointInfo[] },
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.installs, async () => {
    const known = await db.installs.get(install.id);
    const agents = [...new Set([...(known?.agents ?? []), ...install.agents])];
    const seen = new Set((known?.checkpoints ?? []).map((c) => `${c.seq}:${c.at}`));
    const checkpoints = [...(known?.checkpoints ?? [])];
    for (const { install: _i, ...c } of install.checkpoints) {
      if (!seen.has(`${c.seq}:${c.at}`)) checkpoints.push(c);
    }
    await db.installs.put({
      id: install.id,
      publicKey: install.publicKey,
      agents,
      checkpoints,
      firstSeen: known?.firstSeen ?? now,
      lastSeen: now,
    });
  });
}
