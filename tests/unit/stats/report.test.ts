import { describe, expect, it } from 'vitest';
import { parseReportParams } from '@/components/report/report-params';
import { generateHistory } from '@/lib/demo/history';
import { startOfDay } from '@/lib/stats/aggregate';
import { buildReport } from '@/lib/stats/report';
import { reviewSample, type VerdictOf } from '@/lib/stats/review-sample';

const END = new Date(2026, 10, 30, 18).getTime();

describe('the review report', () => {
  const rows = generateHistory({ end: END });
  const period = parseReportParams('?from=2026-11-03&to=2026-11-30', END).period;

  it('covers the period and team it is asked for, against the targets', () => {
    const team = { name: 'Support', agents: ['ana.k', 'ben.o'], helpdesk: 'zendesk' };
    const report = buildReport({
      rows,
      period,
      team,
      targets: { overrideRate: { max: 0.42 }, falseAlarmRate: { max: 0.3 } },
      reviewShare: 0.05,
      verdicts: new Map(),
    });
    const expected = rows.filter(
      (r) =>
        r.decidedAt >= period.start &&
        r.decidedAt < period.end &&
        r.helpdesk === 'zendesk' &&
        (r.agent === 'ana.k' || r.agent === 'ben.o'),
    );
    expect(report.events).toBe(expected.length);
    expect(report.agents).toEqual(['ana.k', 'ben.o']);
    expect(report.helpdesks).toEqual(['zendesk']);
    expect(report.days).toHaveLength(28);
    expect(report.checks[0]).toMatchObject({ key: 'overrideRate', target: { max: 0.42 } });
    expect(report.rules.find((r) => r.rule === 'pii-email')?.target).toEqual({ max: 0.3 });
    // Alarms and breaches listed are those that overlap the period.
    for (const a of [...report.alarms, ...report.breaches]) {
      expect(a.startedAt).toBeLessThan(period.end);
    }
    expect(report.review).toMatchObject({ reviewed: 0, share: null });
  });

  it('estimates from the verdicts on the period’s sample and picks the flagged ones as examples', () => {
    const team = { name: '', agents: [] };
    const accepted = rows.filter(
      (r) => r.decidedAt >= period.start && r.decidedAt < period.end && r.outcome === 'accepted',
    );
    const sample = reviewSample(accepted, 0.05);
    const verdicts = new Map<string, VerdictOf>(
      sample
        .slice(0, 20)
        .map((r, i) => [
          r.id,
          { rowId: r.id, verdict: i % 4 ? 'good' : 'should-change', reason: i % 4 ? null : 'tone' },
        ]),
    );
    const report = buildReport({ rows, period, team, targets: {}, reviewShare: 0.05, verdicts });
    expect(report.review).toMatchObject({
      accepted: accepted.length,
      sampled: sample.length,
      reviewed: 20,
      flagged: 5,
    });
    expect(report.review.share?.estimate).toBe(0.25);
    const flagged = report.examples.filter((e) => e.kind === 'review-flagged');
    expect(flagged).toHaveLength(2);
    expect(flagged.every((e) => verdicts.get(e.id)?.verdict === 'should-change')).toBe(true);
    expect(report.examples.some((e) => e.kind === 'overridden')).toBe(true);
  });

  it('reads its period from the URL: the last day included, 28 days by default', () => {
    const now = new Date(2026, 2, 29, 15).getTime();
    const def = parseReportParams('', now);
    expect(def.period.end).toBe(new Date(2026, 2, 30).getTime());
    expect(def.period.start).toBe(new Date(2026, 2, 2).getTime());
    const swapped = parseReportParams(
      '?from=2026-03-10&to=2026-03-01&agents=a,b&agents=c&team=EMEA&helpdesk=zendesk',
      now,
    );
    expect(swapped.period).toEqual({ start: new Date(2026, 2, 1).getTime(), end: new Date(2026, 2, 11).getTime() });
    expect(swapped.team).toEqual({ name: 'EMEA', agents: ['a', 'b', 'c'], helpdesk: 'zendesk' });
    expect(parseReportParams('?from=2026-02-31', now).period.start).toBe(def.period.start);
    expect(startOfDay(def.period.start)).toBe(def.period.start);
  });
});
