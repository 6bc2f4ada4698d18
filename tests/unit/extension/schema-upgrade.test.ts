import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { installKey, TICKET_KEY_NAME } from '@/lib/background/keys';
import { openDatabase, SCHEMA_VERSIONS } from '@/lib/db/database';
import { totalsOfDay } from '@/lib/db/day-totals';
import { putImported } from '@/lib/db/imported';
import { allOverridesByTime, overrideCount, rowsById, summaryRowsByTime } from '@/lib/db/queries';
import type { OverrideRow } from '@/lib/db/schema';
import { chunksOf, dayOf, packDay } from '@/lib/db/summary';
import { row } from '../../fixtures/rows';

/** Rows without their ticket hash: version 7 replaces the plain hashes rows stored before. */
/**
 * The schema history up to version `n`, with version 11's `dayDurations` table declared there
 * too: these tests fill an old database with today's write paths (`putImported`), which write
 * each day's decision times into it. Version 11's upgrade then finds the table there.
 */
const writableAt = (n: number) =>
  SCHEMA_VERSIONS.slice(0, n).map((v) =>
    v.version === n ? { ...v, stores: { ...v.stores, dayDurations: 'day' } } : v,
  );

const unticketed = (rows: readonly (OverrideRow | undefined)[]) => rows.map((r) => r && { ...r, ticketHash: '' });

