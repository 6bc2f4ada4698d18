import { describe, expect, it } from 'vitest';
import {
  aggregate,
  breakdownOverrideRate,
  DAY_MS,
  falseAlarmRate,
  overriddenWhenFiredRate,
  type RuleStat,
  startOfDay,
  startOfWeek,
} from '@/lib/stats/aggregate';
import { row } from '../../fixtures/rows';

// A Wednesday at local noon, so day and week edges are away from the events.
const WED = new Date(2026, 2, 4, 12, 0, 0).getTime();

describe('calendar buckets', () => {
  it('starts days at local midnight and weeks on Monday', () => {
    expect(new Date(startOfDay(WED)).getHours()).toBe(0);
    const monday = new Date(startOfWeek(WED));
    expect(monday.getDay()).toBe(1);
    expect(monday.getDate()).toBe(2);
    expect(startOfWeek(startOfWeek(WED))).toBe(startOfWeek(WED));
  });
});

describe('aggregate', () => {
  const start = startOfDay(WED) - 6 * DAY_MS;
  const end = startOfDay(WED) + DAY_MS;
  const period = { start, end };
  const rows = [
    // previous period (the 7 days before)
    row({ decidedAt: start - 2 * DAY_MS, outcome: 'rejected' }),
    row({ decidedAt: start - DAY_MS, outcome: 'accepted' }),
    // this period
    row({
      decidedAt: start + 1000,
      outcome: 'accepted',
      helpdesk: 'zendesk',
      agent: 'ana',
      findings: [
        { rule: 'tone-cheerful', category: 'tone', severity: 'warning', fingerprint: 'a', dismissed: true },
        { rule: 'tone-cheerful', category: 'tone', severity: 'warning', fingerprint: 'b', dismissed: false },
      ],
    }),
    row({
      decidedAt: start + DAY_MS + 1000,
      outcome: 'edited',
      helpdesk: 'intercom',
      agent: 'bo',
      reason: 'tone',
      customer: {
        sentiment: { label: 'negative', score: -0.5 },
        sarcasm: { likely: true, score: 0.9 },
        escalation: { likely: false, kinds: [] },
      },
      findings: [{ rule: 'tone-cheerful', category: 'tone', severity: 'warning', fingerprint: 'c', dismissed: false }],
    }),
    row({ decidedAt: WED, outcome: 'escalated', helpdesk: 'zendesk', agent: 'ana', reason: 'needs-human' }),
    // after the period
    row({ decidedAt: end + 10, outcome: 'rejected' }),
  ];
  const FIRST = start - 2 * DAY_MS;
  const a = aggregate(rows, {}, period, FIRST);

  it('sums the period and the one before separately', () => {
    expect(a.headline.seen).toBe(3);
    expect(a.previousHeadline?.seen).toBe(2);
    expect(a.previousHeadline?.rejectionRate).toBe(0.5);
    expect(a.events).toHaveLength(3);
  });

  it('puts events in day and week buckets aligned with the previous period', () => {
    expect(a.trends.day.current).toHaveLength(7);
    expect(a.trends.day.current.map((b) => b.tally.seen)).toEqual([1, 1, 0, 0, 0, 0, 1]);
    expect(a.trends.day.previous).toHaveLength(7);
    expect(a.trends.day.previous.map((b) => b.tally.seen)).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(a.trends.week.current.reduce((s, b) => s + b.tally.seen, 0)).toBe(3);
  });

  it('counts rules: fired, dismissed (false alarms) and overridden when fired', () => {
    expect(a.rules).toHaveLength(1);
    const r = a.rules[0] as RuleStat;
    expect(r).toMatchObject({
      rule: 'tone-cheerful',
      category: 'tone',
      fired: 3,
      dismissed: 1,
      suggestions: 2,
      overridden: 1,
    });
    expect(falseAlarmRate(r)).toBeCloseTo(1 / 3);
    expect(overriddenWhenFiredRate(r)).toBe(0.5);
  });

  it('breaks down by helpdesk, agent, category, reason, sentiment and sarcasm', () => {
    const byKey = (d: keyof typeof a.breakdowns) => Object.fromEntries(a.breakdowns[d].map((b) => [b.key, b.seen]));
    expect(byKey('helpdesk')).toEqual({ zendesk: 2, intercom: 1 });
    expect(byKey('agent')).toEqual({ ana: 2, bo: 1 });
    expect(byKey('category')).toEqual({ tone: 2, 'no findings': 1 });
    expect(byKey('reason')).toEqual({ 'none given': 1, tone: 1, 'needs-human': 1 });
    expect(byKey('sentiment')).toEqual({ unknown: 2, negative: 1 });
    expect(byKey('sarcasm')).toEqual({ unknown: 2, sarcastic: 1 });
    const zendesk = a.breakdowns.helpdesk.find((b) => b.key === 'zendesk');
    expect(zendesk && breakdownOverrideRate(zendesk)).toBe(0.5);
  });

  it('applies filters to both periods', () => {
    const f = aggregate(rows, { helpdesk: 'zendesk' }, period, FIRST);
    expect(f.headline.seen).toBe(2);
    expect(f.previousHeadline?.seen).toBe(2);
    expect(aggregate(rows, { outcome: 'rejected' }, period, FIRST).previousHeadline?.seen).toBe(1);
  });

  it('has no previous period when the log starts inside the period', () => {
    const b = aggregate(rows.slice(2), {}, period, start + 1000);
    expect(b.previousHeadline).toBeNull();
    expect(b.trends.day.previous).toEqual([]);
  });

  it('handles 100,000 rows in one pass quickly', () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      row({ decidedAt: start + (i % 7) * DAY_MS + i, outcome: i % 3 ? 'accepted' : 'edited' }),
    );
    const t0 = performance.now();
    const big = aggregate(many, {}, period, start);
    const ms = performance.now() - t0;
    expect(big.headline.seen).toBe(100_000);
    // Generous: the budget is measured by the benchmark in Chromium, this only catches a quadratic slip.
    expect(ms).toBeLessThan(5000);
  });
});
