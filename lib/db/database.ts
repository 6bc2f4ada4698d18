import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { ChainEntry, CheckpointRecord } from '../audit/live-chain';
import type { InstallRecord, SegmentRecord } from '../audit/segments';
import type { ImportedFileRecord } from '../handover/fingerprints';
import type { HandoverRecord } from '../handover/state';
import type { DayDurations, DayTotals } from './day-totals';
import { DB_NAME } from './early-read';
import type { ImportedRecord } from './imported';
import { type KeyRecord, pseudonymiseTicketHashes } from './keys';
import type { ReviewRecord } from './reviews';
import type { OverrideRow } from './schema';
import { buildSummary, type DayChunk, sourceCode } from './summary';
import { buildTotals, splitDurations } from './summary-writes';

export { DB_NAME } from './early-read';

export type ReplyGuardDb = Dexie & {
  overrides: EntityTable<OverrideRow, 'id'>;
  /** Per-day column chunks of the fields the dashboard aggregates (lib/db/summary.ts). */
  summary: EntityTable<DayChunk, 'day'>;
  /** Rows imported from export files, many per record (lib/db/imported.ts). */
  imported: EntityTable<ImportedRecord, 'key'>;
  /** Each summary day's totals per quarter hour: the dashboard's first render (lib/db/day-totals.ts). */
  dayTotals: EntityTable<DayTotals, 'day'>;
  /** Each summary day's decision times, apart from its totals: the first render reads only the period's (lib/db/day-totals.ts). */
  dayDurations: EntityTable<DayDurations, 'day'>;
  /** The install's secrets, as non-extractable CryptoKeys (lib/db/keys.ts). */
  keys: EntityTable<KeyRecord, 'name'>;
  /** This install's audit chain: one record per event of the live log (lib/audit/live-chain.ts). */
  chain: EntityTable<ChainEntry, 'seq'>;
  /** Retention checkpoints of this install's chain (lib/audit/live-chain.ts). */
  checkpoints: EntityTable<CheckpointRecord, 'key'>;
  /** Other installs' chain events, as imported with their rows, one record per file and install (lib/audit/segments.ts). */
  segments: EntityTable<SegmentRecord, 'key'>;
  /** Installs whose exports were imported: their public keys (lib/audit/segments.ts). */
  installs: EntityTable<InstallRecord, 'id'>;
  /** The hand-over folder and its schedule's state (lib/handover/state.ts). */
  handover: Table<HandoverRecord, string>;
  /** Files already imported, so a folder imported again skips them quickly (lib/handover/fingerprints.ts). */
  importedFiles: EntityTable<ImportedFileRecord, 'key'>;
  /** A lead's verdicts on sampled accepted suggestions, one per row id (lib/db/reviews.ts). */
  reviews: EntityTable<ReviewRecord, 'rowId'>;
};

