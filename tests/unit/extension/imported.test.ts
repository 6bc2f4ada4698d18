import { describe, expect, it } from 'vitest';
import { putImported, rowsOf } from '@/lib/db/imported';
import { purgeOlderThan, putOverrides } from '@/lib/db/overrides';
import {
  allOverridesByTime,
  overrideCount,
  rowsById,
  type SummaryDays,
  summaryDays,
  summaryRowsByTime,
} from '@/lib/db/queries';
import type { OverrideRow } from '@/lib/db/schema';
import { DayCache, summarySetReason } from '@/lib/db/summary-writes';
import { freshDatabases, row } from '../../fixtures/rows';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

const freshDb = freshDatabases('imported');

/** `count` rows spread over `days` UTC days from T0, a few hours apart. */
const spread = (count: number, days: number) =>
  Array.from({ length: count }, (_, i) => row({ decidedAt: T0 + (i % days) * DAY + (i % 20) * 3_600_000 }));

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

describe('imported rows', () => {
  it('stores many rows per record, one group per UTC day, split at the record size', async () => {
    const db = freshDb();
    const rows = spread(300, 3);
    expect(await putImported(db, rows, 40)).toMatchObject({ imported: 300, skipped: 0 });
    const records = await db.imported.toArray();
    // 100 rows per day, 40 per record: 3 records a day.
    expect(records).toHaveLength(9);
    expect(records.every((r) => rowsOf(r).every((x) => Math.floor(x.decidedAt / DAY) === r.day))).toBe(true);
    expect(await db.overrides.count()).toBe(0);
    expect(ids(await allOverridesByTime(db))).toEqual(ids(rows));
    expect(ids(await summaryRowsByTime(db))).toEqual(ids(rows));
    expect(await overrideCount(db)).toBe(300);
  });

  it("stores a row's text from its file as it is, and serialises the rows that have none", async () => {
    const db = freshDb();
    const rows = spread(20, 2);
    // Same row, other key order and spacing: what a file may hold.
    const lines = rows.map((r, i) =>
      i % 2 ? undefined : ` {"note": ${JSON.stringify(r.note)}, ${JSON.stringify(r).slice(1)}`,
    );
    expect(await putImported(db, rows, 250, lines)).toMatchObject({ imported: 20, skipped: 0 });
    const records = await db.imported.toArray();
    expect(records.some((r) => r.rows.includes(' {"note": '))).toBe(true);
    const back = records.flatMap(rowsOf).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(back).toEqual([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('skips and counts duplicates within a batch, across batches and against live rows', async () => {
    const db = freshDb();
    const rows = spread(50, 5);
    const live = row({ decidedAt: T0 + DAY + 5 });
    await putOverrides(db, [live]);
    expect(await putImported(db, [...rows.slice(0, 30), rows[0], rows[1], live] as typeof rows)).toMatchObject({
      imported: 30,
      skipped: 3,
    });
    expect(await putImported(db, rows)).toMatchObject({ imported: 20, skipped: 30 });
    expect(await putImported(db, rows)).toMatchObject({ imported: 0, skipped: 50 });
    const all = await allOverridesByTime(db);
    expect(all).toHaveLength(51);
    expect(new Set(all.map((r) => r.id)).size).toBe(51);
    expect(await summaryRowsByTime(db)).toHaveLength(51);
  });

  it('keeps a live row that arrives after its imported copy out of the log', async () => {
    const db = freshDb();
    const r = row({ decidedAt: T0 });
    await putImported(db, [r]);
    expect(await putOverrides(db, [r, row({ decidedAt: T0 + 1 })])).toBe(1);
    expect(await db.overrides.get(r.id)).toBeUndefined();
    expect(await allOverridesByTime(db)).toHaveLength(2);
    expect(await summaryRowsByTime(db)).toHaveLength(2);
  });

  it('finds rows by id wherever they are stored, with or without their decision time', async () => {
    const db = freshDb();
    const imported = spread(60, 4);
    const live = row({ decidedAt: T0 + 2 * DAY + 1 });
    await putImported(db, imported, 7);
    await putOverrides(db, [live]);
    const a = imported[13];
    const b = imported[42];
    if (!a || !b) throw new Error('fixture');
    expect(await rowsById(db, [{ id: b.id }, { id: 'missing' }, { id: live.id }, a])).toEqual([b, undefined, live, a]);
    const all = await rowsById(db, imported);
    expect(all).toEqual(imported);
  });

  it('finds a row by id only in the records that hold it, and one whose file spelled its id with escapes', async () => {
    const db = freshDb();
    const rows = spread(40, 1);
    const plain = rows[3];
    const escaped = rows[30];
    if (!plain || !escaped) throw new Error('fixture');
    // The file spelled the second row's id with \\u escapes: its text never holds the id as JSON writes it.
    const spelled = (r: (typeof rows)[number]) =>
      r === escaped
        ? JSON.stringify(r).replace(
            JSON.stringify(r.id),
            `"${[...r.id].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`,
          )
        : JSON.stringify(r);
    await putImported(db, rows, 10, rows.map(spelled));
    expect((await db.imported.toArray()).some((r) => r.rows.includes(JSON.stringify(escaped.id)))).toBe(false);
    expect(await rowsById(db, [plain])).toEqual([plain]);
    expect(await rowsById(db, [escaped, plain])).toEqual([escaped, plain]);
    expect(await rowsById(db, [{ id: 'missing', decidedAt: plain.decidedAt }])).toEqual([undefined]);
  });

  it('purges imported rows by day, cutting the boundary day at the cutoff, and counts live and imported', async () => {
    const db = freshDb();
    // Days 0..4, rows at 00:00..19:00 of each.
    const rows = spread(100, 5);
    await putImported(db, rows, 8);
    await putOverrides(db, [row({ decidedAt: T0 + 12 * 3_600_000 }), row({ decidedAt: T0 + 4 * DAY })]);
    const cutoff = T0 + 2 * DAY + 10 * 3_600_000;
    const expected = rows.filter((r) => r.decidedAt < cutoff).length + 1;
    expect(await purgeOlderThan(db, cutoff)).toBe(expected);
    const left = await allOverridesByTime(db);
    expect(left).toHaveLength(102 - expected);
    expect(left.every((r) => r.decidedAt >= cutoff)).toBe(true);
    expect(ids(await summaryRowsByTime(db))).toEqual(ids(left));
    expect((await db.imported.toArray()).every((r) => r.day >= 2 && rowsOf(r).length > 0)).toBe(true);
    // A purged row imported again is new again.
    expect((await putImported(db, rows)).imported).toBe(expected - 1);
  });

  it('leaves nothing behind when a batch fails', async () => {
    const db = freshDb();
    const good = spread(10, 2);
    // A row that cannot be cloned into IndexedDB fails the batch's transaction.
    const bad = { ...row({ decidedAt: T0 }), note: (() => {}) as unknown as string };
    await expect(putImported(db, [...good, bad])).rejects.toThrow();
    expect(await db.imported.count()).toBe(0);
    expect(await db.summary.count()).toBe(0);
    expect(await putImported(db, good)).toMatchObject({ imported: 10, skipped: 0 });
  });
});

describe('an import keeping the summary days it wrote for its next batch (DayCache)', () => {
  const byTime = (rows: OverrideRow[]) => [...rows].sort((a, b) => a.decidedAt - b.decidedAt);
  const withoutRevision = ({ totals, days }: SummaryDays) => ({
    totals: totals.map(({ revision, ...figures }) => figures),
    days,
  });

  it('stores what batches that read every day again store', async () => {
    const kept = freshDb();
    const read = freshDb();
    const days = new DayCache();
    const rows = byTime(spread(600, 3));
    for (let i = 0; i < rows.length; i += 70) {
      const batch = rows.slice(i, i + 70);
      await putImported(kept, batch, 40, undefined, days);
      await putImported(read, batch, 40);
    }
    // The repeats of a batch are found in kept days as in read ones.
    expect(await putImported(kept, rows.slice(100, 200), 40, undefined, days)).toMatchObject({
      imported: 0,
      skipped: 100,
    });
    expect(withoutRevision(await summaryDays(kept))).toEqual(withoutRevision(await summaryDays(read)));
  });

  it('reads a day again when another writer changed it since: a live row, a reason given, a purge', async () => {
    const db = freshDb();
    const days = new DayCache();
    const rows = byTime(spread(90, 1));
    const live = row({ decidedAt: T0 + 1_000 });
    await putImported(db, rows.slice(0, 30), 250, undefined, days);
    await putOverrides(db, [live]);
    await putImported(db, rows.slice(30, 60), 250, undefined, days);
    await db.transaction('rw', db.summary, db.dayTotals, db.dayDurations, () =>
      summarySetReason(db, live, 'tone', null),
    );
    await putImported(db, rows.slice(60, 75), 250, undefined, days);
    // The purge cuts the day at the first imported row's time: the boundary day is re-packed.
    await purgeOlderThan(db, (rows[0] as OverrideRow).decidedAt + 1);
    await putImported(db, rows.slice(75), 250, undefined, days);
    const summary = await summaryRowsByTime(db);
    const expected = [...rows.slice(1), live].filter((r) => r.decidedAt > (rows[0] as OverrideRow).decidedAt);
    expect(ids(summary)).toEqual(ids(expected));
    expect(summary.find((r) => r.id === live.id)?.reason).toBe('tone');
    expect(ids(await allOverridesByTime(db))).toEqual(ids(expected));
  });

  it('forgets its days when a batch fails, so the rows it did not store are never counted', async () => {
    const db = freshDb();
    const days = new DayCache();
    const rows = byTime(spread(20, 1));
    await putImported(db, rows.slice(0, 10), 250, undefined, days);
    const bad = { ...row({ decidedAt: T0 + 2 }), note: (() => {}) as unknown as string };
    await expect(putImported(db, [...rows.slice(10, 15), bad], 250, undefined, days)).rejects.toThrow();
    expect(days.lookup([Math.floor(T0 / DAY)])).toEqual([]);
    expect(await putImported(db, rows.slice(10), 250, undefined, days)).toMatchObject({ imported: 10, skipped: 0 });
    expect(ids(await summaryRowsByTime(db))).toEqual(ids(rows));
  });
});
