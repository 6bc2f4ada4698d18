import { describe, expect, it } from 'vitest';
import type { OverrideRow } from '@/lib/db/schema';
import { seededRandom } from '@/lib/demo/random';
import { driftMetricLabel, monitorDrift, whatMoved } from '@/lib/stats/monitor';
import { row } from '../../fixtures/rows';

/** Events a minute apart; from `changeAt` on the AI gets cheerful: more tone findings and more rejections. */
function history(n: number, changeAt: number, seed = 7): OverrideRow[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const drifted = i >= changeAt;
    const tone = random() < (drifted ? 0.3 : 0.05);
    const overridden = random() < (drifted ? 0.45 : 0.25);
    return row({
      decidedAt: i * 60_000,
      shownAt: i * 60_000 - 20_000,
      helpdesk: i % 2 ? 'zendesk' : 'intercom',
      outcome: overridden ? 'rejected' : 'accepted',
      reason: overridden ? (drifted && tone ? 'tone' : 'wrong-facts') : null,
      findings: tone
        ? [
            {
              rule: 'tone-cheerful-to-upset',
              category: 'tone',
              severity: 'warning',
              fingerprint: `f${i}`,
              dismissed: false,
            },
          ]
        : [],
    });
  });
}

describe('drift monitors', () => {
  it('alarm on the override rate and the tone finding rate, with the tone rule as the biggest mover', () => {
    const rows = history(15_000, 10_000);
    const report = monitorDrift(rows, 25);
    const metrics = new Set(report.alarms.map((a) => a.metric));
    expect(metrics.has('override-rate')).toBe(true);
    expect(metrics.has('category:tone')).toBe(true);
    const tone = report.alarms.find((a) => a.metric === 'category:tone');
    expect(tone?.direction).toBe('up');
    expect(Math.abs((tone?.startedAt ?? 0) - 10_000 * 60_000)).toBeLessThan(500 * 60_000);
    const top = tone?.movers.slice(0, 3).map((m) => `${m.dimension}:${m.key}`);
    expect(top).toContain('rule:tone-cheerful-to-upset');
    expect(top).toContain('category:tone');
    expect(driftMetricLabel('category:tone')).toBe('tone finding rate');
  });

  it('stays quiet on a stationary history and says it is not ready on a short one', () => {
    expect(monitorDrift(history(15_000, 15_000), 25).alarms).toEqual([]);
    const short = monitorDrift(history(200, 100), 25);
    expect(short.overrideRate.ready).toBe(false);
    expect(short.alarms).toEqual([]);
  });
});

describe('whatMoved', () => {
  it('ranks changes by size across rules, reasons, helpdesks and customers', () => {
    const base = [row({ helpdesk: 'zendesk' }), row({ helpdesk: 'zendesk' })];
    const customer = {
      sentiment: { label: 'negative' as const, score: -0.7 },
      sarcasm: { likely: true, score: 0.9 },
      escalation: { likely: false, kinds: [] },
    };
    const window = [
      row({ helpdesk: 'zendesk', outcome: 'rejected', reason: 'tone', customer }),
      row({ helpdesk: 'zendesk', outcome: 'accepted', customer }),
    ];
    const movers = whatMoved(base, window);
    const byKey = Object.fromEntries(movers.map((m) => [`${m.dimension}:${m.key}`, m.delta]));
    expect(byKey['sentiment:negative']).toBe(1);
    expect(byKey['sarcasm:sarcastic']).toBe(1);
    expect(byKey['helpdesk:zendesk']).toBe(0.5);
    expect(byKey['reason:tone']).toBe(0.5);
    expect(Math.abs(movers[0]?.delta ?? 0)).toBeGreaterThanOrEqual(Math.abs(movers.at(-1)?.delta ?? 0));
  });
});
