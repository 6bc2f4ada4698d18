import { sha256 } from '@noble/hashes/sha2.js';
import { concat, equalBytes, u64, utf8 } from './bytes';

/**
 * The audit chain, as pure functions over bytes (no storage, no keys): what a link is, what an
 * install signs. The background appends with these, the dashboard and the CLI verify with them.
 *
 * Each install of ReplyGuard keeps one chain of its own log events. Event `s` (1, 2, …) has the
 * link `link(s) = SHA-256(link(s−1) ‖ kind ‖ d ‖ t ‖ id)`, where `d` is the SHA-256 of the row's
 * canonical form after the event (./canonical.ts) and `t` the row's decision time. `link(0)` is
 * derived from the install id, so two installs' chains never share a link. A signature over
 * `(install, s, link(s))` vouches for every event up to `s`: changing, removing or moving any of
 * them changes `link(s)`.
 */

/** What an event did to its row: stored it (`row`), or set the reason given after the decision (`reason`). */
export type EntryKind = 'row' | 'reason';

/** The fields of one event that its link hashes. */
export interface ChainItem {
  kind: EntryKind;
  /** The row's id. */
  id: string;
  /** SHA-256 of the row's canonical form after this event. */
  d: Uint8Array;
  /** The row's `decidedAt`: retention decides by it, so it is hashed too. */
  t: number;
}

const KIND_BYTE: Record<EntryKind, number> = { row: 1, reason: 2 };

/** Bytes of an install id (16 bytes, 32 hex digits). */
export const INSTALL_ID_BYTES = 16;

/** The link before an install's first event. */
export const genesisLink = (install: Uint8Array): Uint8Array => sha256(concat(utf8('replyguard/chain/v1\n'), install));

/** The link of an event, from the link before it. */
export function nextLink(prev: Uint8Array, item: ChainItem): Uint8Array {
  return sha256(concat(prev, Uint8Array.of(KIND_BYTE[item.kind]), item.d, u64(item.t), utf8(item.id)));
}

/** Whether `item` is the event that follows `prev` and has the link `link`. */
export const follows = (prev: Uint8Array, item: ChainItem, link: Uint8Array): boolean =>
  equalBytes(nextLink(prev, item), link);

/**
 * What an install signs after it writes events: "my chain's event `seq` has link `link`, as of
 * `at`". One valid signature vouches for every event up to `seq`.
 */
export const headStatement = (install: Uint8Array, seq: number, link: Uint8Array, at: number): Uint8Array =>
  concat(utf8('replyguard/head/v1\n'), install, u64(seq), link, u64(at));

/**
 * What an install signs when retention deletes rows: rows it decided before `cutoff` are gone
 * from its log, as of `at`; its chain's events up to `seq` (link `link`) are dropped with them.
 * Verification then accepts a missing row decided before `cutoff`, and starts the chain at `seq`.
 */
export const checkpointStatement = (
  install: Uint8Array,
  seq: number,
  link: Uint8Array,
  cutoff: number,
  at: number,
): Uint8Array => concat(utf8('replyguard/checkpoint/v1\n'), install, u64(seq), link, u64(cutoff), u64(at));

/**
 * What the exporting install signs at the end of an export's audit file: the SHA-256 of every
 * line before the signature. It vouches for what only the exporter knows: which rows a filter
 * left out, and which imported installs' events it held.
 */
export const exportStatement = (install: Uint8Array, digest: Uint8Array): Uint8Array =>
  concat(utf8('replyguard/export/v1\n'), install, digest);