describe('schema history', () => {
  it('is append-only and numbered in order (6 is taken by another branch, see lib/db/database.ts)', () => {
    expect(SCHEMA_VERSIONS[0]?.version).toBe(1);
    SCHEMA_VERSIONS.forEach((v, i) => {
      if (i > 0) expect(v.version).toBeGreaterThan(SCHEMA_VERSIONS[i - 1]?.version ?? 0);
    });
  });

  it('replaces the plain ticket hashes of earlier rows at version 7, keeping rows of one ticket together', async () => {
    const name = `upgrade-v7-hashes-${Math.random()}`;
    const fifth = openDatabase(name, writableAt(5));
    const plain = (id: string) => createHash('sha256').update(`zendesk:${id}`).digest('hex');
    const live = [
      row({ ticketHash: plain('1001') }),
      row({ ticketHash: plain('1001') }),
      row({ ticketHash: plain('1002') }),
    ];
    await fifth.overrides.bulkAdd(live);
    const imported = [
      row({ ticketHash: plain('1001'), decidedAt: 1_700_100_000_000 }),
      row({ ticketHash: plain('77') }),
    ];
    await putImported(fifth, imported);
    fifth.close();

    const latest = openDatabase(name);
    const after = await rowsById(latest, [...live, ...imported]);
    const hashes = after.map((r) => r?.ticketHash ?? '');
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    for (const id of ['1001', '1002', '77']) expect(hashes).not.toContain(plain(id));
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[0]).toBe(hashes[3]);
    expect(new Set(hashes).size).toBe(3);
    await latest.delete();
  });

  it('adds the keys table at version 7 beside every row a version 5 database held, and keeps a stored key', async () => {
    const name = `upgrade-v7-${Math.random()}`;
    const fifth = openDatabase(name, writableAt(5));
    const rows = Array.from({ length: 50 }, (_, i) =>
      row({ id: `v5-${i}`, decidedAt: 1_700_000_000_000 + i * 60_000 }),
    );
    await fifth.overrides.bulkAdd(rows);
    fifth.close();

    const latest = openDatabase(name);
    expect(latest.verno).toBeGreaterThanOrEqual(7);
    expect(await latest.keys.count()).toBe(0);
    expect(unticketed(await rowsById(latest, rows))).toEqual(unticketed(rows));
    const key = await installKey(latest);
    expect(key.extractable).toBe(false);
    latest.close();

    const again = openDatabase(name);
    const stored = await again.keys.get(TICKET_KEY_NAME);
    expect(stored?.key.algorithm).toMatchObject({ name: 'HMAC', hash: { name: 'SHA-256' } });
    await again.delete();
  });

  it('upgrades a database of the first version full of rows and finds every row', async () => {
    const name = `upgrade-${Math.random()}`;
    const first = openDatabase(name, SCHEMA_VERSIONS.slice(0, 1));
    const rows = Array.from({ length: 500 }, (_, i) =>
      row({ decidedAt: 1_000 + i, outcome: i % 2 ? 'edited' : 'accepted' }),
    );
    await first.overrides.bulkAdd(rows);
    first.close();

    const latest = openDatabase(name);
    expect(latest.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    expect(await latest.overrides.count()).toBe(500);
    expect(await latest.overrides.where('outcome').equals('edited').count()).toBe(250);
    const ids = new Set((await latest.overrides.toArray()).map((r) => r.id));
    expect(rows.every((r) => ids.has(r.id))).toBe(true);
    expect(
      unticketed(
        await rowsById(
          latest,
          rows.map((r) => ({ id: r.id })),
        ),
      ),
    ).toEqual(unticketed(rows));
    await latest.delete();
  });

  it('imports beside the rows a version 1 database held, without duplicating them', async () => {
    const name = `upgrade-import-${Math.random()}`;
    const first = openDatabase(name, SCHEMA_VERSIONS.slice(0, 1));
    const rows = Array.from({ length: 200 }, (_, i) => row({ decidedAt: 1_700_000_000_000 + i * 600_000 }));
    await first.overrides.bulkAdd(rows.slice(0, 120));
    first.close();

    const latest = openDatabase(name);
    expect(latest.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    // An import of the whole history finds the 120 rows stored before the upgrade through the summary.
    expect(await putImported(latest, rows)).toMatchObject({ imported: 80, skipped: 120 });
    expect(await latest.overrides.count()).toBe(120);
    expect(await overrideCount(latest)).toBe(200);
    expect((await allOverridesByTime(latest)).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect((await summaryRowsByTime(latest)).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(unticketed(await rowsById(latest, rows))).toEqual(unticketed(rows));
    await latest.delete();
  });

  it('derives at version 5 the per-day totals of every day a version 4 database summarised, and moves their decision times apart at version 11', async () => {
    const name = `upgrade-v5-${Math.random()}`;
    const first = openDatabase(name, SCHEMA_VERSIONS.slice(0, 1));
    const rows = Array.from({ length: 400 }, (_, i) =>
      row({ id: `r-${i}`, decidedAt: 1_700_000_000_000 + i * 1_800_000, outcome: i % 3 ? 'edited' : 'accepted' }),
    );
    await first.overrides.bulkAdd(rows);
    first.close();
    const fourth = openDatabase(name, SCHEMA_VERSIONS.slice(0, 4));
    const days = await fourth.summary.toArray();
    fourth.close();

    const tenth = openDatabase(name, SCHEMA_VERSIONS.slice(0, 10));
    // Up to version 10 a day's decision times were in its totals' record.
    const combined = await tenth.dayTotals.toArray();
    expect(combined).toEqual(days.map(totalsOfDay).map((d) => ({ ...d.totals, ...d.durations })));
    tenth.close();

    // Version 11 moves them into a table of their own.
    const latest = openDatabase(name);
    const totals = await latest.dayTotals.toArray();
    expect(totals).toEqual(days.map((d) => totalsOfDay(d).totals));
    expect(await latest.dayDurations.toArray()).toEqual(days.map((d) => totalsOfDay(d).durations));
    expect(totals.reduce((n, t) => n + t.rows, 0)).toBe(400);
    await latest.delete();
  });

  it('gives every row and summary day of a version 5 database a source at version 6', async () => {
    const name = `upgrade-v6-${Math.random()}`;
    const fifth = openDatabase(name, SCHEMA_VERSIONS.slice(0, 5));
    // Rows as version 5 stored them: no source, no size.
    const legacy = (r: ReturnType<typeof row>) => {
      const { source: _s, suggestionWords: _w, ...rest } = r;
      return rest;
    };
    const live = Array.from({ length: 30 }, (_, i) => row({ decidedAt: 1_700_000_000_000 + i * 3_600_000 }));
    const imported = Array.from({ length: 20 }, (_, i) => row({ decidedAt: 1_700_000_000_000 + i * 5_400_000 }));
    await fifth.table('overrides').bulkAdd(live.map(legacy));
    for (const day of new Set(imported.map((r) => dayOf(r.decidedAt)))) {
      const rows = imported.filter((r) => dayOf(r.decidedAt) === day).map(legacy);
      await fifth.table('imported').add({ day, rows: JSON.stringify(rows) });
    }
    const days = [...chunksOf([...live, ...imported]).values()].map((d) => {
      const { source: _, ...packed } = packDay(d);
      return packed;
    });
    await fifth.table('summary').bulkPut(days);
    fifth.close();

    const latest = openDatabase(name, SCHEMA_VERSIONS.slice(0, 6));
    const expected = [...live, ...imported].map((r) => ({ ...r, source: 'ai-control', suggestionWords: null }));
    expect(await rowsById(latest, expected)).toEqual(expected);
    const stats = await summaryRowsByTime(latest);
    expect(stats).toHaveLength(50);
    expect(stats.every((r) => r.source === 'ai-control')).toBe(true);
    expect((await latest.summary.toArray()).every((d) => d.source.length === d.decidedAt.length)).toBe(true);
    await latest.delete();
  });

  it('adds at version 8 an empty reviews table beside every row a version 7 database held', async () => {
    const name = `upgrade-v8-${Math.random()}`;
    const seventh = openDatabase(name, writableAt(7));
    const rows = Array.from({ length: 40 }, (_, i) => row({ decidedAt: 1_700_000_000_000 + i * 3_600_000 }));
    await putImported(seventh, rows);
    seventh.close();

    const latest = openDatabase(name, SCHEMA_VERSIONS.slice(0, 8));
    expect(latest.verno).toBe(8);
    expect(await latest.reviews.count()).toBe(0);
    expect(await rowsById(latest, rows)).toEqual(rows);
    await latest.reviews.put({
      rowId: rows[0]?.id ?? '',
      decidedAt: rows[0]?.decidedAt ?? 0,
      verdict: 'good',
      reason: null,
      note: null,
      privacy: 'redacted',
      reviewedAt: 1_700_000_000_000,
      reviewer: '',
    });
    expect(await latest.reviews.where('decidedAt').below(1_700_000_000_001).count()).toBe(1);
    await latest.delete();
  });

  it('builds the per-day summary of version 2 from the rows a version 1 database holds', async () => {
    const name = `upgrade-summary-${Math.random()}`;
    const first = openDatabase(name, SCHEMA_VERSIONS.slice(0, 1));
    const rows = Array.from({ length: 300 }, (_, i) =>
      row({
        decidedAt: 1_700_000_000_000 + i * 3_600_000,
        outcome: i % 3 ? 'rejected' : 'accepted',
        reason: i % 3 ? 'tone' : null,
        findings:
          i % 4
            ? []
            : [{ rule: 'r', category: 'privacy', severity: 'critical', fingerprint: 'x', dismissed: i % 8 === 0 }],
      }),
    );
    await first.overrides.bulkAdd(rows);
    first.close();

    const latest = openDatabase(name);
    const summary = await summaryRowsByTime(latest);
    const full = await allOverridesByTime(latest);
    expect(summary.map((r) => [r.id, r.decidedAt, r.outcome, r.reason, r.findings])).toEqual(
      full.map((r) => [r.id, r.decidedAt, r.outcome, r.reason, r.findings.map(({ fingerprint: _, ...f }) => f)]),
    );
    expect(await latest.summary.count()).toBe(new Set(rows.map((r) => Math.floor(r.decidedAt / 86_400_000))).size);
    await latest.delete();
  });

  it('rebuilds at version 3 the days a version 2 database stored unpacked', async () => {
    const name = `upgrade-v3-${Math.random()}`;
    const second = openDatabase(name, SCHEMA_VERSIONS.slice(0, 2));
    const rows = [row({ decidedAt: 5_000 }), row({ decidedAt: 90_000_000, outcome: 'edited' })];
    await second.overrides.bulkAdd(rows);
    // What version 2 shipped with for a moment: plain arrays, no packing.
    await second.table('summary').put({ day: 0, id: [rows[0]?.id], decidedAt: [5_000] });
    second.close();

    const latest = openDatabase(name);
    expect((await summaryRowsByTime(latest)).map((r) => [r.id, r.outcome])).toEqual(rows.map((r) => [r.id, r.outcome]));
    await latest.delete();
  });
});
