import { describe, expect, it } from 'vitest';
import { overrideRowSchema } from '@/lib/db/export-schema';
import { generateHistory } from '@/lib/demo/history';
import { aggregate, DAY_MS } from '@/lib/stats/aggregate';
import { monitorDrift } from '@/lib/stats/monitor';

const END = new Date(2026, 5, 30, 20, 0, 0).getTime();

describe('the demo history', () => {
  const rows = generateHistory({ end: END });

  it('is deterministic, valid, in time order and spread over agents and helpdesks', { timeout: 30_000 }, () => {
    expect(generateHistory({ end: END })).toEqual(rows);
    expect(rows.length).toBeGreaterThan(4_000);
    for (const r of rows.slice(0, 500)) expect(overrideRowSchema.safeParse(r).success).toBe(true);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]?.decidedAt).toBeGreaterThanOrEqual(rows[i - 1]?.decidedAt ?? 0);
    expect(new Set(rows.map((r) => r.agent)).size).toBe(6);
    expect(new Set(rows.map((r) => r.helpdesk)).size).toBe(4);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('has a drift episode the monitors catch: override rate and tone findings up near the end', () => {
    const report = monitorDrift(rows);
    const up = report.alarms.filter((a) => a.direction === 'up');
    const metrics = up.map((a) => a.metric);
    expect(metrics).toContain('override-rate');
    expect(metrics).toContain('category:tone');
    const tone = up.find((a) => a.metric === 'category:tone');
    expect(tone?.startedAt).toBeGreaterThan(END - 14 * DAY_MS);
    expect(tone?.movers[0]?.key).toMatch(/tone|cheerful-to-upset|condescension/);
  });

  it('can be cut to an exact size', { timeout: 30_000 }, () => {
    expect(generateHistory({ end: END, limit: 1234 })).toHaveLength(1234);
    const big = generateHistory({ end: END, days: 60, perAgentDay: 100, limit: 20_000 });
    expect(big).toHaveLength(20_000);
    expect(aggregate(big, {}, { start: END - 28 * DAY_MS, end: END }).headline.seen).toBeGreaterThan(5_000);
  });
});