/** One shipped schema version: its stores and, when rows need rewriting, an upgrade. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: Parameters<ReturnType<Dexie['version']>['upgrade']>[0];
}

/**
 * Every schema version ever shipped, oldest first. Append-only: never edit a shipped entry, add
 * the next one. The upgrade test opens a database at the first version full of rows and checks
 * that the latest one still finds every row.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: { overrides: 'id, decidedAt, shownAt, helpdesk, agent, outcome, reason, ticketHash' },
  },
  {
    // The dashboard reads the compact per-day summary instead of 100,000 full rows. Only
    // `decidedAt` (retention, newest first, today's counts) and `outcome` are queried; the other
    // five indexes cost every import but served no query, so they go.
    version: 2,
    stores: { overrides: 'id, decidedAt, outcome', summary: 'day' },
    upgrade: buildSummary,
  },
  {
    // Same stores; the summary's days are now packed (typed arrays, one id string, distinct
    // strings once per day), which clones several times faster. Rebuilt from the rows, so a
    // database that opened version 2 drops its unpacked days.
    version: 3,
    stores: {},
    upgrade: buildSummary,
  },
  {
    // Imported rows go into their own table, several hundred rows per record: IndexedDB's cost
    // per record made one record per row take 23 s for a 100,000-row import (budget 5 s).
    // Existing rows stay where they are; the summary already holds them all.
    version: 4,
    stores: { imported: '++key, day' },
  },
  {
    // Each summary day's totals per quarter hour, written with the day: the dashboard's first
    // render reads these few kilobytes per day instead of the packed days' every row (a
    // tenth of the bytes, nothing to decode), and adds up quarter hours instead of rows.
    version: 5,
    stores: { dayTotals: 'day' },
    upgrade: buildTotals,
  },
  {
    // Rows say how the suggestion reached the composer (`source`) and how many words it
    // brought (`suggestionWords`): the dashboard filters and breaks down by source. Until now
    // ReplyGuard followed only suggestions brought by a known AI control, so every stored row
    // is `ai-control` with an unknown size; the summary gains the source column.
    version: 6,
    stores: {},
    upgrade: addSuggestionSource,
  },
  {
    // The install's secret for keyed ticket hashes (lib/background/keys.ts), kept as a
    // non-extractable CryptoKey: IndexedDB stores CryptoKeys, storage.local only JSON. The plain
    // SHA-256 ticket hashes of rows stored before are replaced by random pseudonyms.
    version: 7,
    stores: { keys: 'name' },
    upgrade: pseudonymiseTicketHashes,
  },
  {
    // A lead's verdicts on the review sample (lib/db/reviews.ts): apart from the rows, so an
    // export of the log stays as it is and verdicts travel in their own file. `decidedAt` (the
    // reviewed row's) is indexed for the retention purge.
    version: 8,
    stores: { reviews: 'rowId, decidedAt' },
  },
  {
    // The tamper-evident audit trail and the hand-over. The install's signing key is kept in
    // `keys` (version 7) beside the ticket-hash key; `chain` one event per live write, by sequence number and row id; `checkpoints` what
    // retention removed; `segments` other installs' events imported with their rows, many per
    // record like `imported`; `installs` their public keys; `handover` the folder handle (a
    // FileSystemDirectoryHandle, which only IndexedDB can keep); `importedFiles` the
    // fingerprints of imported files (`meta` finds one by name, size and time without reading it).
    version: 9,
    stores: {
      chain: 'seq, id',
      checkpoints: '++key',
      segments: '++key, install',
      installs: 'id',
      handover: 'name',
      importedFiles: 'key, meta',
    },
  },
  {
    // Same stores; each day's totals are derived again, their decision times packed
    // (`packDurations` in lib/db/day-totals.ts: a quarter of the bytes the first render reads).
    version: 10,
    stores: {},
    upgrade: buildTotals,
  },
  {
    // Each day's decision times move out of its totals into a table of their own: they were
    // three quarters of the bytes the dashboard's first render read (1.7 of 2.2 MB for a million
    // rows), and it needs only the period's days (lib/db/early-read.ts).
    version: 11,
    stores: { dayDurations: 'day' },
    upgrade: splitDurations,
  },
];

/** Schema version 6: every stored row, live or imported, and every summary day get a source. */
async function addSuggestionSource(tx: Transaction): Promise<void> {
  const legacy = { source: 'ai-control', suggestionWords: null } as const;
  await tx
    .table('overrides')
    .toCollection()
    .modify((row: Partial<OverrideRow>) => {
      row.source ??= legacy.source;
      row.suggestionWords ??= legacy.suggestionWords;
    });
  await tx
    .table('imported')
    .toCollection()
    .modify((record: ImportedRecord) => {
      const rows = JSON.parse(record.rows) as Partial<OverrideRow>[];
      record.rows = JSON.stringify(rows.map((r) => ({ ...legacy, ...r })));
    });
  await tx
    .table('summary')
    .toCollection()
    .modify((day: DayChunk) => {
      day.source ??= new Int8Array(day.decidedAt.length).fill(sourceCode('ai-control'));
    });
}

/**
 * Opens the extension's database. Only the background and the extension's own pages call this:
 * a content script would open it in the helpdesk site's origin, where no one else sees it.
 */
export function openDatabase(
  name: string = DB_NAME,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): ReplyGuardDb {
  const db = new Dexie(name) as ReplyGuardDb;
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  return db;
}
