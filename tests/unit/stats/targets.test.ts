import { describe, expect, it } from 'vitest';
import type { OverrideRow } from '@/lib/db/schema';
import { seededRandom } from '@/lib/demo/random';
import { aggregate, startOfDay } from '@/lib/stats/aggregate';
import { median } from '@/lib/stats/metrics';
import { medianTrend, periodTargetChecks, targetBreaches, targetStatus } from '@/lib/stats/targets';
import { row } from '../../fixtures/rows';

const DAY = 86_400_000;
const start = startOfDay(Date.UTC(2026, 2, 2, 12));

/** 40 days of 50 suggestions; on days 30 to 34 the AI turns cheerful: tone findings and overrides rise. */
function history(): OverrideRow[] {
  const random = seededRandom(21);
  const rows: OverrideRow[] = [];
  for (let d = 0; d < 40; d++) {
    const bad = d >= 30 && d < 35;
    const perDay = d === 32 ? 10 : 50;
    for (let i = 0; i < perDay; i++) {
      const t = start + d * DAY + 8 * 3_600_000 + i * 60_000;
      const tone = random() < (bad ? 0.6 : 0.04);
      const overridden = i % 10 < (bad ? 6 : 2);
      rows.push(
        row({
          id: `h-${d}-${i}`,
          decidedAt: t,
          shownAt: t - (bad ? 4_000 : 40_000),
          outcome: overridden ? 'rejected' : 'accepted',
          reason: overridden ? 'tone' : null,
          findings: tone
            ? [{ rule: 'cheerful-to-upset', category: 'tone', severity: 'warning', fingerprint: 'f', dismissed: false }]
            : [],
        }),
      );
    }
  }
  return rows;
}

describe('targets', () => {
  it('say where a value stands against a max, a min or a band', () => {
    expect(targetStatus(0.4, { max: 0.35 })).toBe('above');
    expect(targetStatus(0.35, { max: 0.35 })).toBe('met');
    expect(targetStatus(3_000, { min: 5_000, max: 60_000 })).toBe('below');
    expect(targetStatus(null, { max: 1 })).toBeNull();
    expect(targetStatus(0.5, undefined)).toBeNull();
  });

  it('find the stretch of days beyond a target, with what moved', () => {
    const rows = history();
    // Each day judged on at least 20 suggestions: day 32 (10) is judged with day 31.
    const breaches = targetBreaches(rows, { overrideRate: { max: 0.3 }, medianDecisionMs: { min: 10_000 } }, 20);
    expect(breaches.map((b) => [b.figure, b.direction, b.days, b.open])).toEqual([
      ['medianDecisionMs', 'below', 5, false],
      ['overrideRate', 'above', 5, false],
    ]);
    const override = breaches.find((b) => b.figure === 'overrideRate');
    expect(override?.startedAt).toBe(start + 30 * DAY);
    expect(override?.endedAt).toBe(start + 35 * DAY);
    expect(override?.level).toBeCloseTo(0.6, 10);
    expect(override?.baseline).toBeCloseTo(0.2, 10);
    expect(override?.suggestions).toBe(210);
    expect(override?.movers[0]).toMatchObject({ key: 'cheerful-to-upset' });
    expect(override?.movers.some((m) => m.dimension === 'reason' && m.key === 'tone' && m.delta > 0.3)).toBe(true);
  });

  it('judge a thin day together with the days before it, so a handful of suggestions raises no breach', () => {
    const rows: OverrideRow[] = [];
    for (let d = 0; d < 30; d++) {
      const perDay = d === 20 ? 10 : 200;
      for (let i = 0; i < perDay; i++) {
        const t = start + d * DAY + 9 * 3_600_000 + i * 60_000;
        const overridden = d === 20 || i % 5 === 0;
        rows.push(row({ decidedAt: t, shownAt: t - 30_000, outcome: overridden ? 'rejected' : 'accepted' }));
      }
    }
    // Day 20's 10 suggestions, all overridden, are judged with day 19's 200: 50 of 210.
    expect(targetBreaches(rows, { overrideRate: { max: 0.3 } })).toEqual([]);
    // Judged on its own, it is a one-day breach.
    const [alone] = targetBreaches(rows, { overrideRate: { max: 0.3 } }, 5);
    expect(alone).toMatchObject({ days: 1, startedAt: start + 20 * DAY, level: 1, suggestions: 10 });
  });

  it('say a breach is still open when the newest day is beyond the target, and none without targets', () => {
    const rows = history().filter((r) => r.decidedAt < start + 33 * DAY);
    const [breach] = targetBreaches(rows, { overrideRate: { max: 0.3 } }, 20);
    expect(breach?.open).toBe(true);
    expect(targetBreaches(rows, {})).toEqual([]);
    expect(targetBreaches(rows, { overrideRate: { max: 0.9 } })).toEqual([]);
  });

  it('hold a period’s headline figures and each rule with enough findings to their targets', () => {
    const rows = history();
    const agg = aggregate(rows, {}, { start: start + 20 * DAY, end: start + 40 * DAY });
    const checks = periodTargetChecks(agg.headline, agg.rules, {
      overrideRate: { max: 0.25 },
      unresolvedCriticalShare: { max: 0.01 },
      falseAlarmRate: { max: 0.2 },
      'falseAlarmRate:cheerful-to-upset': { max: 0.1 },
    });
    expect(checks.map((c) => [c.key, c.status])).toEqual([
      ['overrideRate', 'above'],
      ['unresolvedCriticalShare', 'met'],
      ['falseAlarmRate:cheerful-to-upset', 'met'],
    ]);
    expect(checks[2]?.rule).toBe('cheerful-to-upset');
    // Too few findings: not held to a target.
    expect(periodTargetChecks(agg.headline, agg.rules, { falseAlarmRate: { max: 0.2 } }, 10_000)).toEqual([]);
  });

  it('give each trend point its median time to decision', () => {
    const rows = history();
    const starts = Array.from({ length: 40 }, (_, d) => start + d * DAY);
    const { values } = medianTrend(rows, () => true, starts, start + 40 * DAY);
    expect(values[0]).toBe(40_000);
    expect(values[31]).toBe(4_000);
    const day5 = rows.filter((r) => r.decidedAt >= start + 5 * DAY && r.decidedAt < start + 6 * DAY);
    expect(values[5]).toBe(median(day5.map((r) => r.decidedAt - r.shownAt)));
  });
});
