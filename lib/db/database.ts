import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { DayTotals } from './day-totals';
import type { ImportedRecord } from './imported';
import { type KeyRecord, pseudonymiseTicketHashes } from './keys';
import type { OverrideRow } from './schema';
import { buildSummary, type DayChunk, sourceCode } from './summary';
import { buildTotals } from './summary-writes';

export const DB_NAME = 'replyguard';

export type ReplyGuardDb = Dexie & {
  overrides: EntityTable<OverrideRow, 'id'>;
  /** Per-day column chunks of the fields the dashboard aggregates (lib/db/summary.ts). */
  summary: EntityTable<DayChunk, 'day'>;
  /** Rows imported from export files, many per record (lib/db/imported.ts). */
  imported: EntityTable<ImportedRecord, 'key'>;
  /** Each summary day's totals per quarter hour: the dashboard's first render (lib/db/day-totals.ts). */
  dayTotals: EntityTable<DayTotals, 'day'>;
  /** The install's secrets, as non-extractable CryptoKeys (lib/db/keys.ts). */
  keys: EntityTable<KeyRecord, 'name'>;
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
