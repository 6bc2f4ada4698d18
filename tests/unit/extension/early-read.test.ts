import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDashboardStore } from '@/components/dashboard/store';
import { SCHEMA_VERSIONS } from '@/lib/db/database';
import { durationsByDay, sameTotals } from '@/lib/db/day-totals';
import { EARLY_DURATION_DAYS, LATEST_SCHEMA_VERSION, readTotalsEarly } from '@/lib/db/early-read';
import { putImported } from '@/lib/db/imported';
import { putOverrides } from '@/lib/db/overrides';
import { summarySetReason } from '@/lib/db/summary-writes';
import { totalsFigures } from '@/lib/stats/day-figures';
import { periodBounds } from '@/lib/stats/period';
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
    const early = await readTotalsEarly(indexedDB, db.name, T0);
    expect(early).not.toBeNull();
    expect(sameTotals(early?.totals ?? [], stored)).toBe(true);
    expect(early).toEqual({ totals: stored, durations: await db.dayDurations.toArray() });
  });

  it("reads every day's totals, and the decision times of the default period's days and the ones before only", async () => {
    const db = freshDb();
    const now = T0 + 200 * DAY + 9 * 3_600_000;
    // One row a day, from 120 days before now to now.
    await putImported(
      db,
      Array.from({ length: 121 }, (_, i) => row({ decidedAt: now - (120 - i) * DAY })),
    );
    const early = await readTotalsEarly(indexedDB, db.name, now);
    expect(early?.totals).toHaveLength(121);
    const days = early?.durations.map((d) => d.day) ?? [];
    expect(days).toEqual(
      Array.from({ length: EARLY_DURATION_DAYS + 1 }, (_, i) => Math.floor(now / DAY) - EARLY_DURATION_DAYS + i),
    );
    // Enough for the dashboard's first period and the one before, wherever the page's clock is:
    // the figures from the early read equal those from every day's times.
    const { period } = createDashboardStore().getState();
    expect(period).toBe('28d');
    const totals = early?.totals ?? [];
    const first = Math.min(...totals.map((t) => t.first));
    for (const latest of [now, now + DAY - 1]) {
      const bounds = periodBounds(period, first, latest, now);
      const figures = totalsFigures(totals, durationsByDay(early?.durations ?? []), bounds, first);
      expect(figures).not.toBeNull();
      expect(figures).toEqual(totalsFigures(totals, durationsByDay(await db.dayDurations.toArray()), bounds, first));
    }
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
    await db.transaction('rw', db.summary, db.dayTotals, db.dayDurations, () =>
      summarySetReason(db, live, 'tone', null),
    );
    const after = await db.dayTotals.toArray();
    expect(after.map(({ revision, ...figures }) => figures)).toEqual(before.map(({ revision, ...figures }) => figures));
    expect(sameTotals(before, after)).toBe(false);
  });
});
