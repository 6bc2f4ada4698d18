import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type ReplyGuardDb } from '@/lib/db/database';
import { totalsOfDay } from '@/lib/db/day-totals';
import { putImported } from '@/lib/db/imported';
import { applyEvents, purgeOlderThan, putOverrides } from '@/lib/db/overrides';
import { allOverridesByTime, overrideCount, summaryDays, summaryRowsByTime } from '@/lib/db/queries';
import { OUTCOMES, OVERRIDE_REASONS, type OverrideRow } from '@/lib/db/schema';
import type { Category, SentimentLabel, Severity } from '@/lib/engine/types';
import { aggregate } from '@/lib/stats/aggregate';
import { monitorDrift } from '@/lib/stats/monitor';
import type { StatsRow } from '@/lib/stats/stats-row';
import { row } from '../../fixtures/rows';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1, 5);

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomRow(next: () => number, i: number): OverrideRow {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const categories: Category[] = ['privacy', 'commitment'];
  const severities: Severity[] = ['info', 'warning', 'critical'];
  const labels: SentimentLabel[] = ['negative', 'neutral', 'positive'];
  const decidedAt = T0 + Math.floor(next() * 40 * DAY);
  return row({
    id: `r-${i}`,
    decidedAt,
    shownAt: decidedAt - Math.floor(next() * 90_000),
    helpdesk: pick(['zendesk', 'freshdesk', 'intercom']),
    agent: pick(['', 'ana', 'bo']),
    outcome: pick(OUTCOMES),
    reason: next() < 0.3 ? pick(OVERRIDE_REASONS) : null,
    note: next() < 0.1 ? 'a note' : null,
    similarity: next(),
    editSize: Math.floor(next() * 300),
    findings: Array.from({ length: Math.floor(next() * 3) }, () => ({
      rule: pick(['refund-promise', 'card-number', 'legal-threat']),
      category: pick(categories),
      severity: pick(severities),
      fingerprint: 'f',
      dismissed: next() < 0.3,
    })),
    customer:
      next() < 0.3
        ? null
        : {
            sentiment: { label: pick(labels), score: next() * 2 - 1 },
            sarcasm: { likely: next() < 0.2, score: next() },
            escalation: { likely: false, kinds: [] },
          },
  });
}

/** The fields the statistics read, in a stable order, to compare summary rows with full rows. */
const statsView = (rows: readonly StatsRow[]) =>
  rows.map((r) => ({
    id: r.id,
    decidedAt: r.decidedAt,
    shownAt: r.shownAt,
    helpdesk: r.helpdesk,
    agent: r.agent,
    outcome: r.outcome,
    reason: r.reason,
    note: r.note,
    similarity: r.similarity,
    editSize: r.editSize,
    findings: r.findings.map((f) => ({
      rule: f.rule,
      category: f.category,
      severity: f.severity,
      dismissed: f.dismissed,
    })),
    customer: r.customer
      ? { sentiment: { ...r.customer.sentiment }, sarcasm: { likely: r.customer.sarcasm.likely } }
      : null,
  }));

async function expectSummaryMatchesRows(db: ReplyGuardDb): Promise<void> {
  const full = await allOverridesByTime(db);
  const summary = await summaryRowsByTime(db);
  expect(statsView(summary)).toEqual(statsView(full));
  const period = { start: T0 + 10 * DAY, end: T0 + 38 * DAY };
  const first = full[0]?.decidedAt ?? period.start;
  const strip = (a: ReturnType<typeof aggregate>) => ({ ...a, events: statsView(a.events) });
  for (const filter of [
    {},
    { helpdesk: 'zendesk' },
    { category: 'privacy' as Category },
    { reason: 'tone' as const },
  ]) {
    expect(strip(aggregate(summary, filter, period, first))).toEqual(strip(aggregate(full, filter, period, first)));
  }
  expect(monitorDrift(summary)).toEqual(monitorDrift(full));
  // Every write path keeps each day's totals what the day's packed rows give.
  // Each carries the revision of its day's last write, which only the writers read.
  const { totals, durations, days } = await summaryDays(db);
  expect(totals.every((t) => typeof t.revision === 'number')).toBe(true);
  expect(totals.map(({ revision, ...figures }) => figures)).toEqual(days.map((d) => totalsOfDay(d).totals));
  // And each day's decision times, in their own table, what its packed rows give: none left behind.
  expect([...durations.values()]).toEqual(days.map((d) => totalsOfDay(d).durations));
  expect(await overrideCount(db)).toBe(full.length);
}

describe('per-day summary', () => {
  let db: ReplyGuardDb;
  afterEach(async () => {
    await db.delete();
  });

  it('gives the same aggregates as the full rows over random writes, duplicates, reasons and purges', async () => {
    db = openDatabase(`summary-${Math.random()}`);
    const next = rng(42);
    const rows = Array.from({ length: 1_500 }, (_, i) => randomRow(next, i));
    // Content-script batches and imports, with repeats of rows already stored and within a batch.
    await putOverrides(db, rows.slice(0, 600));
    await putOverrides(db, [...rows.slice(500, 900), rows[900] as OverrideRow, rows[900] as OverrideRow]);
    await applyEvents(
      db,
      rows.slice(850, 1_200).map((r, i) => ({ kind: 'override', id: r.id, seq: i, row: r })),
    );
    // An import overlapping the live rows: the new ones go to the imported table.
    expect(await putImported(db, rows.slice(1_100, 1_350))).toMatchObject({ imported: 150, skipped: 100 });
    await expectSummaryMatchesRows(db);

    // Reasons given later, one for a row that does not exist.
    await applyEvents(db, [
      ...rows.slice(0, 300).map((r, i) => ({
        kind: 'reason' as const,
        id: `${r.id}:reason`,
        seq: 10_000 + i,
        overrideId: r.id,
        reason: OVERRIDE_REASONS[i % OVERRIDE_REASONS.length] as OverrideRow['reason'] & string,
        note: i % 5 ? null : `note ${i}`,
      })),
      { kind: 'reason', id: 'gone:reason', seq: 20_000, overrideId: 'gone', reason: 'tone', note: null },
    ]);
    await expectSummaryMatchesRows(db);

    // Retention at a cutoff inside a day, then more writes into the boundary day.
    const purged = await purgeOlderThan(db, T0 + 7 * DAY + 3 * 3_600_000);
    expect(purged).toBeGreaterThan(0);
    // Live rows of which some were imported already (kept once, as imported).
    await putOverrides(db, rows.slice(1_200));
    await expectSummaryMatchesRows(db);
    expect((await summaryRowsByTime(db)).length).toBe((await allOverridesByTime(db)).length);
  }, 30_000); // a property test over 1,500 rows: about 2 s idle, over 5 s on a loaded machine

  it('drops a whole boundary day when every row of it is older than the cutoff', async () => {
    db = openDatabase(`summary-${Math.random()}`);
    await putOverrides(db, [row({ decidedAt: T0 }), row({ decidedAt: T0 + 1 }), row({ decidedAt: T0 + 2 * DAY })]);
    await purgeOlderThan(db, T0 + 2);
    expect(await db.summary.count()).toBe(1);
    expect(await db.dayTotals.count()).toBe(1);
    expect(await db.dayDurations.count()).toBe(1);
    await expectSummaryMatchesRows(db);
  });
});
