import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '@/lib/db/database';
import { sameTotals } from '@/lib/db/day-totals';
import { LATEST_SCHEMA_VERSION, readTotalsEarly } from '@/lib/db/early-read';
import { putImported } from '@/lib/db/imported';
import { putOverrides } from '@/lib/db/overrides';
import { summarySetReason } from '@/lib/db/summary-writes';
import { freshDatabases, row } from '../../fixtures/rows';

const freshDb = freshDatabases('early');
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

describe("the dashboard's early read of the day totals", () => {
  it('declares the schema version the database is opened at', () => {
    expect(LATEST_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.at(-1)?.version);
  });

  it('reads what Dexie wrote, at the version Dexie opened', async () => {
    const db = freshDb();
    await putImported(
      db,
      Array.from({ length: 50 }, (_, i) => row({ decidedAt: T0 + (i % 5) * DAY + i * 60_000 })),
    );
    const stored = await db.dayTotals.toArray();
    expect(stored).toHaveLength(5);
    const early = await readTotalsEarly(indexedDB, db.name);
    expect(early).not.toBeNull();
    expect(sameTotals(early ?? [], stored)).toBe(true);
    expect(early).toEqual(stored);
  });

  it('answers null, and creates nothing, where no database exists yet', async () => {
    const name = `early-none-${Math.random()}`;
    expect(await readTotalsEarly(indexedDB, name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('answers null for a database at another schema version (an update Dexie has not applied yet)', async () => {
    const name = `early-old-${Math.random()}`;
    const old = new Dexie(name);
    old.version(9).stores({ dayTotals: 'day' });
    await old.open();
    old.close();
    expect(await readTotalsEarly(indexedDB, name)).toBeNull();
    await Dexie.delete(name);
  });

  it('tells a changed log from the same one', async () => {
    const db = freshDb();
    await putImported(db, [row({ decidedAt: T0 }), row({ decidedAt: T0 + DAY })]);
    const before = await db.dayTotals.toArray();
    expect(sameTotals(before, await db.dayTotals.toArray())).toBe(true);
    await putImported(db, [row({ decidedAt: T0 + 3_600_000 })]);
    expect(sameTotals(before, await db.dayTotals.toArray())).toBe(false);
  });

  it('tells a reason given later from the same log, though no total counts reasons', async () => {
    const db = freshDb();
    const live = row({ decidedAt: T0 });
    await putOverrides(db, [live]);
    const before = await db.dayTotals.toArray();
    await db.transaction('rw', db.summary, db.dayTotals, () => summarySetReason(db, live, 'tone', null));
    const after = await db.dayTotals.toArray();
    expect(after.map(({ revision, ...figures }) => figures)).toEqual(before.map(({ revision, ...figures }) => figures));
    expect(sameTotals(before, after)).toBe(false);
  });
});
